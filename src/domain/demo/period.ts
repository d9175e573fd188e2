import { buildCalendar } from './calendar';
import { resolveDemoOptions, type DemoOptions } from './context';

/**
 * The instants a demo data set covers: [startMs, endMs), from local midnight (Moscow) of the
 * first day to local midnight after the end date. Every generated event lies inside.
 */
export function demoPeriod(options: DemoOptions): { startMs: number; endMs: number; startDate: string; endDate: string } {
  const resolved = resolveDemoOptions(options);
  const calendar = buildCalendar(resolved.endDate, resolved.months);
  return { startMs: calendar.startMs, endMs: calendar.endMs, startDate: calendar.dates[0]!, endDate: resolved.endDate };
}
