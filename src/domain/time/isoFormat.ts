/**
 * Fast ISO 8601 formatting of instants (ms UTC) and calendar dates, for exports of millions of
 * rows: plain arithmetic (Hinnant's civil-from-days) instead of a Date object per value.
 * Output matches Date#toISOString: `2026-03-05T18:42:10Z`, with `.123` only when the instant
 * has milliseconds.
 */
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a day counted from 1970-01-01 (negative before it). */
export function formatEpochDay(epochDay: number): string {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
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
