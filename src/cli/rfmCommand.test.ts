import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './program';
import type { CliIo } from './output';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const FIXTURE = resolve(HERE, '../domain/rfm/testdata');
const work = mkdtempSync(join(tmpdir(), 'chainlab-rfm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function chainlab(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { writeOut: (text) => void (stdout += text), writeErr: (text) => void (stderr += text), isErrTty: false };
  const status = await runCli(['node', 'chainlab', ...args], io);
  return { status, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

function csvRows(path: string): string[][] {
  return Papa.parse<string[]>(readFileSync(path, 'utf8').trim()).data;
}

const ORDERS = file(
  'orders.csv',
  ['order_id,customer_id,order_date,amount', '1,a,2026-01-10,100', '2,a,2026-02-10,50', '3,b,2025-01-05,70', '4,a,2026-02-20,-30', '5,@SUM(A1),2026-02-27,10', '6,c,2026-02-27T23:30:00+03:00,5'].join('\n'),
);

describe('chainlab rfm', () => {
  it('reproduces the R package\'s output for its sample orders, row for row', async () => {
    const out = join(work, 'fixture.csv');
    const result = await chainlab('rfm', '--orders', join(FIXTURE, 'rfm_data_orders.csv'), '--as-of', '2006-12-31', '--map', 'rfm-package', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(csvRows(out)).toEqual(csvRows(join(FIXTURE, 'rfm_data_orders.expected.csv')));
  });

  it('prints exactly one JSON document in the shape of cli.md', async () => {
    const result = await chainlab('rfm', '--orders', join(FIXTURE, 'rfm_data_orders.csv'), '--as-of', '2006-12-31', '--map', 'rfm-package', '--json');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      asOf: '2006-12-31',
      customers: 995,
      breaks: { recency: [115, 181, 297.4, 482], frequency: [4, 5, 6, 8], monetary: [255.8, 382, 506.4, 666] },
    });
    expect(json.segments.map((s: { segment: string }) => s.segment)).toEqual([
      'Champions', 'Potential Loyalist', 'Loyal Customers', 'Promising', 'New Customers', "Can't Lose Them", 'At Risk', 'Need Attention', 'About To Sleep', 'Lost', 'Others', 'No purchases',
    ]);
    expect(json.segments[0]).toEqual({ segment: 'Champions', customers: 35, revenue: 31646, orders: expect.any(Number) });
    expect(json.segments.reduce((sum: number, s: { customers: number }) => sum + s.customers, 0)).toBe(995);
  });

  it('defaults to the day after the last order and 365 days, keeps customers without orders in the period', async () => {
    const out = join(work, 'small.csv');
    const result = await chainlab('rfm', '--orders', ORDERS, '--out', out, '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ asOf: '2026-02-28', customers: 4, scored: 3, noPurchases: 1, periodDays: 365, map: 'grid' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8').trim(), { header: true }).data;
    expect(rows.map((row) => row.customer_id)).toEqual(["'@SUM(A1)", 'a', 'b', 'c']);
    const byId = Object.fromEntries(rows.map((row) => [row.customer_id, row]));
    // a: two orders (the negative amount is a return: not counted, deducted from the amount)
    expect(byId.a).toMatchObject({ transaction_count: '2', amount: '120', recency_days: '18' });
    expect(byId.b).toMatchObject({ segment: 'No purchases', transaction_count: '0', rfm_score: '', recency_score: '' });
    // 23:30 Moscow time on 27 February is 20:30 UTC on the 27th: one day before the analysis date
    expect(byId.c).toMatchObject({ recency_days: '1' });
  });

  it('counts days in the zone given with --tz', async () => {
    const result = await chainlab('rfm', '--orders', ORDERS, '--tz', 'Asia/Tokyo', '--as-of', '2026-02-28', '--json', '--out', join(work, 'tokyo.csv'));
    expect(result.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(work, 'tokyo.csv'), 'utf8').trim(), { header: true }).data;
    // 2026-02-27T20:30Z is 05:30 on the 28th in Tokyo
    expect(rows.find((row) => row.customer_id === 'c')).toMatchObject({ recency_days: '0' });
  });

  it('scores with the textbook\'s manual thresholds, levels from the number of cut points', async () => {
    const result = await chainlab('rfm', '--orders', ORDERS, '--breaks', 'R:7,30,90;F:1,2,4;M:20,60,200', '--period-days', 'all', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ levels: 4, method: 'manual', breaks: { recency: [7, 30, 90], frequency: [1, 2, 4], monetary: [20, 60, 200] }, periodDays: null });
    expect(json.noPurchases).toBe(0);
  });

  it('refuses contradictory or malformed flags with one line and exit 2', async () => {
    for (const args of [
      ['--breaks', 'R:7,30;F:1'],
      ['--breaks', 'R:7,30;F:1,2;M:5,1'],
      ['--method', 'ntile', '--breaks', 'R:7,30;F:1,2;M:1,5'],
      ['--method', 'manual'],
      ['--levels', '7'],
      ['--period-days', '0'],
      ['--as-of', '2026-02-30'],
      ['--map', 'squares'],
      ['--tz', 'Mars/Olympus'],
      ['--unknown'],
    ]) {
      const result = await chainlab('rfm', '--orders', ORDERS, ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^chainlab: error: /);
    }
    expect((await chainlab('rfm', '--orders', join(work, 'missing.csv'))).status).toBe(2);
  });

  it('says why a file cannot be used (exit 1)', async () => {
    const headerOnly = await chainlab('rfm', '--orders', file('header.csv', 'order_id,customer_id,order_date,amount\n'));
    expect(headerOnly.status).toBe(1);
    expect(headerOnly.stderr).toMatch(/header\.csv: .*no data rows/);
    const empty = await chainlab('rfm', '--orders', file('empty.csv', ''));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/empty\.csv: the file is empty/);
  });

  it('warns when nobody ordered in the period', async () => {
    const result = await chainlab('rfm', '--orders', ORDERS, '--as-of', '2020-01-01', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scored: 0, customers: 4 });
    expect(result.stderr).toMatch(/warning: no customer ordered between 2019-01-02 and 2020-01-01/);
  });
});
