import { describe, expect, it } from 'vitest';
import { computeDashboard, metricsJson } from './dashboard';
import { cohortTableCsv } from './metricsCsv';
import { day, testHistory } from './testing';

const { history } = testHistory([
  ['a', 'order', '2025-01-10T10:00:00Z', 100],
  ['a', 'order', '2025-02-10T10:00:00Z', 50, { utm_source: 'email' }],
  ['b', 'order', '2025-02-01T10:00:00Z', 20],
  ['b', 'return', '2025-02-05T10:00:00Z', 20],
  ['c', 'order', '2025-03-01T10:00:00Z'],
]);

describe('dashboard', () => {
  it('totals the period, the same period a year and a quarter before, and the cohorts', () => {
    const dashboard = computeDashboard(history, { asOfDay: day('2025-03-15'), unit: 'month', period: 'month', churnDays: 365 });
    expect(dashboard.window).toEqual({ fromDay: day('2025-02-15'), toDay: day('2025-03-15') });
    expect(dashboard.totals).toMatchObject({ buyers: 0, orders: 0, buyersToDate: 2 });
    expect(dashboard.previous.quarter.window).toEqual({ fromDay: day('2024-11-15'), toDay: day('2024-12-15') });
    expect(dashboard.cohorts.cohorts.map((row) => row.cohort)).toEqual(['2025-01', '2025-02']);
    expect(dashboard.ordersWithoutAmount).toBe(1);
  });

  it('prints the cli.md JSON: the contract fields, rates as fractions, money unrounded', () => {
    const dashboard = computeDashboard(history, { asOfDay: day('2025-04-01'), unit: 'month', period: 'all', churnDays: 365 });
    const json = metricsJson({ totals: dashboard.totals, cohorts: dashboard.cohorts, timeZone: 'UTC', churnDays: 365, ordersWithoutAmount: 1 });
    expect(json).toMatchObject({
      asOf: '2025-04-01',
      cohortUnit: 'month',
      totals: { buyers: 2, orders: 3, grossRevenue: 170, netRevenue: 150, aov: 170 / 3, purchaseFrequency: 1.5, repeatRate: 0.5, arpu: 75, churnedShare: 0 },
      cohorts: [
        { cohort: '2025-01', customers: 1, retention: [1, 1, 0], ltv: [100, 150, 150], partialLast: false },
        { cohort: '2025-02', customers: 1, retention: [1, 0], ltv: [0, 0], partialLast: false },
      ],
    });
    expect(json.totals.crm).toMatchObject({ orders: 1, revenue: 50, shareOfOrders: 1 / 3 });
    expect(Object.keys(json).slice(0, 4)).toEqual(['asOf', 'cohortUnit', 'totals', 'cohorts']);
  });

  it('writes the cohort table as CSV, one column per period, the partial one named', () => {
    const dashboard = computeDashboard(history, { asOfDay: day('2025-03-15'), unit: 'month', period: 'all', churnDays: 365 });
    const labels = { cohort: 'cohort', startDate: 'first day', customers: 'customers', period: (k: number) => `M${k}`, partial: 'partial' };
    expect(cohortTableCsv(dashboard.cohorts, 'ltv', labels)).toBe('cohort,first day,customers,M0,M1,M2,partial\n2025-01,2025-01-01,1,100,150,150,M2\n2025-02,2025-02-01,1,0,0,,M1\n');
  });
});
