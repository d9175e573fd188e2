import { DAY_MS, dayIndex, drawInstant, timeOnDay, wholeSecond, type DemoCalendar } from './calendar';
import type { CustomerDraft } from './context';
import { ORDER_CHANNELS, type OrderChannel } from './profiles';

/**
 * When each customer orders, by profile:
 * - loyal: a personal rhythm (every 3–8 weeks) with noise, faster in busy seasons;
 * - big spender: one large order, rarely a second or third;
 * - bargain hunter: one to a few orders, drawn towards sale periods;
 * - window shopper: about one in five buys once;
 * - churned: one to a few orders in their active months, then silence;
 * - prospect: never.
 * New customers often buy within days of registering (welcome offer), which is also why
 * signups in busy seasons show up as order peaks.
 */
export interface PlannedOrder {
  ts: number;
  channel: OrderChannel;
}

export function planOrders(draft: CustomerDraft): PlannedOrder[] {
  const times = orderTimes(draft);
  times.sort((a, b) => a - b);
  return times.map((ts) => ({ ts, channel: drawOrderChannel(draft) }));
}

function orderTimes(draft: CustomerDraft): number[] {
  const random = draft.random;
  switch (draft.profile) {
    case 'loyal':
      return rhythmicTimes(draft);
    case 'big_spender':
      return spreadTimes(draft, random.chance(0.85) ? 1 : random.chance(0.8) ? 2 : 3);
    case 'bargain_hunter':
      return spreadTimes(draft, 1 + random.poisson(0.45), draft.context.calendar.saleCumulative);
    case 'window_shopper':
      return spreadTimes(draft, random.chance(0.2) ? 1 : 0);
    case 'churned':
      return spreadTimes(draft, 1 + random.poisson(0.4));
    case 'prospect':
      return [];
  }
}

/** The first order soon after signup for half of new customers, the others drawn seasonally. */
function spreadTimes(draft: CustomerDraft, count: number, table?: number[]): number[] {
  const { life, identity, random, context } = draft;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const isWelcomeOrder = i === 0 && !life.isExisting && random.chance(0.5);
    const ts = isWelcomeOrder
      ? soonAfter(draft, life.activeFrom)
      : drawInstant(context.calendar, random, { fromMs: life.activeFrom, toMs: life.activeTo, utcOffset: identity.utcOffset, table });
    times.push(ts);
  }
  return times;
}

/** Within a week or two of `from`, at a plausible hour. */
function soonAfter(draft: CustomerDraft, from: number): number {
  const { context, random, identity } = draft;
  const day = dayIndex(context.calendar, from + random.exponential(5) * DAY_MS);
  const ts = timeOnDay(context.calendar, random, day, identity.utcOffset);
  return ts > from ? ts : from + 3_600_000 + random.int(0, 7200) * 1000;
}

function rhythmicTimes(draft: CustomerDraft): number[] {
  const { life, random, context } = draft;
  const calendar = context.calendar;
  const meanGapDays = random.uniform(21, 56);
  const times: number[] = [];
  let ts = life.isExisting ? life.activeFrom + random.next() * meanGapDays * DAY_MS : soonAfter(draft, life.activeFrom);
  while (ts < life.activeTo && times.length < 200) {
    times.push(alignToDay(draft, ts));
    const gap = random.lognormal(Math.log(meanGapDays), 0.35) / seasonFactor(calendar, ts);
    ts += gap * DAY_MS;
  }
  return times;
}

/** Keeps the day, redraws the hour from the daily pattern (but never before the customer's start). */
function alignToDay(draft: CustomerDraft, ts: number): number {
  const calendar = draft.context.calendar;
  const aligned = timeOnDay(calendar, draft.random, dayIndex(calendar, ts), draft.identity.utcOffset);
  return aligned >= draft.life.activeFrom ? aligned : wholeSecond(ts);
}

/** Activity of the surrounding fortnight relative to the average (≥ 0.5). */
function seasonFactor(calendar: DemoCalendar, ts: number): number {
  const day = dayIndex(calendar, ts);
  const from = Math.max(0, day - 7);
  const to = Math.min(calendar.days - 1, day + 7);
  const before = from > 0 ? calendar.cumulative[from - 1]! : 0;
  return Math.max(0.5, (calendar.cumulative[to]! - before) / (to - from + 1));
}

function drawOrderChannel(draft: CustomerDraft): OrderChannel {
  const [web, app, store] = draft.spec.channelWeights;
  const weights = [web, draft.identity.hasApp ? app : 0, draft.store ? store : 0];
  if (weights[0]! + weights[1]! + weights[2]! === 0) return 'web';
  return draft.random.weighted(ORDER_CHANNELS, weights);
}
