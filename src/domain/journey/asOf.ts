import { UserFacingError } from '../errors';
import { formatEpochDay, isoDateToDayNumber, localDayNumber, startOfLocalDay } from '../time';

/**
 * As-of dates. "As of 2026-11-01" means at the start of that day in the workspace's time zone:
 * everything that happened up to the end of 31 October counts. The default as-of date is the
 * day after the last event, so that every event counts.
 */
export function asOfInstant(isoDate: string, timeZone: string): number {
  const day = isoDateToDayNumber(isoDate);
  if (Number.isNaN(day)) throw new UserFacingError('journey.badDate', `"${isoDate}" is not a date YYYY-MM-DD.`, { value: isoDate });
  return startOfLocalDay(day, timeZone);
}

/** `YYYY-MM-DD` of the day after the last event; null when there are no events. */
export function defaultAsOfDate(lastTs: number | null, timeZone: string): string | null {
  if (lastTs === null || !Number.isFinite(lastTs)) return null;
  const date = formatEpochDay(localDayNumber(lastTs, timeZone) + 1);
  // after 9999-12-31 there is no YYYY-MM-DD date (and no real data): no default rather than a date nothing can read
  return Number.isNaN(isoDateToDayNumber(date)) ? null : date;
}

/** `YYYY-MM-DD` of the local day of an instant. */
export function localIsoDate(ts: number, timeZone: string): string {
  return formatEpochDay(localDayNumber(ts, timeZone));
}

/** `YYYY-MM-DD` of `isoDate` shifted by `days`. */
export function shiftIsoDate(isoDate: string, days: number): string {
  const day = isoDateToDayNumber(isoDate);
  if (Number.isNaN(day)) throw new UserFacingError('journey.badDate', `"${isoDate}" is not a date YYYY-MM-DD.`, { value: isoDate });
  return formatEpochDay(day + days);
}
