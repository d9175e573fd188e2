import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { chainlabIn, expectOneLineError } from './testing/chainlabProcess';

/** The command line on files shaped like real exports and hostile ones: the real command in a child process (several per test: generous timeouts for a loaded machine). */
const work = mkdtempSync(join(tmpdir(), 'chainlab-exports-'));
const chainlab = chainlabIn(work);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const ORDERS = ['customer_id,order_date,revenue,order_id', 'C1,2024-03-01,10,1', 'C2,2024-03-05,20,2', 'C1,2024-04-01,15,3', 'C3,2099-01-01,30,4', 'C4,9999-12-31,5,5'].join('\n');

describe('output files never overwrite an input', () => {
  it('refuses --out, --rejects and rfm --out naming the input file, and leaves it as it was (exit 2)', async () => {
    const file = write('orders.csv', ORDERS);
    expectOneLineError(await chainlab('import', 'orders.csv', '--kind', 'orders', '--out', 'orders.csv'), 2, /--out orders\.csv is an input file/);
    expectOneLineError(await chainlab('import', 'orders.csv', '--kind', 'orders', '--rejects', `${work}/./orders.csv`), 2, /--rejects .* is an input file/);
    expectOneLineError(await chainlab('rfm', '--orders', 'orders.csv', '--out', file), 2, /--out .*orders\.csv is an input file/);
    expectOneLineError(await chainlab('import', 'orders.csv', '--kind', 'orders', '--out', 'same.txt', '--rejects', 'same.txt'), 2, /--rejects and --out name the same file/);
    expect(readFileSync(file, 'utf8')).toBe(ORDERS);
  }, 120_000);
});

describe('rejected rows', () => {
  it('lists at most 100,000 in the JSON report, counts them all, and writes every one to --rejects', async () => {
    const rows = ['customer_id,order_date,amount'];
    for (let i = 0; i < 100_010; i++) rows.push(`,2024-01-01,${i}`);
    rows.push('C0,2024-01-01,10');
    write('rejected.csv', rows.join('\n'));
    const result = await chainlab('import', 'rejected.csv', '--kind', 'orders', '--json', '--rejects', 'rejected-rows.csv');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { read: number; rejected: number; rejects: unknown[] };
    expect([report.read, report.rejected, report.rejects.length]).toEqual([100_011, 100_010, 100_000]);
    expect(result.stderr).toContain('the report lists the first 100,000 rejected rows');
    const written = Papa.parse<string[]>(readFileSync(join(work, 'rejected-rows.csv'), 'utf8').trim()).data;
    expect(written).toHaveLength(100_011);
    expect(written.at(-1)).toEqual(['100011', 'no customer: customer_id is empty', '', '2024-01-01', '100009']);
  }, 120_000);
});

describe('text output is safe for a terminal', () => {
  it('escapes control characters and ANSI sequences from headers and values; JSON stays exact', async () => {
    write('hostile.csv', 'customer_id,order_date,amount,\u001b]0;owned\u0007note\nC1,2024-01-01,\u001b[2Jabc,x\nC2,2024-01-02,10,\u001b[31mred\n');
    const text = await chainlab('import', 'hostile.csv', '--kind', 'orders');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.includes('\u001b')).toBe(false);
    expect(text.stdout).toContain('"\\x1b]0;owned\\x07note"');
    expect(text.stdout).toContain('amount: "\\x1b[2Jabc" is not a number');
    const json = await chainlab('import', 'hostile.csv', '--kind', 'orders', '--json');
    expect((JSON.parse(json.stdout) as { unmapped: string[] }).unmapped).toEqual(['\u001b]0;owned\u0007note']);
  }, 120_000);
});

describe('what the file holds', () => {
  it('refuses to guess the kind of random text and asks for --kind (exit 2)', async () => {
    write('prose.txt', 'It was a dark and stormy night, the rain fell in torrents\nexcept at occasional intervals, when it was checked\nby a violent gust of wind which swept up the streets\n');
    expectOneLineError(await chainlab('import', 'prose.txt'), 2, /prose\.txt: cannot tell from its columns .* whether it holds customers, orders, order lines or events; name the kind with --kind/);
  }, 120_000);
});

describe('placeholder ids and far dates', () => {
  it('rejects guest rows with a placeholder id unless the list says otherwise', async () => {
    write('guests.csv', ['customer_id,order_date,amount', 'C1,2024-01-01,10', 'NA,2024-01-02,20', 'NA,2024-01-03,30', '#N/A,2024-01-04,5'].join('\n'));
    const json = JSON.parse((await chainlab('import', 'guests.csv', '--kind', 'orders', '--json')).stdout) as { rejected: number; customers: number; unusableIds: unknown };
    expect(json).toMatchObject({ rejected: 3, customers: 1, unusableIds: { rows: 3, rejected: 3, values: [{ value: 'NA', rows: 2 }, { value: '#N/A', rows: 1 }] } });
    const kept = JSON.parse((await chainlab('import', 'guests.csv', '--kind', 'orders', '--json', '--placeholder-ids', '')).stdout) as { rejected: number; customers: number };
    expect(kept).toMatchObject({ rejected: 0, customers: 3 });
  }, 120_000);

  it('keeps orders dated 2099 and 9999 out of the default analysis date and "end of data"; rejects them on request', async () => {
    write('far.csv', ORDERS);
    const rfm = await chainlab('rfm', '--orders', 'far.csv', '--json');
    expect(rfm.status, rfm.stderr).toBe(0);
    expect(JSON.parse(rfm.stdout)).toMatchObject({ asOf: '2024-04-02', customers: 4 });
    expect(rfm.stderr).toContain('2 orders dated outside the plausible dates are left out of the default analysis date');
    const stages = await chainlab('stages', '--orders', 'far.csv', '--json');
    expect(stages.status, stages.stderr).toBe(0);
    expect(JSON.parse(stages.stdout)).toMatchObject({ asOf: '2024-04-02' });
    const rejected = await chainlab('rfm', '--orders', 'far.csv', '--far-dates', 'reject', '--json');
    expect(JSON.parse(rejected.stdout)).toMatchObject({ asOf: '2024-04-02', customers: 2 });
    const narrowed = await chainlab('rfm', '--orders', 'far.csv', '--plausible-dates', '..2024-03-31', '--json');
    expect(JSON.parse(narrowed.stdout)).toMatchObject({ asOf: '2024-03-06' });
    expectOneLineError(await chainlab('rfm', '--orders', 'far.csv', '--plausible-dates', 'soon'), 2, /--plausible-dates/);
  }, 120_000);
});

describe('customer ids pandas wrote as floats', () => {
  it('says in the summary and the JSON report that "13085.0" was read as 13085', async () => {
    write('retail_ii.csv', ['Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID', '489434,85048,12,12/1/2009 7:45,6.95,13085.0', '489435,22350,12,12/1/2009 7:46,2.55,13085.0', '489436,48173C,10,12/1/2009 9:06,5.95,', '489437,22143,6,12/13/2009 9:08,2.1,15362.0'].join('\n'));
    const text = await chainlab('import', 'retail_ii.csv');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Customer ID: 2 ids written as decimals ("13085.0") were read as whole numbers ("13085")');
    const json = await chainlab('import', 'retail_ii.csv', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ floatIds: { column: 'Customer ID', ids: 2, example: { written: '13085.0', read: '13085' } } });
  }, 120_000);
});

describe('--out streams records', () => {
  it('gives events the final id of a customer first seen by e-mail', async () => {
    write('renamed.csv', ['customer_id,email,order_date,amount', ',anna@example.com,2024-01-01,10', 'A1,anna@example.com,2024-01-02,20'].join('\n'));
    const result = await chainlab('import', 'renamed.csv', '--kind', 'orders', '--out', 'renamed.jsonl');
    expect(result.status, result.stderr).toBe(0);
    const records = readFileSync(join(work, 'renamed.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { record: string; id?: string; customerId?: string });
    expect(records.map((record) => [record.record, record.id ?? record.customerId])).toEqual([
      ['customer', 'A1'],
      ['event', 'A1'],
      ['event', 'A1'],
    ]);
  }, 120_000);
});
