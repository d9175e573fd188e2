import { localDayNumber, startOfLocalDay } from '../time';
import { firstRowAtOrAfter, netRangeSum, rangeSum, type RfmHistory } from './history';
import type { RfmMonetaryMode, RfmWindow } from './types';

/**
 * The three measures of one customer over an analysis period (rfm-cjm.md):
 * - recency: whole local days from the last order to the analysis date (0 = ordered that day);
 * - frequency: orders in the period (returns are not orders);
 * - revenue: Σ orders − Σ returns dated in the period (net; may be negative).
 * The period holds the local days `asOfDay − periodDays + 1 … asOfDay`; an order counts when its
 * instant falls in them — the analysis date itself included, anything later never.
 */
export interface WindowBounds {
  asOfDay: number;
  /** First instant inside the period (−Infinity for "all history"). */
  startTs: number;
  /** First instant after the analysis date. */
  endTs: number;
}

export function windowBounds(history: Pick<RfmHistory, 'timeZone'>, window: RfmWindow): WindowBounds {
  const { asOfDay, periodDays } = window;
  return {
    asOfDay,
    startTs: periodDays === null ? Number.NEGATIVE_INFINITY : startOfLocalDay(asOfDay - periodDays + 1, history.timeZone),
    endTs: startOfLocalDay(asOfDay + 1, history.timeZone),
  };
}

export interface CustomerMeasures {
  recency: number;
  frequency: number;
  revenue: number;
}

/** Fills `out` and returns true when the customer ordered in the period; false (out untouched) otherwise. */
export function measureCustomer(history: RfmHistory, customer: number, bounds: WindowBounds, out: CustomerMeasures): boolean {
  const orders = history.orders;
  const end = firstRowAtOrAfter(orders, customer, bounds.endTs);
  const first = bounds.startTs === Number.NEGATIVE_INFINITY ? orders.start[customer]! : firstRowAtOrAfter(orders, customer, bounds.startTs);
  if (end <= first) return false;
  const returns = history.returns;
  out.frequency = end - first;
  out.recency = bounds.asOfDay - localDayNumber(orders.ts[end - 1]!, history.timeZone);
  out.revenue = rangeSum(orders, first, end);
  if (returns.start[customer + 1]! > returns.start[customer]!) {
    const returnEnd = firstRowAtOrAfter(returns, customer, bounds.endTs);
    const returnFirst = bounds.startTs === Number.NEGATIVE_INFINITY ? returns.start[customer]! : firstRowAtOrAfter(returns, customer, bounds.startTs);
    if (returnEnd > returnFirst) out.revenue = netRangeSum(orders, first, end, returns, returnFirst, returnEnd);
  }
  return true;
}

/** The value the monetary score is computed from. */
export function monetaryValue(revenue: number, frequency: number, mode: RfmMonetaryMode): number {
  return mode === 'average' ? revenue / frequency : revenue;
}

/** The default analysis date: the local day after the last order (NaN without orders). */
export function defaultAsOfDay(history: RfmHistory): number {
  if (Number.isNaN(history.lastOrderTs)) return Number.NaN;
  return localDayNumber(history.lastOrderTs, history.timeZone) + 1;
}
