import { addSumTo, addToSum, sumValue } from '../math/compensatedSum';
import { formatEpochDay, periodLabel, periodOfDay, periodStartDay, type CalendarUnit } from '../time';
import { firstRowOnOrAfter, type MetricsHistory } from './history';
import { isSmallSample, ratio } from './totals';

/**
 * Cohorts as of D, exactly as metrics.md defines them (they are compared cell by cell with
 * other tools):
 * - a customer's cohort is the calendar month (or ISO week) of their first order before D, in
 *   the history's time zone;
 * - the index k of an order is its period minus the cohort's period (months, or weeks for week
 *   cohorts — decision: a week cohort is followed week by week);
 * - retention[k] = customers of the cohort with at least one order in period k ÷ customers of
 *   the cohort (k = 0 is 1: every customer ordered in their first period);
 * - ltv[k] = net revenue (orders − returns) of the cohort's customers dated in periods 0 … k ÷
 *   customers of the cohort. A return dated before the customer's cohort period is not in
 *   any cell (it is in the totals' net revenue);
 * - every cohort runs to k = the period containing D − 1. That last period is partial unless
 *   D − 1 is its last day (D is the first day of a period): `partialLast`.
 * The average curves pool the cohorts (Σ retained ÷ Σ customers, Σ net ÷ Σ customers) over the
 * complete cells only, so a partial month does not pull the curve down.
 */
export interface CohortOptions {
  asOfDay: number;
  unit: CalendarUnit;
  /** only these customers (1 = counted): a cut or an audience; every customer without it */
  members?: Uint8Array;
}

export interface CohortRow {
  period: number;
  /** `2010-12` or `2010-W49` */
  cohort: string;
  /** first day of the cohort's period, YYYY-MM-DD */
  startDate: string;
  customers: number;
  /** customers with at least one order in period k */
  retained: number[];
  retention: number[];
  /** cumulative net revenue of periods 0 … k */
  netRevenue: number[];
  ltv: number[];
  partialLast: boolean;
  isSmallSample: boolean;
}

export interface CohortAverage {
  /** null where no cohort has a complete cell k */
  retention: (number | null)[];
  ltv: (number | null)[];
  /** customers behind each point */
  customers: number[];
}

export interface CohortTable {
  unit: CalendarUnit;
  asOfDay: number;
  /** the period containing D − 1 */
  lastPeriod: number;
  isLastPeriodPartial: boolean;
  /** oldest first */
  cohorts: CohortRow[];
  average: CohortAverage;
}

interface CohortCells {
  period: number;
  customers: number;
  retained: Int32Array;
  revenueHi: Float64Array;
  revenueLo: Float64Array;
}

function cellsFor(cells: Map<number, CohortCells>, period: number, lastPeriod: number): CohortCells {
  let cohort = cells.get(period);
  if (!cohort) {
    const length = lastPeriod - period + 1;
    cohort = { period, customers: 0, retained: new Int32Array(length), revenueHi: new Float64Array(length), revenueLo: new Float64Array(length) };
    cells.set(period, cohort);
  }
  return cohort;
}

/** The end (exclusive) of customer c's rows before day `asOfDay`. */
function endBefore(rows: MetricsHistory['orders' | 'returns'], c: number, asOfDay: number): number {
  const end = rows.start[c + 1]!;
  if (end === rows.start[c] || rows.day[end - 1]! < asOfDay) return end;
  return firstRowOnOrAfter(rows, c, asOfDay);
}

/** Adds customer c to their cohort's cells; false when c has no order before D. */
function addCustomer(history: MetricsHistory, c: number, options: CohortOptions, lastPeriod: number, cells: Map<number, CohortCells>): boolean {
  const { orders, returns } = history;
  const { unit, asOfDay } = options;
  const first = orders.start[c]!;
  const end = endBefore(orders, c, asOfDay);
  if (end === first) return false;
  const cohortPeriod = periodOfDay(orders.day[first]!, unit);
  const cohort = cellsFor(cells, cohortPeriod, lastPeriod);
  cohort.customers++;
  // A customer's orders of one period are summed in locals (two-sum) and written once per period.
  let lastDay = Number.NaN;
  let k = -1;
  let hi = 0;
  let lo = 0;
  for (let i = first; i < end; i++) {
    const day = orders.day[i]!;
    if (day !== lastDay) {
      lastDay = day;
      const next = periodOfDay(day, unit) - cohortPeriod;
      if (next !== k) {
        if (k >= 0) flushPeriod(cohort, k, hi, lo);
        cohort.retained[next]!++;
        k = next;
        hi = 0;
        lo = 0;
      }
    }
    const value = orders.amount[i]!;
    const total = hi + value;
    const virtual = total - hi;
    lo += hi - (total - virtual) + (value - virtual);
    hi = total;
  }
  flushPeriod(cohort, k, hi, lo);
  const returnEnd = endBefore(returns, c, asOfDay);
  for (let i = returns.start[c]!; i < returnEnd; i++) {
    const returnK = periodOfDay(returns.day[i]!, unit) - cohortPeriod;
    if (returnK >= 0) addToSum(cohort.revenueHi, cohort.revenueLo, returnK, -returns.amount[i]!);
  }
  return true;
}

function flushPeriod(cohort: CohortCells, k: number, hi: number, lo: number): void {
  addToSum(cohort.revenueHi, cohort.revenueLo, k, hi);
  addToSum(cohort.revenueHi, cohort.revenueLo, k, lo);
}

export function computeCohorts(history: MetricsHistory, options: CohortOptions): CohortTable {
  const { unit, asOfDay, members } = options;
  const lastPeriod = periodOfDay(asOfDay - 1, unit);
  const isLastPeriodPartial = periodStartDay(lastPeriod + 1, unit) !== asOfDay;
  const cells = new Map<number, CohortCells>();
  for (let c = 0; c < history.customerCount; c++) {
    if (members && members[c] !== 1) continue;
    addCustomer(history, c, options, lastPeriod, cells);
  }
  const cohorts = [...cells.values()].sort((a, b) => a.period - b.period).map((cohort) => cohortRow(cohort, unit, isLastPeriodPartial));
  return { unit, asOfDay, lastPeriod, isLastPeriodPartial, cohorts, average: averageCurves([...cells.values()], isLastPeriodPartial) };
}

function cohortRow(cells: CohortCells, unit: CalendarUnit, isLastPeriodPartial: boolean): CohortRow {
  const { customers } = cells;
  const length = cells.retained.length;
  const runningHi = new Float64Array(1);
  const runningLo = new Float64Array(1);
  const netRevenue = new Array<number>(length);
  for (let k = 0; k < length; k++) {
    addSumTo(cells.revenueHi, cells.revenueLo, k, runningHi, runningLo, 0);
    netRevenue[k] = sumValue(runningHi, runningLo, 0);
  }
  return {
    period: cells.period,
    cohort: periodLabel(cells.period, unit),
    startDate: formatEpochDay(periodStartDay(cells.period, unit)),
    customers,
    retained: Array.from(cells.retained),
    retention: Array.from(cells.retained, (retained) => retained / customers),
    netRevenue,
    ltv: netRevenue.map((net) => net / customers),
    partialLast: isLastPeriodPartial,
    isSmallSample: isSmallSample(customers),
  };
}

function averageCurves(cohorts: readonly CohortCells[], isLastPeriodPartial: boolean): CohortAverage {
  const length = cohorts.reduce((max, cohort) => Math.max(max, cohort.retained.length), 0);
  const customers = new Array<number>(length).fill(0);
  const retained = new Array<number>(length).fill(0);
  const netHi = new Float64Array(length);
  const netLo = new Float64Array(length);
  for (const cohort of cohorts) {
    const complete = cohort.retained.length - (isLastPeriodPartial ? 1 : 0);
    const runningHi = new Float64Array(1);
    const runningLo = new Float64Array(1);
    for (let k = 0; k < complete; k++) {
      customers[k]! += cohort.customers;
      retained[k]! += cohort.retained[k]!;
      addSumTo(cohort.revenueHi, cohort.revenueLo, k, runningHi, runningLo, 0);
      addSumTo(runningHi, runningLo, 0, netHi, netLo, k);
    }
  }
  return {
    retention: retained.map((count, k) => ratio(count, customers[k]!)),
    ltv: customers.map((count, k) => ratio(sumValue(netHi, netLo, k), count)),
    customers,
  };
}

/**
 * The customers behind a cell (click → those customers): the cohort's customers with an order
 * in period k, or every customer of the cohort when k is null. Customer indexes, ascending.
 */
export function cohortCellCustomers(history: MetricsHistory, options: CohortOptions, cohortPeriod: number, k: number | null): Int32Array {
  const { orders } = history;
  const { unit, asOfDay, members } = options;
  const found: number[] = [];
  for (let c = 0; c < history.customerCount; c++) {
    if (members && members[c] !== 1) continue;
    const first = orders.start[c]!;
    const end = endBefore(orders, c, asOfDay);
    if (end === first || periodOfDay(orders.day[first]!, unit) !== cohortPeriod) continue;
    if (k === null || hasOrderInPeriod(orders.day, first, end, cohortPeriod + k, unit)) found.push(c);
  }
  return Int32Array.from(found);
}

function hasOrderInPeriod(days: Int32Array, from: number, to: number, period: number, unit: CalendarUnit): boolean {
  for (let i = from; i < to; i++) if (periodOfDay(days[i]!, unit) === period) return true;
  return false;
}
