import { LOCAL_DATE_TIME_PATTERN, minutesOfDay, type Chain, type SegmentRef, type TriggerRule } from '../chains';
import { compileCondition, compileEventMatch, OTHERS_SEGMENT_ID, type CompiledCondition, type CompiledEventMatch, type EventTypeTable, type SegmentSource } from '../conditions';
import { DAY_MS, instantOfLocalMinute, isoDateToDayNumber, localDayNumber } from '../time';
import type { SimulationPeriod, SimulationSettings } from './settings';

/**
 * The five trigger kinds compiled for the run (simulation.md "Trigger"), and what the customer
 * loop asks of them: when a date trigger fires for a customer, whether a customer is in a
 * segment on a day, when a one-off audience send happens. An audience trigger either sends once
 * at `at` or (`isOnJoin`) is checked every night like a segment trigger.
 */
export type RuntimeTrigger =
  | { kind: 'event'; match: CompiledEventMatch; needsSegments: false }
  | { kind: 'inactivity'; match: CompiledEventMatch; ms: number; needsSegments: false }
  | { kind: 'date'; field: string; offsetDays: number; minute: number; isYearly: boolean; needsSegments: false }
  | { kind: 'segment'; segment: SegmentRef; needsSegments: true }
  | { kind: 'audience'; condition: CompiledCondition | null; at: number; isOnJoin: boolean; needsSegments: boolean };

/** Whether the trigger is checked at every local midnight of the run (the nightly check). */
export function isDailyTrigger(trigger: RuntimeTrigger): boolean {
  return trigger.kind === 'segment' || (trigger.kind === 'audience' && trigger.isOnJoin);
}

/** The instant of a chain-local 'YYYY-MM-DDTHH:mm'; NaN when malformed. */
function localDateTimeInstant(text: string, timeZone: string): number {
  const match = LOCAL_DATE_TIME_PATTERN.exec(text);
  if (!match) return Number.NaN;
  const day = isoDateToDayNumber(`${match[1]}-${match[2]}-${match[3]}`);
  return day === day ? instantOfLocalMinute(day, Number(match[4]) * 60 + Number(match[5]), timeZone) : Number.NaN;
}

export function compileTrigger(chain: Chain, rule: TriggerRule, types: EventTypeTable, settings: SimulationSettings, warnings: string[]): RuntimeTrigger {
  const timeZone = chain.settings.timeZone ?? settings.timeZone;
  switch (rule.type) {
    case 'event':
      return { kind: 'event', match: compileEventMatch(rule.event, types), needsSegments: false };
    case 'inactivity':
      return { kind: 'inactivity', match: compileEventMatch(rule.event, types), ms: rule.days * DAY_MS, needsSegments: false };
    case 'date':
      return { kind: 'date', field: rule.field, offsetDays: rule.offsetDays, minute: minutesOfDay(rule.localTime), isYearly: rule.repeat === 'yearly', needsSegments: false };
    case 'segment':
      return { kind: 'segment', segment: rule.segment, needsSegments: true };
    case 'audience': {
      const audience = rule.audience;
      let group = audience.type === 'condition' ? audience.condition : settings.audiences[audience.audienceId];
      if (!group && audience.type === 'saved') {
        const what = rule.mode === 'joins' ? 'nobody joins it' : 'its one-off send enters nobody';
        warnings.push(`Chain "${chain.name}": the saved audience "${audience.name}" is not available to this run, so ${what}.`);
        group = undefined;
      }
      const condition = group ? compileCondition(group, types, { audiences: settings.audiences, ...(audience.type === 'saved' ? { selfId: audience.audienceId } : {}) }) : null;
      return { kind: 'audience', condition, at: localDateTimeInstant(rule.at, timeZone), isOnJoin: rule.mode === 'joins', needsSegments: condition?.needsSegments ?? false };
    }
  }
}

/** Year, month, day of a date field's text: 'YYYY-MM-DD…' or 'DD.MM.YYYY'; null when it holds no date. */
export function dateParts(text: string | undefined): { year: number; month: number; day: number } | null {
  if (!text) return null;
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(trimmed);
  if (match) return checkDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(trimmed);
  if (match) return checkDate(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

function checkDate(year: number, month: number, day: number): { year: number; month: number; day: number } | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
}

/** The local day number of (year, month, day), 29 February → 28 February in other years. */
function anniversaryDay(year: number, month: number, day: number): number {
  const isLeapDay = month === 2 && day === 29;
  const isLeapYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return Math.floor(Date.UTC(year, month - 1, isLeapDay && !isLeapYear ? 28 : day) / DAY_MS);
}

/** The instants in the period at which a date trigger fires for a customer whose field reads `parts`. */
export function dateTriggerInstants(trigger: Extract<RuntimeTrigger, { kind: 'date' }>, parts: { year: number; month: number; day: number }, timeZone: string, period: SimulationPeriod): number[] {
  const instants: number[] = [];
  const fire = (day: number) => {
    const ts = instantOfLocalMinute(day + trigger.offsetDays, trigger.minute, timeZone);
    if (ts >= period.startTs && ts < period.endTs) instants.push(ts);
  };
  if (!trigger.isYearly) {
    fire(anniversaryDay(parts.year, parts.month, parts.day));
    return instants;
  }
  const firstYear = new Date(period.startTs).getUTCFullYear() - 2;
  const lastYear = new Date(period.endTs).getUTCFullYear() + 2;
  for (let year = Math.max(firstYear, parts.year); year <= lastYear; year++) fire(anniversaryDay(year, parts.month, parts.day));
  return instants;
}

/** The calendar date (in `timeZone`) of a sign-up instant. */
export function instantDateParts(ts: number, timeZone: string): { year: number; month: number; day: number } {
  const date = new Date(localDayNumber(ts, timeZone) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whether the customer is in the segment as known at `ts` (nightly RFM, journey state before `ts`). */
export function isInSegment(segment: SegmentRef, source: SegmentSource, customer: number, ts: number): boolean {
  switch (segment.type) {
    case 'rfmSegment': {
      const rfm = source.rfmAt(customer, ts);
      if (!rfm || rfm.segment < 0) return false;
      return (source.segmentIds[rfm.segment] ?? OTHERS_SEGMENT_ID) === segment.segment;
    }
    case 'lifecycle':
      return source.journeyAt(customer, ts).lifecycle === segment.status;
    case 'stage':
      return source.journeyAt(customer, ts).stageId === segment.stage;
  }
}
