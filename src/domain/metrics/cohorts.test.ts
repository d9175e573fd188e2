import { describe, expect, it } from 'vitest';
import { cohortCellCustomers, computeCohorts } from './cohorts';
import { customerOrdersAsOf } from './history';
import { day, testHistory, type TestRow } from './testing';

describe('cohorts (metrics.md)', () => {
  it('puts a first order on the last day of a month in that month, and the next day in month 1', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-31T23:30:00Z', 100],
      ['a', 'order', '2026-02-01T00:10:00Z', 50],
      ['b', 'order', '2026-01-01T00:00:00Z', 10],
    ]);
    const table = computeCohorts(history, { asOfDay: day('2026-03-01'), unit: 'month' });
    expect(table.cohorts).toHaveLength(1);
    const [january] = table.cohorts;
    expect(january).toMatchObject({ cohort: '2026-01', startDate: '2026-01-01', customers: 2, retained: [2, 1], retention: [1, 0.5], netRevenue: [110, 160], ltv: [55, 80] });
    expect(table.isLastPeriodPartial).toBe(false);
    expect(january!.partialLast).toBe(false);
  });

  it('reads months in the time zone: 21:30 UTC on 31 January is 1 February in Moscow', () => {
    const rows: TestRow[] = [
      ['a', 'order', '2026-01-31T21:30:00Z', 100],
      ['a', 'order', '2026-02-28T20:59:00Z', 30],
      ['a', 'order', '2026-02-28T21:00:00Z', 20],
    ];
    const utc = computeCohorts(testHistory(rows).history, { asOfDay: day('2026-04-01'), unit: 'month' });
    expect(utc.cohorts.map((row) => [row.cohort, row.retained])).toEqual([['2026-01', [1, 1, 0]]]);
    const moscow = computeCohorts(testHistory(rows, { timeZone: 'Europe/Moscow' }).history, { asOfDay: day('2026-04-01'), unit: 'month' });
    expect(moscow.cohorts.map((row) => [row.cohort, row.retained, row.netRevenue])).toEqual([['2026-02', [1, 1], [130, 150]]]);
  });

  it('counts what happened before the start of D in its zone: an order at 23:59 local the day before counts, 00:00 does not', () => {
    const rows: TestRow[] = [
      ['a', 'order', '2026-03-14T20:59:59Z', 10],
      ['a', 'order', '2026-03-14T21:00:00Z', 1000],
    ];
    const table = computeCohorts(testHistory(rows, { timeZone: 'Europe/Moscow' }).history, { asOfDay: day('2026-03-15'), unit: 'month' });
    expect(table.cohorts[0]!.netRevenue).toEqual([10]);
  });

  it('with --as-of inside a month shows that month, marked partial, and nothing from D on', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-10T12:00:00Z', 100],
      ['a', 'order', '2026-03-14T12:00:00Z', 40],
      ['a', 'order', '2026-03-15T00:00:00Z', 999],
      ['b', 'order', '2026-03-15T12:00:00Z', 999],
    ]);
    const table = computeCohorts(history, { asOfDay: day('2026-03-15'), unit: 'month' });
    expect(table.isLastPeriodPartial).toBe(true);
    expect(table.cohorts).toEqual([
      expect.objectContaining({ cohort: '2026-01', customers: 1, retained: [1, 0, 1], retention: [1, 0, 1], netRevenue: [100, 100, 140], partialLast: true }),
    ]);
  });

  it('subtracts returns in the month they are dated, so a month of returns larger than its orders lowers the LTV', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 100],
      ['a', 'order', '2026-02-05T10:00:00Z', 20],
      ['a', 'return', '2026-02-20T10:00:00Z', -90],
      ['a', 'return', '2026-03-02T10:00:00Z', 30],
      ['b', 'order', '2026-01-07T10:00:00Z', 60],
    ]);
    const [cohort] = computeCohorts(history, { asOfDay: day('2026-04-01'), unit: 'month' }).cohorts;
    expect(cohort!.retained).toEqual([2, 1, 0]);
    expect(cohort!.netRevenue).toEqual([160, 90, 60]);
    expect(cohort!.ltv).toEqual([80, 45, 30]);
  });

  it('keeps a return dated before the first order out of the cohort cells', () => {
    const { history } = testHistory([
      ['a', 'return', '2025-12-20T10:00:00Z', 50],
      ['a', 'order', '2026-01-05T10:00:00Z', 100],
    ]);
    expect(computeCohorts(history, { asOfDay: day('2026-02-01'), unit: 'month' }).cohorts[0]!.netRevenue).toEqual([100]);
  });

  it('does not count an order event without an amount as an order', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z'],
      ['a', 'order', '2026-02-05T10:00:00Z', 30],
    ]);
    expect(history.ordersWithoutAmount).toBe(1);
    const table = computeCohorts(history, { asOfDay: day('2026-03-01'), unit: 'month' });
    expect(table.cohorts.map((row) => [row.cohort, row.netRevenue])).toEqual([['2026-02', [30]]]);
  });

  it('one customer: a cohort of one, flagged as a small sample', () => {
    const { history } = testHistory([
      ['solo', 'order', '2025-11-30T10:00:00Z', 10],
      ['solo', 'order', '2025-11-30T11:00:00Z', 15],
      ['solo', 'order', '2026-01-02T10:00:00Z', 5],
    ]);
    const table = computeCohorts(history, { asOfDay: day('2026-01-03'), unit: 'month' });
    expect(table.cohorts).toEqual([expect.objectContaining({ cohort: '2025-11', customers: 1, retained: [1, 0, 1], netRevenue: [25, 25, 30], ltv: [25, 25, 30], isSmallSample: true })]);
  });

  it('is empty before the first order', () => {
    const { history } = testHistory([['a', 'order', '2026-01-05T10:00:00Z', 100]]);
    const table = computeCohorts(history, { asOfDay: day('2026-01-05'), unit: 'month' });
    expect(table.cohorts).toEqual([]);
    expect(table.average).toEqual({ retention: [], ltv: [], customers: [] });
  });

  it('follows week cohorts week by week (ISO weeks, Monday first)', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-04T23:00:00Z', 10], // Sunday: week 2026-W01
      ['a', 'order', '2026-01-05T01:00:00Z', 20], // Monday: W02
      ['b', 'order', '2026-01-05T09:00:00Z', 7], // W02
      ['b', 'order', '2026-01-19T09:00:00Z', 3], // W04
    ]);
    const table = computeCohorts(history, { asOfDay: day('2026-01-21'), unit: 'week' });
    expect(table.isLastPeriodPartial).toBe(true);
    expect(table.cohorts.map((row) => [row.cohort, row.startDate, row.retained, row.netRevenue])).toEqual([
      ['2026-W01', '2025-12-29', [1, 1, 0, 0], [10, 30, 30, 30]],
      ['2026-W02', '2026-01-05', [1, 0, 1], [7, 7, 10]],
    ]);
  });

  it('is the same whatever the order of the rows and blocks (several import batches)', () => {
    const rows: TestRow[] = [];
    for (let i = 0; i < 200; i++) rows.push([`c${i % 37}`, i % 11 === 0 ? 'return' : 'order', new Date(Date.UTC(2025, 0, 1) + i * 37_000_000).toISOString(), 0.1 * ((i * 7919) % 1000)]);
    const options = { asOfDay: day('2025-04-01'), unit: 'month' as const };
    const one = computeCohorts(testHistory(rows).history, options);
    const ids = testHistory(rows).ids;
    expect(computeCohorts(testHistory(rows, { batches: 3 }).history, options)).toEqual(one);
    expect(computeCohorts(testHistory([...rows].reverse(), { ids }).history, options)).toEqual(one);
  });

  it('averages complete cells only, weighting cohorts by their customers', () => {
    const rows: TestRow[] = [
      ['a', 'order', '2026-01-05T10:00:00Z', 10],
      ['a', 'order', '2026-02-05T10:00:00Z', 10],
      ['b', 'order', '2026-01-06T10:00:00Z', 30],
      ['c', 'order', '2026-02-06T10:00:00Z', 20],
      ['c', 'order', '2026-03-06T10:00:00Z', 20],
    ];
    const { history } = testHistory(rows);
    const table = computeCohorts(history, { asOfDay: day('2026-03-10'), unit: 'month' });
    // January: k0 2/2, k1 1/2, k2 partial; February: k0 1/1, k1 partial
    expect(table.average.customers).toEqual([3, 2, 0]);
    expect(table.average.retention).toEqual([1, 0.5, null]);
    expect(table.average.ltv).toEqual([20, 25, null]);
  });

  it('limits the table to the members of a cut', () => {
    const { history, c } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 10],
      ['b', 'order', '2026-01-06T10:00:00Z', 30],
    ]);
    const members = new Uint8Array(history.customerCount);
    members[c('b')] = 1;
    expect(computeCohorts(history, { asOfDay: day('2026-02-01'), unit: 'month', members }).cohorts[0]).toMatchObject({ customers: 1, netRevenue: [30] });
  });

  it('lists the customers behind a cell', () => {
    const { history, c } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 10],
      ['a', 'order', '2026-03-05T10:00:00Z', 10],
      ['b', 'order', '2026-01-06T10:00:00Z', 30],
      ['d', 'order', '2026-02-06T10:00:00Z', 30],
    ]);
    const options = { asOfDay: day('2026-04-01'), unit: 'month' as const };
    const january = computeCohorts(history, options).cohorts[0]!.period;
    expect(Array.from(cohortCellCustomers(history, options, january, null))).toEqual([c('a'), c('b')]);
    expect(Array.from(cohortCellCustomers(history, options, january, 2))).toEqual([c('a')]);
    expect(Array.from(cohortCellCustomers(history, options, january, 1))).toEqual([]);
  });
});

describe('a customer as of D', () => {
  it('counts orders and net revenue before D, with the first and last order days', () => {
    const { history, c } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 100],
      ['a', 'return', '2026-01-07T10:00:00Z', 30],
      ['a', 'order', '2026-02-05T10:00:00Z', 50],
      ['a', 'order', '2026-03-05T10:00:00Z', 999],
    ]);
    expect(customerOrdersAsOf(history, c('a'), day('2026-03-01'))).toEqual({ orders: 2, netRevenue: 120, firstOrderDay: day('2026-01-05'), lastOrderDay: day('2026-02-05') });
    expect(customerOrdersAsOf(history, c('a'), day('2026-01-01'))).toMatchObject({ orders: 0, netRevenue: 0, firstOrderDay: Number.NaN });
  });
});
