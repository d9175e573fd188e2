import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsJson } from '../domain/metrics';
import { chainlabIn, expectOneLineError } from './testing/chainlabProcess';

/** `chainlab metrics` as users run it: a separate process over CSV files written by `chainlab demo` or by hand. */
const work = mkdtempSync(join(tmpdir(), 'chainlab-metrics-'));
const chainlab = chainlabIn(work);

beforeAll(async () => {
  const demo = await chainlab('demo', '--customers', '600', '--seed', '5', '--out', 'data');
  expect(demo.status, demo.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  writeFileSync(join(work, name), `${lines.join('\n')}\n`);
  return name;
}

async function metricsJson(...args: string[]): Promise<MetricsJson> {
  const result = await chainlab('metrics', ...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as MetricsJson;
}

/**
 * metrics.md computed the plain way, independently of the domain code: rows in a Map per
 * customer, months from Date objects, sums in file order. What every cell must agree with.
 */
function reference(ordersCsv: string, asOf: string) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(work, ordersCsv), 'utf8').trim(), { header: true }).data;
  const end = Date.parse(`${asOf}T00:00:00Z`);
  const byCustomer = new Map<string, { ts: number; amount: number }[]>();
  for (const row of rows) {
    const ts = Date.parse(row.order_date!);
    if (ts >= end || row.amount === '') continue;
    const list = byCustomer.get(row.customer_id!) ?? [];
    list.push({ ts, amount: Number(row.amount) });
    byCustomer.set(row.customer_id!, list);
  }
  const month = (ts: number) => new Date(ts).getUTCFullYear() * 12 + new Date(ts).getUTCMonth();
  const lastMonth = month(end - 1);
  const cohorts = new Map<number, { customers: number; active: number[]; revenue: number[] }>();
  for (const orders of byCustomer.values()) {
    const first = Math.min(...orders.map((order) => month(order.ts)));
    const cohort = cohorts.get(first) ?? { customers: 0, active: new Array<number>(lastMonth - first + 1).fill(0), revenue: new Array<number>(lastMonth - first + 1).fill(0) };
    cohort.customers++;
    const months = new Set(orders.map((order) => month(order.ts) - first));
    for (const k of months) cohort.active[k]!++;
    for (const order of orders) cohort.revenue[month(order.ts) - first]! += order.amount;
    cohorts.set(first, cohort);
  }
  return [...cohorts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([first, cohort]) => {
      let running = 0;
      return {
        cohort: `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}`,
        customers: cohort.customers,
        retention: cohort.active.map((active) => active / cohort.customers),
        ltv: cohort.revenue.map((revenue) => (running += revenue) / cohort.customers),
      };
    });
}

describe('chainlab metrics', () => {
  it('prints the cli.md document, cell by cell what an independent computation gives', async () => {
    const json = await metricsJson('--orders', 'data/orders.csv', '--as-of', '2026-07-15');
    expect(Object.keys(json).slice(0, 4)).toEqual(['asOf', 'cohortUnit', 'totals', 'cohorts']);
    expect(Object.keys(json.totals).slice(0, 9)).toEqual(['buyers', 'orders', 'grossRevenue', 'netRevenue', 'aov', 'purchaseFrequency', 'repeatRate', 'arpu', 'churnedShare']);
    expect(json.asOf).toBe('2026-07-15');
    expect(json.cohortUnit).toBe('month');
    const expected = reference('data/orders.csv', '2026-07-15');
    expect(json.cohorts.map((row) => [row.cohort, row.customers])).toEqual(expected.map((row) => [row.cohort, row.customers]));
    json.cohorts.forEach((row, i) => {
      expect(row.partialLast).toBe(true);
      expect(row.retention).toHaveLength(expected[i]!.retention.length);
      row.retention.forEach((value, k) => expect(value).toBeCloseTo(expected[i]!.retention[k]!, 12));
      row.ltv.forEach((value, k) => expect(value).toBeCloseTo(expected[i]!.ltv[k]!, 6));
    });
    expect(json.cohorts.at(-1)!.cohort).toBe('2026-07');
    expect(json.totals.buyers).toBe(expected.reduce((sum, row) => sum + row.customers, 0));
  });

  it('defaults to the day after the last order, takes returns from --events and says it skips orders found there', async () => {
    const orders = write('orders1.csv', ['customer_id,order_date,amount', 'A,2026-01-31T23:30:00Z,100', 'A,2026-02-01T00:10:00Z,50', 'B,2026-02-10T12:00:00Z,30']);
    const events = write('events1.csv', ['customer_id,event_type,event_time,amount', 'A,return,2026-02-05T10:00:00Z,40', 'B,order,2026-02-11T10:00:00Z,999', 'B,page_view,2026-02-11T10:00:00Z,']);
    const result = await chainlab('metrics', '--orders', orders, '--events', events, '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/events1\.csv: 1 order events not counted/);
    const json = JSON.parse(result.stdout) as MetricsJson;
    expect(json.asOf).toBe('2026-02-11');
    expect(json.totals).toMatchObject({ buyers: 2, orders: 3, grossRevenue: 180, netRevenue: 140, returnedAmount: 40, aov: 60, purchaseFrequency: 1.5, repeatRate: 0.5, arpu: 70, churnedShare: 0 });
    expect(json.cohorts).toEqual([
      expect.objectContaining({ cohort: '2026-01', customers: 1, retention: [1, 1], ltv: [100, 110], partialLast: true, isSmallSample: true }),
      expect.objectContaining({ cohort: '2026-02', customers: 1, retention: [1], ltv: [30], partialLast: true }),
    ]);
  });

  it('reads months in --tz and follows ISO weeks with --cohort week', async () => {
    const orders = write('orders2.csv', ['customer_id,order_date,amount', 'A,2026-01-31T21:30:00Z,100', 'A,2026-02-02T10:00:00Z,10']);
    expect((await metricsJson('--orders', orders, '--as-of', '2026-03-01')).cohorts.map((row) => row.cohort)).toEqual(['2026-01']);
    const moscow = await metricsJson('--orders', orders, '--as-of', '2026-03-01', '--tz', 'Europe/Moscow');
    expect(moscow.cohorts).toEqual([expect.objectContaining({ cohort: '2026-02', retention: [1], ltv: [110], partialLast: false })]);
    const weeks = await metricsJson('--orders', orders, '--as-of', '2026-02-04', '--cohort', 'week');
    expect(weeks.cohortUnit).toBe('week');
    expect(weeks.cohorts).toEqual([expect.objectContaining({ cohort: '2026-W05', startDate: '2026-01-26', retention: [1, 1], ltv: [100, 110], partialLast: true })]);
  });

  it('gives the share of revenue from CRM channels when the orders carry utm_source or campaign', async () => {
    const orders = write('orders3.csv', ['customer_id,order_date,amount,utm_source,campaign', 'A,2026-01-05,100,email,', 'A,2026-01-06,50,,spring_sms', 'B,2026-01-07,50,google,']);
    const json = await metricsJson('--orders', orders);
    expect(json.totals.crm).toMatchObject({ orders: 2, revenue: 150, shareOfOrders: 2 / 3, shareOfRevenue: 0.75, channels: [{ channel: 'email', orders: 1, revenue: 100 }, { channel: 'sms', orders: 1, revenue: 50 }] });
    expect((await metricsJson('--orders', 'data/orders.csv')).totals).not.toHaveProperty('crm');
  });

  it('prints a readable summary without --json', async () => {
    const result = await chainlab('metrics', '--orders', 'data/orders.csv', '--as-of', '2026-03-01');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Metrics as of 2026-03-01 \(UTC\): \d+ month cohorts/);
    expect(result.stdout).toMatch(/repeat purchase rate\s+\d+\.\d%/);
    expect(result.stdout).toMatch(/Retention by cohort/);
  });

  it('fails as cli.md says on wrong usage and unusable files', async () => {
    expectOneLineError(await chainlab('metrics'), 2, /--orders/);
    expectOneLineError(await chainlab('metrics', '--orders', 'data/orders.csv', '--cohort', 'year'), 2, /--cohort.*month, week/);
    expectOneLineError(await chainlab('metrics', '--orders', 'data/orders.csv', '--as-of', '2026-02-30'), 2, /--as-of/);
    expectOneLineError(await chainlab('metrics', '--orders', 'data/orders.csv', '--bogus'), 2, /bogus/);
    expectOneLineError(await chainlab('metrics', '--orders', 'missing.csv'), 2, /no such file/);
    expectOneLineError(await chainlab('metrics', '--orders', write('empty.csv', [])), 1, /empty\.csv/);
    expectOneLineError(await chainlab('metrics', '--orders', write('header.csv', ['customer_id,order_date,amount'])), 1, /header\.csv.*no data rows/);
    expectOneLineError(await chainlab('metrics', '--orders', write('noamount.csv', ['customer_id,order_date,amount', 'A,2026-01-05,', 'B,2026-01-06,'])), 1, /noamount\.csv/);
  });
});
