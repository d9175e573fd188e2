import { describe, expect, it } from 'vitest';
import { computeDashboard, cutTotals, membershipGrouping } from '../../domain/metrics';
import { day, testHistory, type TestRow } from '../../domain/metrics/testing';
import { cellColor, scaleMaximum } from './cohortScale';
import { cutRows, standoutGroup } from './cutRows';
import { headlineFigures } from './headlineFigures';
import type { MetricsFormat } from './metricsFormat';

const format: MetricsFormat = {
  count: (value) => String(Math.round(value)),
  money: (value) => value.toFixed(2),
  percent: (share) => `${(share * 100).toFixed(1)}%`,
  decimal: (value, digits = 2) => value.toFixed(digits),
  calendarDate: (isoDate) => isoDate,
};

const rows: TestRow[] = [];
for (let c = 0; c < 40; c++) {
  rows.push([`c${c}`, 'order', `2025-0${1 + (c % 3)}-10T10:00:00Z`, 100]);
  if (c % 4 === 0) rows.push([`c${c}`, 'order', '2026-01-10T10:00:00Z', 50]);
}
rows.push(['vip', 'order', '2025-12-01T10:00:00Z', 10_000, { utm_source: 'email' }]);

describe('headline figures', () => {
  const { history } = testHistory(rows);
  const dashboard = computeDashboard(history, { asOfDay: day('2026-02-01'), unit: 'month', period: 'year', churnDays: 365 });
  const figures = headlineFigures(dashboard, format, 365, (value) => `${value} pp`);

  it('gives each figure its value, what it stands on and its changes, the CRM share only when the data has it', () => {
    expect(figures.map((figure) => figure.figure)).toEqual(['buyers', 'orders', 'netRevenue', 'aov', 'purchaseFrequency', 'repeatRate', 'arpu', 'churnedShare', 'crmShare']);
    const buyers = figures.find((figure) => figure.figure === 'buyers')!;
    // the last 12 months: February and March 2025 buyers (26), four of January's back in 2026, and vip
    expect(buyers).toMatchObject({ value: '31', isSmallSample: false, denominator: null });
    const repeat = figures.find((figure) => figure.figure === 'repeatRate')!;
    expect(repeat).toMatchObject({ value: '19.4%', denominator: 31, isSmallSample: false, detailParams: { n: '31', repeat: '6' } });
  });

  it('says when there is nothing a year before, and greys a rate over fewer than 30', () => {
    const early = computeDashboard(testHistory(rows).history, { asOfDay: day('2025-06-01'), unit: 'month', period: 'all', churnDays: 365 });
    const aov = headlineFigures(early, format, 365, (value) => `${value} pp`).find((figure) => figure.figure === 'aov')!;
    expect(aov.changes[0]).toMatchObject({ shift: 'year', text: null, direction: 0 });
    const small = computeDashboard(testHistory(rows.slice(0, 5)).history, { asOfDay: day('2026-02-01'), unit: 'month', period: 'all', churnDays: 365 });
    const smallFigures = headlineFigures(small, format, 365, (value) => `${value} pp`);
    expect(smallFigures.find((figure) => figure.figure === 'aov')).toMatchObject({ isSmallSample: true, denominator: 5 });
    expect(smallFigures.some((figure) => figure.figure === 'crmShare')).toBe(false);
  });

  it('shows rates changing in percentage points and counts in per cent', () => {
    const all = computeDashboard(history, { asOfDay: day('2026-02-01'), unit: 'month', period: 'all', churnDays: 365 });
    const views = headlineFigures(all, format, 365, (value) => `${value} pp`);
    const orders = views.find((figure) => figure.figure === 'orders')!;
    // as of 2025-11-01 there were 40 orders, now 51
    expect(orders.changes.find((change) => change.shift === 'quarter')).toMatchObject({ text: '+27.5%', direction: 1 });
    const repeat = views.find((figure) => figure.figure === 'repeatRate')!;
    expect(repeat.changes.find((change) => change.shift === 'quarter')!.text).toBe('+24.4 pp');
  });
});

describe('cut rows and the colour scale', () => {
  it('formats each group, marks small rates and finds the group that stands out', () => {
    const { history, c } = testHistory(rows);
    const cut = cutTotals(history, { fromDay: null, toDay: day('2026-02-01') }, membershipGrouping(history.customerCount, [c('vip')]), 365);
    const table = cutRows(cut, [{ name: 'VIP', color: '#ff0000' }, { name: 'Others' }], format);
    expect(table.map((row) => [row.label.name, row.cells.buyers.text, row.cells.aov.isSmall])).toEqual([['VIP', '1', true], ['Others', '40', false]]);
    expect(standoutGroup(cut)).toBeNull(); // VIP has 1 buyer: too few to stand out
  });

  it('shades retention from its largest value after the first period, and clamps', () => {
    const { history } = testHistory(rows);
    const dashboard = computeDashboard(history, { asOfDay: day('2026-02-01'), unit: 'month', period: 'all', churnDays: 365 });
    expect(scaleMaximum(dashboard.cohorts, 'retention')).toBeLessThan(1);
    expect(cellColor(0, 1)).toBe('hsl(210, 85%, 97.0%)');
    expect(cellColor(2, 1)).toBe('hsl(210, 85%, 66.0%)');
    expect(cellColor(5, 0)).toBe('hsl(210, 85%, 97.0%)');
  });
});
