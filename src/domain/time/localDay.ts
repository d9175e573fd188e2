/**
 * Calendar days in a workspace's time zone, for recency, "days since", daily counts and
 * local-time windows. An instant's zone offset is looked up once per UTC hour and cached, so
 * scanning millions of events costs a few thousand Intl calls, not millions.
 */
import { formatEpochDay } from './isoFormat';

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffset(ts: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ts)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/** Milliseconds to add to an instant to get the wall-clock time in `timeZone` (e.g. +3 h for Moscow). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let byHour = offsetCache.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(timeZone, byHour);
  }
  const hour = Math.floor(ts / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    offset = computeOffset(hour * HOUR_MS, timeZone);
    byHour.set(hour, offset);
  }
  return offset;
}

/** The local calendar day of an instant, as days since 1970-01-01. */
export function localDayNumber(ts: number, timeZone: string): number {
  return Math.floor((ts + zoneOffsetMs(ts, timeZone)) / DAY_MS);
}

/** The local calendar date of an instant, `YYYY-MM-DD`: how a date read from a file in that zone is shown back. */
export function formatLocalDate(ts: number, timeZone: string): string {
  return formatEpochDay(localDayNumber(ts, timeZone));
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; NaN when it is not a real date. */
export function isoDateToDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  return ms / DAY_MS;
}

/** The first instant of a local calendar day (handles DST: the offset at that moment is used). */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const guess = dayNumber * DAY_MS;
  const firstTry = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(firstTry, timeZone);
}
