import { DAY_MS, instantOfLocalMinute, localDayNumber, localMinuteAtOffset, localMinuteOfDay, weekdayOfDay, type ZoneOffsetSource } from '../time';
import type { RuntimeChain, RuntimeNode } from './plan';

/**
 * Local-clock rules of a chain: send windows of `until` timers and quiet hours. Every answer is
 * in the chain's time zone and daylight-saving aware (the instants come from
 * instantOfLocalMinute).
 */
type Window = NonNullable<RuntimeNode['window']>;
type Quiet = NonNullable<RuntimeChain['quiet']>;

export function isInWindow(window: Window, ts: number, timeZone: string): boolean {
  const day = localDayNumber(ts, timeZone);
  if (!window.weekdays[weekdayOfDay(day)]) return false;
  const minute = localMinuteOfDay(ts, timeZone);
  return minute >= window.fromMinute && minute < window.toMinute;
}

/** The start of the next window after `ts` (within two weeks); +∞ when the window has no weekday. */
export function nextWindowStart(window: Window, ts: number, timeZone: string): number {
  const today = localDayNumber(ts, timeZone);
  for (let day = today; day <= today + 14; day++) {
    if (!window.weekdays[weekdayOfDay(day)]) continue;
    const start = instantOfLocalMinute(day, window.fromMinute, timeZone);
    if (start > ts) return start;
  }
  return Number.POSITIVE_INFINITY;
}

/** Whether local minute-of-day `minute` is inside the quiet hours. */
export function isInQuietHours(quiet: Quiet, minute: number): boolean {
  return quiet.fromMinute < quiet.toMinute ? minute >= quiet.fromMinute && minute < quiet.toMinute : minute >= quiet.fromMinute || minute < quiet.toMinute;
}

/** When quiet hours that hold `ts` end (the next local `to`); `offsets` is the run's cache of the zone's offsets. */
export function quietHoursEnd(quiet: Quiet, ts: number, timeZone: string, offsets: ZoneOffsetSource): number {
  const offset = offsets.offsetAt(ts, timeZone);
  // localDayNumber's and localMinuteOfDay's formulas, with the offset looked up once
  const day = Math.floor((ts + offset) / DAY_MS);
  const minute = localMinuteAtOffset(ts, offset);
  const isNextDay = quiet.fromMinute > quiet.toMinute && minute >= quiet.fromMinute;
  return instantOfLocalMinute(isNextDay ? day + 1 : day, quiet.toMinute, timeZone, offsets);
}
