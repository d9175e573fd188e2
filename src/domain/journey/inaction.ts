import { z } from 'zod';
import { localDayNumber } from '../time';
import { isKnownAt, ordersBefore, type JourneyIndex } from './journeyIndex';
import { describeZodError, type ParseResult } from './stageMapping';

/**
 * Inaction made visible (the textbook: "бездействие — это не тишина, это сигнал"). As of `at`:
 * - considered_not_bought: a Consideration activity (an event of a type assigned to the
 *   `consideration` stage, or reaching that stage) within the last N days, and the `purchase`
 *   stage never reached;
 * - subscribed_no_order: subscribed to e-mail and no order yet. Subscribed = the customer's
 *   last `subscribe`/`unsubscribe` event before `at` is a subscribe, or, with neither event,
 *   e-mail consent "yes" in the profile (a profile consent has no date: it is taken to hold all
 *   along, `since` is then unknown). Optionally only those subscribed at least N days ago;
 * - one_order_no_repeat: exactly one order, placed N or more days ago.
 * "Within the last N days" counts local days: as of D, activity on D−N … D−1. `days` is the
 * whole local days from the key event (the activity, subscription or order) to the as-of day.
 */
export const INACTION_LISTS = ['considered_not_bought', 'subscribed_no_order', 'one_order_no_repeat'] as const;
export type InactionListId = (typeof INACTION_LISTS)[number];

export const INACTION_SETTINGS_VERSION = 1;

export interface InactionSettings {
  version: typeof INACTION_SETTINGS_VERSION;
  considerationDays: number;
  subscribedMinDays: number;
  repeatAfterDays: number;
  /** CJM: customers at a stage longer than this are "stuck" */
  stuckDays: number;
}

export function defaultInactionSettings(): InactionSettings {
  return { version: INACTION_SETTINGS_VERSION, considerationDays: 30, subscribedMinDays: 0, repeatAfterDays: 60, stuckDays: 30 };
}

const days = z.number().int('whole days').min(0, 'not negative').max(3650, 'at most 3650 days');
const inactionSchema = z
  .object({ version: z.literal(INACTION_SETTINGS_VERSION), considerationDays: days.min(1, 'at least 1 day'), subscribedMinDays: days, repeatAfterDays: days, stuckDays: days })
  .strict();

export function parseInactionSettings(value: unknown): ParseResult<InactionSettings> {
  const result = inactionSchema.safeParse(value);
  return result.success ? { ok: true, value: { ...result.data, version: INACTION_SETTINGS_VERSION } } : { ok: false, error: describeZodError(result.error) };
}

export const SUBSCRIBE_EVENT = 'subscribe';
export const UNSUBSCRIBE_EVENT = 'unsubscribe';

export interface InactionResult {
  list: InactionListId;
  /** set when the list cannot be built: the mapping has no such stage */
  missingStage?: string;
  customers: Int32Array;
  /** instant of the key event; NaN when unknown (subscription known only from the profile) */
  since: Float64Array;
  /** whole local days from the key event to the as-of day; -1 when unknown */
  days: Int32Array;
}

interface Entry {
  customer: number;
  since: number;
}

export function inactionList(index: JourneyIndex, list: InactionListId, at: number, settings: InactionSettings): InactionResult {
  const asOfDay = localDayNumber(at, index.timeZone);
  const entries: Entry[] = [];
  if (list === 'considered_not_bought') {
    const consideration = index.stageIds.indexOf('consideration');
    const purchase = index.stageIds.indexOf('purchase');
    if (consideration < 0 || purchase < 0) return emptyResult(list, consideration < 0 ? 'consideration' : 'purchase');
    const oldestDay = asOfDay - settings.considerationDays;
    for (let c = 0; c < index.data.customerCount; c++) {
      if (index.firstReach[c * index.stageCount + purchase]! < at) continue;
      const last = lastStageActivity(index, c, consideration, at);
      if (!Number.isNaN(last) && localDayNumber(last, index.timeZone) >= oldestDay) entries.push({ customer: c, since: last });
    }
  } else if (list === 'subscribed_no_order') {
    const types = { subscribe: index.data.eventTypes.indexOf(SUBSCRIBE_EVENT), unsubscribe: index.data.eventTypes.indexOf(UNSUBSCRIBE_EVENT) };
    for (let c = 0; c < index.data.customerCount; c++) {
      if (!isKnownAt(index, c, at) || ordersBefore(index, c, at) > 0) continue;
      const since = subscribedSince(index, c, at, types);
      if (since === null) continue;
      if (Number.isNaN(since) || asOfDay - localDayNumber(since, index.timeZone) >= settings.subscribedMinDays) entries.push({ customer: c, since });
    }
  } else {
    for (let c = 0; c < index.data.customerCount; c++) {
      if (ordersBefore(index, c, at) !== 1) continue;
      const slot = index.orderOffsets[c]!;
      if (asOfDay - index.orderDay[slot]! >= settings.repeatAfterDays) entries.push({ customer: c, since: index.orderTs[slot]! });
    }
  }
  return toResult(list, entries, index.timeZone, asOfDay);
}

function emptyResult(list: InactionListId, missingStage: string): InactionResult {
  return { list, missingStage, customers: new Int32Array(0), since: new Float64Array(0), days: new Int32Array(0) };
}

function toResult(list: InactionListId, entries: Entry[], timeZone: string, asOfDay: number): InactionResult {
  // Freshest first (the most actionable), unknown dates last, then by customer index.
  entries.sort((a, b) => (Number.isNaN(a.since) ? 1 : 0) - (Number.isNaN(b.since) ? 1 : 0) || b.since - a.since || a.customer - b.customer);
  return {
    list,
    customers: Int32Array.from(entries, (entry) => entry.customer),
    since: Float64Array.from(entries, (entry) => entry.since),
    days: Int32Array.from(entries, (entry) => (Number.isNaN(entry.since) ? -1 : asOfDay - localDayNumber(entry.since, timeZone))),
  };
}

/** The last instant before `at` of an event assigned to `stage`, or of reaching it; NaN when none. */
function lastStageActivity(index: JourneyIndex, c: number, stage: number, at: number): number {
  const { data } = index;
  let last = index.firstReach[c * index.stageCount + stage]!;
  if (!(last < at)) last = Number.NaN;
  for (let i = data.offsets[c + 1]! - 1, from = data.offsets[c]!; i >= from; i--) {
    const ts = data.ts[i]!;
    if (ts >= at) continue;
    if (index.typeStage[data.type[i]!] === stage) return Number.isNaN(last) ? ts : Math.max(ts, last);
  }
  return last;
}

/** When the current subscription started (NaN = known only from the profile); null = not subscribed. */
function subscribedSince(index: JourneyIndex, c: number, at: number, types: { subscribe: number; unsubscribe: number }): number | null {
  const { data } = index;
  const { subscribe, unsubscribe } = types;
  for (let i = data.offsets[c + 1]! - 1, from = data.offsets[c]!; i >= from; i--) {
    if (data.ts[i]! >= at) continue;
    if (data.type[i] === subscribe) return data.ts[i]!;
    if (data.type[i] === unsubscribe) return null;
  }
  return data.emailConsent?.[c] === 1 ? Number.NaN : null;
}
