import type { TFunction } from 'i18next';
import { isDefaultStageId, isStageRule, type LifecycleStatus, type StageMapping } from '../../domain/journey';
import { eventTypeLabel } from '../../ui/eventTypeLabel';

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

/** One colour per stage position, from cool (first touch) to warm (advocacy). */
const STAGE_PALETTE = ['#7e8ce0', '#4f9de8', '#2bb3c0', '#33a46b', '#8bb43a', '#e0a030', '#d9734a', '#c2508a', '#8a63c9', '#5d7f99', '#a0825a', '#6b8e23'];

export function stageColor(position: number): string {
  return STAGE_PALETTE[position % STAGE_PALETTE.length]!;
}

export const STATUS_COLORS: Record<LifecycleStatus, string> = {
  prospect: '#8d93a8',
  new: '#4f9de8',
  active: '#2e9d5b',
  at_risk: '#e39b25',
  lapsed: '#d9623b',
  churned: '#8a3b3b',
};

/** Toggle buttons keep their label on one line. */
export const NO_WRAP = { '& .MuiToggleButton-root': { whiteSpace: 'nowrap' } } as const;
