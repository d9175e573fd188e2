import { civilFromDays } from './calendar';

/**
 * Fast ISO 8601 formatting of instants (ms UTC) and calendar dates, for exports of millions of
 * rows: plain arithmetic (calendar.ts's civil-from-days) instead of a Date object per value.
 * Output matches Date#toISOString: `2026-03-05T18:42:10Z`, with `.123` only when the instant
 * has milliseconds.
 */
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a day counted from 1970-01-01 (negative before it). */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM-DD` (UTC) of an instant. */
export function formatUtcDate(ms: number): string {
  return formatEpochDay(Math.floor(ms / DAY_MS));
}

// Consecutive instants of a sorted timeline mostly share their day: remember the last one.
let cachedDay = Number.NaN;
let cachedDate = '';

/** `YYYY-MM-DDTHH:mm:ssZ` (UTC), with milliseconds only when present. */
export function formatUtcInstant(ms: number): string {
  const epochDay = Math.floor(ms / DAY_MS);
  if (epochDay !== cachedDay) {
    cachedDay = epochDay;
    cachedDate = formatEpochDay(epochDay);
  }
  const msOfDay = ms - epochDay * DAY_MS;
  const seconds = Math.floor(msOfDay / 1000);
  const millis = msOfDay - seconds * 1000;
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  const fraction = millis === 0 ? '' : `.${String(Math.floor(millis)).padStart(3, '0')}`;
  return `${cachedDate}T${time}${fraction}Z`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));

function pad2(value: number): string {
  return TWO_DIGITS[value] ?? String(value);
}

function pad4(value: number): string {
  if (value >= 1000 && value <= 9999) return String(value);
  const sign = value < 0 ? '-' : '';
  return `${sign}${String(Math.abs(value)).padStart(4, '0')}`;
}
