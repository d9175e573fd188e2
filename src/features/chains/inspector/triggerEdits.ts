import { defaultTriggerRule, TRIGGER_DATE_FIELDS } from '../../../domain/chains/nodes/trigger';
import type { SegmentRef, TriggerNode, TriggerRule } from '../../../domain/chains/types';
import { formatEpochDay, localDayNumber } from '../../../domain/time';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';

/** Edits of the trigger form, as pure functions. */

/** Tomorrow at 10:00 in the time zone, as a one-off send's local date-time. */
export function tomorrowAtTen(timeZone: string, now: number): string {
  return `${formatEpochDay(localDayNumber(now, timeZone) + 1)}T10:00`;
}

/**
 * The trigger with another type: a fresh rule of that type, except that an event trigger and an
 * inactivity trigger hand their events to each other (the user is refining the same idea).
 */
export function withTriggerType(node: TriggerNode, type: TriggerRule['type'], audienceAt: string): TriggerNode {
  if (type === node.trigger.type) return node;
  const fresh = defaultTriggerRule(type, audienceAt);
  const previous = node.trigger;
  if ((fresh.type === 'event' || fresh.type === 'inactivity') && (previous.type === 'event' || previous.type === 'inactivity') && previous.event.types.length) {
    return { ...node, trigger: { ...fresh, event: previous.event } };
  }
  return { ...node, trigger: fresh };
}

/** A segment reference of another kind; a lifecycle trigger starts at "at risk", the commonest reason to act. */
export function segmentRefOfType(type: SegmentRef['type']): SegmentRef {
  switch (type) {
    case 'rfmSegment':
      return { type, segment: '' };
    case 'lifecycle':
      return { type, status: 'at_risk' };
    case 'stage':
      return { type, stage: '' };
  }
}

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Fields a date trigger can follow: birth and sign-up dates, and source columns whose values
 * the data shows are ISO dates (judged by their most frequent values).
 */
export function isDateFieldOf(vocabulary: WorkspaceVocabulary | null): (field: string) => boolean {
  const dateColumns = new Set(
    (vocabulary?.fields ?? [])
      .filter((field) => field.name.startsWith('attrs.') && field.values.length > 0 && field.values.every((item) => DATE_VALUE.test(item.value.trim())))
      .map((field) => field.name),
  );
  return (field) => (TRIGGER_DATE_FIELDS as readonly string[]).includes(field) || dateColumns.has(field);
}
