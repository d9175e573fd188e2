import type { TFunction } from 'i18next';
import { isDefaultStageId, isStageRule, type LifecycleStatus, type StageMapping } from '../../domain/journey';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import { categoryColor, NEUTRAL_COLOR } from '../../ui/palette';

/** Display names of the mapping's stages: the user's name, else the translated default. */
export function stageNames(mapping: StageMapping, t: TFunction): string[] {
  return mapping.stages.map((stage) => stage.name ?? (isDefaultStageId(stage.id) ? t(`journey.stages.${stage.id}`) : stage.id));
}

export function stageName(mapping: StageMapping, stageId: string | null, t: TFunction): string {
  if (stageId === null) return t('journey.card.noStage');
  const stage = mapping.stages.find((candidate) => candidate.id === stageId);
  if (stage?.name) return stage.name;
  return isDefaultStageId(stageId) ? t(`journey.stages.${stageId}`) : stageId;
}

/** A mapping item as shown: rules by their translated name, event types by theirs. */
export function itemLabel(item: string, t: TFunction): string {
  return isStageRule(item) ? t(`journey.mapping.rules.${item}`) : eventTypeLabel(t, item);
}

export function statusLabel(status: LifecycleStatus | null, t: TFunction): string {
  return status === null ? t('journey.lifecycle.notKnown') : t(`journey.lifecycle.status.${status}`);
}

/** The default mapping's six stages get six colours colour-blind viewers tell apart (palette.test.ts). */
export const STAGE_PALETTE_SIZE = 6;

/** One colour per stage position (a mapping with more than eight stages repeats them). */
export function stageColor(position: number): string {
  return categoryColor(position);
}

/** Okabe–Ito hues from new (blue) to churned (wine); prospects in neutral grey. */
export const STATUS_COLORS: Record<LifecycleStatus, string> = {
  prospect: NEUTRAL_COLOR,
  new: '#56B4E9',
  active: '#009E73',
  at_risk: '#E69F00',
  lapsed: '#D55E00',
  churned: '#882255',
};

/** Toggle buttons keep their label on one line. */
export const NO_WRAP = { '& .MuiToggleButton-root': { whiteSpace: 'nowrap' } } as const;
