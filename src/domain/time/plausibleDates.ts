import { DAY_MS, isoDateToDayNumber } from './localDay';
import { formatEpochDay } from './isoFormat';

/**
 * Which instants are plausible as dates of real customer history, and the span of the data
 * that every DEFAULT date is taken from.
 *
 * A single row dated 2099-01-01 or 9999-12-31 (a typo, a "never" placeholder) must not move
 * the default RFM analysis date, the journey's "end of data", the simulator's default period
 * or the metrics' as-of date to that year. So every default goes through `plausibleSpan`: the
 * first and last instants INSIDE the plausible window, with the number of instants outside it.
 * Explicit dates the user types are never changed.
 *
 * The window: from 1970-01-01 00:00 UTC to "now" + 1 day (an export made today may carry
 * tomorrow's date in another zone), both ends configurable. Years 0000 and 0001 are not dates
 * at all but placeholders; the import rejects them (`isPlaceholderYear`).
 */
export interface PlausibleWindow {
  /** first plausible instant (ms UTC, inclusive) */
  from: number;
  /** last plausible instant (ms UTC, inclusive) */
  to: number;
}

/** The window's ends as the user sets them: calendar days (YYYY-MM-DD), inclusive. */
export interface PlausibleDatesSetting {
  from?: string;
  to?: string;
}

export const EARLIEST_PLAUSIBLE_DATE = '1970-01-01';
/** Instants before this (year 0000 or 0001) are placeholders, never real dates. */
const FIRST_REAL_YEAR_START = new Date(0).setUTCFullYear(2, 0, 1);

/**
 * The plausible window at `now`: by default 1970-01-01 to now + 1 day. A `setting` end (a
 * calendar day) covers that whole day in UTC; ends that cannot be read are ignored (callers
 * validate what users type with `parsePlausibleDates`).
 */
export function plausibleWindow(now: number, setting: PlausibleDatesSetting = {}): PlausibleWindow {
  const fromDay = setting.from ? isoDateToDayNumber(setting.from) : Number.NaN;
  const toDay = setting.to ? isoDateToDayNumber(setting.to) : Number.NaN;
  return {
    from: Number.isNaN(fromDay) ? isoDateToDayNumber(EARLIEST_PLAUSIBLE_DATE) * DAY_MS : fromDay * DAY_MS,
    to: Number.isNaN(toDay) ? now + DAY_MS : (toDay + 1) * DAY_MS - 1,
  };
}

export function isPlausibleInstant(ts: number, window: PlausibleWindow): boolean {
  return ts >= window.from && ts <= window.to;
}

/** Year 0000 or 0001 (or earlier): what systems write for "no date"; never a real date. */
export function isPlaceholderYear(ts: number): boolean {
  return ts < FIRST_REAL_YEAR_START;
}

/** The plausible span of some instants: first and last inside the window, and how many fell outside it. */
export interface PlausibleSpan {
  /** first plausible instant, NaN when there is none */
  first: number;
  /** last plausible instant, NaN when there is none */
  last: number;
  /** instants outside the window (not NaN ones) */
  outside: number;
}

export function emptySpan(): PlausibleSpan {
  return { first: Number.NaN, last: Number.NaN, outside: 0 };
}

/** Adds `ts` to `span` (in place). NaN is ignored. */
export function addToSpan(span: PlausibleSpan, ts: number, window: PlausibleWindow): void {
  if (Number.isNaN(ts)) return;
  if (ts < window.from || ts > window.to) {
    span.outside++;
    return;
  }
  if (!(ts >= span.first)) span.first = ts;
  if (!(ts <= span.last)) span.last = ts;
}

/**
 * THE shared "span of the data" every default date is derived from: the first and last
 * instants of `columns` inside `window`. Pass `ranges` (each column's known min and max, e.g.
 * block statistics) to skip scanning columns that lie wholly inside the window.
 */
export function plausibleSpan(columns: Iterable<ArrayLike<number>>, window: PlausibleWindow, ranges?: readonly { min: number; max: number }[]): PlausibleSpan {
  const span = emptySpan();
  let index = 0;
  for (const column of columns) {
    const range = ranges?.[index++];
    if (range && column.length > 0 && range.min >= window.from && range.max <= window.to) {
      addToSpan(span, range.min, window);
      addToSpan(span, range.max, window);
      continue;
    }
    for (let i = 0; i < column.length; i++) addToSpan(span, column[i]!, window);
  }
  return span;
}

/** Merges spans (of blocks, batches, files) into one. */
export function mergeSpans(spans: Iterable<PlausibleSpan>): PlausibleSpan {
  const merged = emptySpan();
  for (const span of spans) {
    if (!(span.first >= merged.first)) merged.first = span.first;
    if (!(span.last <= merged.last)) merged.last = span.last;
    merged.outside += span.outside;
  }
  return merged;
}

/**
 * Reads a window typed by a user: "FROM..TO" with either side empty ("2015-01-01..",
 * "..2025-12-31"). Returns undefined when it is not of that form or a date is not a real day.
 */
export function parsePlausibleDates(text: string): PlausibleDatesSetting | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})?\s*\.\.\s*(\d{4}-\d{2}-\d{2})?\s*$/.exec(text);
  if (!match) return undefined;
  const [, from, to] = match;
  if (from && Number.isNaN(isoDateToDayNumber(from))) return undefined;
  if (to && Number.isNaN(isoDateToDayNumber(to))) return undefined;
  if (from && to && isoDateToDayNumber(from) > isoDateToDayNumber(to)) return undefined;
  const setting: PlausibleDatesSetting = {};
  if (from) setting.from = from;
  if (to) setting.to = to;
  return setting;
}

/** The window as a person reads it: "1970-01-01 … 2026-05-02". */
export function describeWindow(window: PlausibleWindow): string {
  return `${formatEpochDay(Math.floor(window.from / DAY_MS))} … ${formatEpochDay(Math.floor(window.to / DAY_MS))}`;
}
