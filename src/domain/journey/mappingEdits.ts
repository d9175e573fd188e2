import { UserFacingError } from '../errors';
import { ORDER_EVENT } from '../model';
import { MAX_STAGE_NAME_LENGTH, MAX_STAGES, isDefaultStageId, type StageMapping } from './stageMapping';

/**
 * The edits of the stage-mapping editor. Each returns a new mapping (the input is left alone)
 * or throws a UserFacingError (`journey.*` codes) saying what is wrong.
 */
function stageIndex(mapping: StageMapping, stageId: string): number {
  const index = mapping.stages.findIndex((stage) => stage.id === stageId);
  if (index < 0) throw new UserFacingError('journey.unknownStage', `Stage "${stageId}" does not exist.`, { stage: stageId });
  return index;
}

/** Puts `item` into `stageId`, taking it out of any other stage; `null` unassigns it. */
export function assignItem(mapping: StageMapping, item: string, stageId: string | null): StageMapping {
  if (item === ORDER_EVENT) throw new UserFacingError('journey.orderItem', 'Orders enter stages through the first-order and repeat-order rules.');
  const assignments = { ...mapping.assignments };
  if (stageId === null) delete assignments[item];
  else {
    stageIndex(mapping, stageId);
    assignments[item] = stageId;
  }
  return { ...mapping, assignments };
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new UserFacingError('journey.nameEmpty', 'Give the stage a name.');
  if (trimmed.length > MAX_STAGE_NAME_LENGTH) {
    throw new UserFacingError('journey.nameTooLong', `The name is too long: at most ${MAX_STAGE_NAME_LENGTH} characters.`, { max: MAX_STAGE_NAME_LENGTH });
  }
  return trimmed;
}

/**
 * Renames a stage. An empty name gives a default stage its translated name back; an added
 * stage must keep a name. The id never changes, so assignments and saved lists stay valid.
 */
export function renameStage(mapping: StageMapping, stageId: string, name: string): StageMapping {
  const index = stageIndex(mapping, stageId);
  const stages = [...mapping.stages];
  if (!name.trim() && isDefaultStageId(stageId)) stages[index] = { id: stageId };
  else stages[index] = { id: stageId, name: checkedName(name) };
  return { ...mapping, stages };
}

/** Adds a stage after `afterStageId` (at the end when absent); returns the mapping and the new id. */
export function addStage(mapping: StageMapping, name: string, afterStageId?: string): { mapping: StageMapping; stageId: string } {
  if (mapping.stages.length >= MAX_STAGES) throw new UserFacingError('journey.tooManyStages', `At most ${MAX_STAGES} stages.`, { max: MAX_STAGES });
  const ids = new Set(mapping.stages.map((stage) => stage.id));
  let number = 1;
  while (ids.has(`stage_${number}`)) number++;
  const stageId = `stage_${number}`;
  const position = afterStageId === undefined ? mapping.stages.length : stageIndex(mapping, afterStageId) + 1;
  const stages = [...mapping.stages];
  stages.splice(position, 0, { id: stageId, name: checkedName(name) });
  return { mapping: { ...mapping, stages }, stageId };
}

/** Removes a stage; its items become unassigned. The last stage cannot go. */
export function removeStage(mapping: StageMapping, stageId: string): StageMapping {
  const index = stageIndex(mapping, stageId);
  if (mapping.stages.length === 1) throw new UserFacingError('journey.lastStage', 'Keep at least one stage.');
  const assignments: Record<string, string> = {};
  for (const [item, stage] of Object.entries(mapping.assignments)) if (stage !== stageId) assignments[item] = stage;
  return { ...mapping, stages: mapping.stages.filter((_, i) => i !== index), assignments };
}

/** Moves a stage one place earlier (-1) or later (+1) in the funnel; no-op at the ends. */
export function moveStage(mapping: StageMapping, stageId: string, delta: -1 | 1): StageMapping {
  const index = stageIndex(mapping, stageId);
  const target = index + delta;
  if (target < 0 || target >= mapping.stages.length) return mapping;
  const stages = [...mapping.stages];
  [stages[index], stages[target]] = [stages[target]!, stages[index]!];
  return { ...mapping, stages };
}
