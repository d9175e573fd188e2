import { ORDER_EVENT, RETURN_EVENT } from '../model';
import { isStageRule, NPS_EVENT, type StageMapping } from './stageMapping';

/**
 * Whether the data can put anyone into each stage on its own. A stage whose items never occur
 * in the data — on an export of orders only: the awareness, interest and consideration
 * events — is still "reached" by everyone who got further (a customer's furthest stage counts
 * for the stages before it), so it would show 100 % conversion and no drop-off. The screens hide
 * or explain such stages instead of showing those numbers.
 *
 * `eventCounts`: events per type in the workspace. The rule `@first_event` has evidence only
 * when some event of its stage is not an order (with orders alone it is the purchase itself).
 */
export function stagesWithoutEvidence(mapping: StageMapping, eventCounts: ReadonlyMap<string, number>): Set<string> {
  const has = (type: string) => (eventCounts.get(type) ?? 0) > 0;
  const hasBehaviour = hasBehaviourEvents(eventCounts);
  const itemHasEvidence = (item: string): boolean => {
    if (!isStageRule(item)) return has(item);
    if (item === '@first_event') return hasBehaviour;
    if (item === '@nps_promoter') return has(NPS_EVENT);
    return has(ORDER_EVENT);
  };
  const withEvidence = new Set<string>();
  for (const [item, stageId] of Object.entries(mapping.assignments)) if (itemHasEvidence(item)) withEvidence.add(stageId);
  return new Set(mapping.stages.map((stage) => stage.id).filter((id) => !withEvidence.has(id)));
}

/**
 * Whether the data has any event that is not an order or a return. Without one, a stage lacks
 * evidence because the export holds only orders; with one, because none of its types is
 * assigned to the stage — the screens say which.
 */
export function hasBehaviourEvents(eventCounts: ReadonlyMap<string, number>): boolean {
  return [...eventCounts].some(([type, count]) => count > 0 && type !== ORDER_EVENT && type !== RETURN_EVENT);
}
