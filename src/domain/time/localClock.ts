import { formatEpochDay } from './isoFormat';
import { DAY_MS, OFFSET_TABLE, zoneOffsetMs, type ZoneOffsetSource } from './localDay';

/**
 * Wall-clock times in a time zone, for quiet hours, send windows, "10:00 on the birthday" and
 * traces: the local minute and weekday of an instant, and the instant of a local day and minute
 * (daylight-saving aware: a time skipped by a spring-forward change moves on by the gap, a time
 * that occurs twice in autumn is its first occurrence).
 */
const MINUTE_MS = 60_000;
const HALF_DAY_MS = 14 * 3_600_000;

/** Minutes after local midnight, 0 … 1439. */
export function localMinuteOfDay(ts: number, timeZone: string): number {
  return localMinuteAtOffset(ts, zoneOffsetMs(ts, timeZone));
}

/** Minutes after local midnight of `ts` where the clock is `offsetMs` ahead of UTC (the zone's offset at `ts`, looked up by the caller). */
export function localMinuteAtOffset(ts: number, offsetMs: number): number {
  const local = ts + offsetMs;
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** ISO weekday of a local day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The instant at which the local clock shows `minute` minutes after midnight of local `day` (`offsets`: a cache when the caller has one). */
export function instantOfLocalMinute(day: number, minute: number, timeZone: string, offsets: ZoneOffsetSource = OFFSET_TABLE): number {
  const local = day * DAY_MS + minute * MINUTE_MS;
  const before = offsets.offsetAt(local - HALF_DAY_MS, timeZone);
  const after = offsets.offsetAt(local + HALF_DAY_MS, timeZone);
  const early = local - before;
  if (offsets.offsetAt(early, timeZone) === before) return early;
  const late = local - after;
  if (offsets.offsetAt(late, timeZone) === after) return late;
  return early;
}

/** `YYYY-MM-DD HH:mm` on the local clock. */
export function formatLocalMinute(ts: number, timeZone: string): string {
  const local = ts + zoneOffsetMs(ts, timeZone);
  const day = Math.floor(local / DAY_MS);
  const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  return `${formatEpochDay(day)} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
