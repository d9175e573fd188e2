import { cumulative, searchCumulative, type Random } from '../random';

/**
 * The demo period and its retail seasonality (Russian market). Day intensities are relative
 * activity levels (mean ≈ 1) from which session, signup and order dates are drawn:
 * - months: summer dip (Jun–Aug), strong November (11.11, Black Friday) and December
 *   (New Year gifts), quiet first week of January, May holidays;
 * - gift bumps before February 23 and March 8, a smaller one before February 14;
 * - weekdays: a slightly busier Sunday and Monday, quieter Friday and Saturday.
 * `saleCumulative` is the same curve with sale periods amplified, for bargain hunters.
 * The period runs from local midnight of the first day to local midnight after `endDate`
 * in Moscow time (UTC+3 all year since 2014).
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
const MOSCOW_OFFSET_HOURS = 3;

export interface DemoCalendar {
  /** First instant of the period (ms UTC), inclusive. */
  startMs: number;
  /** End of the period (ms UTC), exclusive. */
  endMs: number;
  days: number;
  /** Date of each day as `YYYY-MM-DD`. */
  dates: string[];
  intensity: Float64Array;
  /** cumulative[d] = Σ intensity[0..d] (inclusive), for drawing days. */
  cumulative: number[];
  saleCumulative: number[];
  /** Whether the day is part of a sale the bargain hunters wait for. */
  isSaleDay: Uint8Array;
}

/** Hour-of-day weights (local time) for online activity: evening peak 19–22 h. */
const ONLINE_HOUR_WEIGHTS = [
  0.5, 0.3, 0.15, 0.1, 0.1, 0.15, 0.4, 0.9, 1.3, 1.6, 1.8, 1.9,
  2.1, 2.1, 1.9, 1.9, 2.0, 2.2, 2.6, 3.0, 3.3, 3.2, 2.4, 1.3,
];
/** Stores are open 10–22 h, busiest after work. */
const STORE_HOUR_WEIGHTS = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.3,
  1.6, 1.7, 1.6, 1.6, 1.8, 2.2, 2.6, 2.6, 2.0, 1.2, 0, 0,
];
const ONLINE_HOURS = cumulative(ONLINE_HOUR_WEIGHTS);
const STORE_HOURS = cumulative(STORE_HOUR_WEIGHTS);

const MONTH_FACTORS = [0.8, 0.9, 1.0, 0.92, 0.88, 0.76, 0.72, 0.8, 0.98, 1.03, 1.38, 1.5];
/** Sunday .. Saturday */
const WEEKDAY_FACTORS = [1.12, 1.05, 1.0, 1.0, 1.0, 0.93, 0.9];

export function moscowMidnight(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) - MOSCOW_OFFSET_HOURS * HOUR_MS;
}

export function buildCalendar(endDate: string, months: number): DemoCalendar {
  const endMs = moscowMidnight(endDate) + DAY_MS;
  const end = new Date(endMs + MOSCOW_OFFSET_HOURS * HOUR_MS);
  const startMs = Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate()) - MOSCOW_OFFSET_HOURS * HOUR_MS;
  const days = Math.round((endMs - startMs) / DAY_MS);
  const dates: string[] = [];
  const intensity = new Float64Array(days);
  const saleWeights: number[] = [];
  const isSaleDay = new Uint8Array(days);
  for (let d = 0; d < days; d++) {
    const date = new Date(startMs + d * DAY_MS + MOSCOW_OFFSET_HOURS * HOUR_MS);
    dates.push(date.toISOString().slice(0, 10));
    intensity[d] = dayIntensity(date);
    const sale = saleBoost(date);
    isSaleDay[d] = sale > 1 ? 1 : 0;
    saleWeights.push(intensity[d]! * sale);
  }
  return {
    startMs,
    endMs,
    days,
    dates,
    intensity,
    cumulative: cumulative(Array.from(intensity)),
    saleCumulative: cumulative(saleWeights),
    isSaleDay,
  };
}

/** Friday after the fourth Thursday of November. */
export function blackFriday(year: number): number {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return firstThursday + 22;
}

function dayIntensity(date: Date): number {
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const base = MONTH_FACTORS[month]! * WEEKDAY_FACTORS[date.getUTCDay()]!;
  return base * holidayFactor(date.getUTCFullYear(), month, day);
}

function holidayFactor(year: number, month: number, day: number): number {
  if (month === 10) {
    const friday = blackFriday(year);
    if (day === friday) return 2.6;
    if (day === friday + 3) return 1.8; // Cyber Monday
    if (day >= friday - 4 && day <= friday + 2) return 1.5;
    if (day === 11) return 1.8; // 11.11
  }
  if (month === 11) {
    if (day === blackFriday(year) + 3 - 30) return 1.8; // Cyber Monday on December 1
    if (day === 31) return 0.6;
    if (day >= 15) return 1.1 + (day - 15) * 0.04;
  }
  if (month === 0 && day <= 8) return day <= 2 ? 0.45 : 0.75;
  if (month === 1 && (day === 13 || day === 14)) return 1.25;
  if (month === 1 && day >= 18 && day <= 22) return 1.35;
  if (month === 2 && day >= 2 && day <= 7) return 1.55;
  if (month === 4 && day <= 10) return 0.85;
  return 1;
}

/** How much more likely a bargain hunter is to buy on this day. */
function saleBoost(date: Date): number {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 10) {
    const friday = blackFriday(year);
    if (day >= friday - 4 && day <= friday + 3) return 5;
    if (day >= 10 && day <= 12) return 4;
  }
  if (month === 0 && day >= 3 && day <= 15) return 3; // winter clearance
  if (month === 6 && day <= 20) return 3; // summer sale
  if (month === 1 && day >= 18 && day <= 23) return 1.8;
  if (month === 2 && day >= 2 && day <= 8) return 1.8;
  return 0.35;
}

/** Fractional day position of an instant (0 = period start). */
function dayPosition(calendar: DemoCalendar, ms: number): number {
  return Math.min(calendar.days, Math.max(0, (ms - calendar.startMs) / DAY_MS));
}

function cumulativeAt(table: readonly number[], position: number): number {
  const day = Math.floor(position);
  const before = day > 0 ? table[day - 1]! : 0;
  if (day >= table.length) return before;
  return before + (table[day]! - before) * (position - day);
}

/** Σ intensity over [fromMs, toMs): the expected number of "average days" in the span. */
export function intensityBetween(calendar: DemoCalendar, fromMs: number, toMs: number, table = calendar.cumulative): number {
  return Math.max(0, cumulativeAt(table, dayPosition(calendar, toMs)) - cumulativeAt(table, dayPosition(calendar, fromMs)));
}

/** Draws a day index in [fromMs, toMs) proportionally to the table's intensity. */
export function drawDay(calendar: DemoCalendar, random: Random, fromMs: number, toMs: number, table = calendar.cumulative): number {
  const low = cumulativeAt(table, dayPosition(calendar, fromMs));
  const high = cumulativeAt(table, dayPosition(calendar, toMs));
  if (high <= low) return Math.min(calendar.days - 1, Math.floor(dayPosition(calendar, fromMs)));
  return searchCumulative(table, low + random.next() * (high - low));
}

/**
 * An instant on the given day at a plausible local hour for the customer's time zone,
 * whole seconds (exports carry second precision). Online or store opening-hours profile.
 */
export function timeOnDay(calendar: DemoCalendar, random: Random, day: number, utcOffset: number, isStore = false): number {
  const hours = isStore ? STORE_HOURS : ONLINE_HOURS;
  const hour = random.cumulativeIndex(hours);
  const second = hour * 3600 + Math.floor(random.next() * 3600);
  return calendar.startMs + day * DAY_MS - (utcOffset - MOSCOW_OFFSET_HOURS) * HOUR_MS + second * 1000;
}

/**
 * A seasonally weighted instant in [fromMs, toMs). Days are drawn from the intensity table and
 * hours from the local pattern; the partial first and last days can fall outside, then retry.
 */
export function drawInstant(
  calendar: DemoCalendar,
  random: Random,
  span: { fromMs: number; toMs: number; utcOffset: number; isStore?: boolean; table?: number[] },
): number {
  for (let attempt = 0; attempt < 6; attempt++) {
    const day = drawDay(calendar, random, span.fromMs, span.toMs, span.table);
    const ts = timeOnDay(calendar, random, day, span.utcOffset, span.isStore);
    if (ts >= span.fromMs && ts < span.toMs) return ts;
  }
  return wholeSecond(span.fromMs + random.next() * Math.max(0, span.toMs - span.fromMs - 1000));
}

export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** Day index of an instant, clamped to the period. */
export function dayIndex(calendar: DemoCalendar, ms: number): number {
  return Math.min(calendar.days - 1, Math.max(0, Math.floor((ms - calendar.startMs) / DAY_MS)));
}
