import { addMonthsToDay } from '../time';
import type { MetricsWindow } from './totals';

/**
 * The headline cards' period and their changes "against the same period a year / a quarter
 * before" (issue 16). A period ends at the as-of date D (exclusive) and is all history or the
 * last 1, 3 or 12 calendar months; the comparison is the same window moved back 12 or 3
 * calendar months (a day that does not exist there is clamped: 31 May → 28/29 February). For
 * "all history" that is the totals as of D − 1 year / D − 3 months: how far the base has grown.
 *
 * Changes: counts and money change relatively ((now − then) ÷ |then|); rates (shares,
 * frequencies) by their difference, which the screen shows in percentage points. Either is null
 * when there is nothing to compare with.
 */
export const METRICS_PERIODS = ['all', 'year', 'quarter', 'month'] as const;
export type MetricsPeriod = (typeof METRICS_PERIODS)[number];

const PERIOD_MONTHS: Record<Exclude<MetricsPeriod, 'all'>, number> = { year: 12, quarter: 3, month: 1 };

export const COMPARISON_SHIFTS = ['year', 'quarter'] as const;
export type ComparisonShift = (typeof COMPARISON_SHIFTS)[number];

const SHIFT_MONTHS: Record<ComparisonShift, number> = { year: 12, quarter: 3 };

export function periodWindow(asOfDay: number, period: MetricsPeriod): MetricsWindow {
  return { fromDay: period === 'all' ? null : addMonthsToDay(asOfDay, -PERIOD_MONTHS[period]), toDay: asOfDay };
}

export function shiftWindow(window: MetricsWindow, shift: ComparisonShift): MetricsWindow {
  const months = -SHIFT_MONTHS[shift];
  return { fromDay: window.fromDay === null ? null : addMonthsToDay(window.fromDay, months), toDay: addMonthsToDay(window.toDay, months) };
}

export interface FigureChange {
  previous: number | null;
  /** now − then */
  difference: number | null;
  /** (now − then) ÷ |then|; null when then is 0 or missing */
  relative: number | null;
}

export function figureChange(current: number | null, previous: number | null): FigureChange {
  if (current === null || previous === null) return { previous, difference: null, relative: null };
  const difference = current - previous;
  return { previous, difference, relative: previous === 0 ? null : difference / Math.abs(previous) };
}
