import { formatEpochDay, type CalendarUnit } from '../time';
import { computeCohorts, type CohortTable } from './cohorts';
import { COMPARISON_SHIFTS, periodWindow, shiftWindow, type ComparisonShift, type MetricsPeriod } from './comparison';
import type { MetricsHistory } from './history';
import { computeTotals, SMALL_SAMPLE_SIZE, type MetricsTotals, type MetricsWindow } from './totals';

/**
 * Everything the Metrics screen's first view and `chainlab metrics` show, from one history:
 * the totals of the period ending at D, the same totals a year and a quarter before, and the
 * cohort table as of D. Optionally limited to the members of a cut or an audience.
 */
export interface MetricsDashboardOptions {
  asOfDay: number;
  unit: CalendarUnit;
  period: MetricsPeriod;
  /** T3 of the lifecycle settings */
  churnDays: number;
  members?: Uint8Array;
}

export interface ComparedTotals {
  window: MetricsWindow;
  totals: MetricsTotals;
}

export interface MetricsDashboard {
  asOfDay: number;
  period: MetricsPeriod;
  window: MetricsWindow;
  totals: MetricsTotals;
  previous: Record<ComparisonShift, ComparedTotals>;
  cohorts: CohortTable;
  ordersWithoutAmount: number;
  /** local days of the first and last order of the whole history (NaN without orders) */
  firstOrderDay: number;
  lastOrderDay: number;
}

function membersGrouping(members: Uint8Array | undefined, customerCount: number) {
  if (!members) return undefined;
  const groupOf = new Int32Array(customerCount).fill(-1);
  for (let c = 0; c < customerCount; c++) if (members[c] === 1) groupOf[c] = 0;
  return { groupCount: 1, groupOf };
}

export function computeDashboard(history: MetricsHistory, options: MetricsDashboardOptions): MetricsDashboard {
  const grouping = membersGrouping(options.members, history.customerCount);
  const totalsOf = (window: MetricsWindow) => computeTotals(history, window, { churnDays: options.churnDays, grouping })[0]!;
  const window = periodWindow(options.asOfDay, options.period);
  const previous = Object.fromEntries(
    COMPARISON_SHIFTS.map((shift) => {
      const shifted = shiftWindow(window, shift);
      return [shift, { window: shifted, totals: totalsOf(shifted) }];
    }),
  ) as Record<ComparisonShift, ComparedTotals>;
  return {
    asOfDay: options.asOfDay,
    period: options.period,
    window,
    totals: totalsOf(window),
    previous,
    cohorts: computeCohorts(history, { asOfDay: options.asOfDay, unit: options.unit, members: options.members }),
    ordersWithoutAmount: history.ordersWithoutAmount,
    firstOrderDay: history.firstOrderDay,
    lastOrderDay: history.lastOrderDay,
  };
}

/**
 * `chainlab metrics --json` (cli.md "metrics"): the contract's fields first, then extras —
 * counts behind every rate, the averages, the CRM share when the data has an attribution prop.
 * Rates are fractions, money unrounded, null where the denominator is 0.
 */
export function metricsJson(input: { totals: MetricsTotals; cohorts: CohortTable; timeZone: string; churnDays: number; ordersWithoutAmount: number }) {
  const { totals, cohorts } = input;
  return {
    asOf: formatEpochDay(cohorts.asOfDay),
    cohortUnit: cohorts.unit,
    totals: {
      buyers: totals.buyers,
      orders: totals.orders,
      grossRevenue: totals.grossRevenue,
      netRevenue: totals.netRevenue,
      aov: totals.aov,
      purchaseFrequency: totals.purchaseFrequency,
      repeatRate: totals.repeatRate,
      arpu: totals.arpu,
      churnedShare: totals.churnedShare,
      returns: totals.returns,
      returnedAmount: totals.returnedAmount,
      repeatBuyers: totals.repeatBuyers,
      churnedBuyers: totals.churnedBuyers,
      ordersPerBuyer: totals.ordersPerBuyer,
      ...(totals.crm ? { crm: totals.crm } : {}),
    },
    cohorts: cohorts.cohorts.map((row) => ({
      cohort: row.cohort,
      customers: row.customers,
      retention: row.retention,
      ltv: row.ltv,
      partialLast: row.partialLast,
      startDate: row.startDate,
      retained: row.retained,
      netRevenue: row.netRevenue,
      isSmallSample: row.isSmallSample,
    })),
    average: cohorts.average,
    timeZone: input.timeZone,
    churnDays: input.churnDays,
    smallSampleSize: SMALL_SAMPLE_SIZE,
    ordersWithoutAmount: input.ordersWithoutAmount,
  };
}

export type MetricsJson = ReturnType<typeof metricsJson>;
