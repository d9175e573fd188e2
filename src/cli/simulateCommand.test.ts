import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainFileText } from '../domain/chains';
import { workedExampleChain } from '../domain/chains/testing';
import { events } from '../domain/conditions/build';
import { REPO, chainlabIn, expectOneLineError } from './testing/chainlabProcess';

/** `chainlab simulate` as users run it: separate processes over CSV and chain files. */
const work = mkdtempSync(join(tmpdir(), 'chainlab-simulate-'));
const chainlab = chainlabIn(work);
const WORKED = ['--orders', 'orders.csv', '--customers', 'customers.csv', '--events', 'events.csv', '--chain', 'worked.json', '--from', '2025-03-01', '--to', '2025-03-31', '--tz', 'Europe/Moscow'];
const DEMO = ['--orders', 'demo/orders.csv', '--customers', 'demo/customers.csv', '--events', 'demo/events.csv', '--chain', 'worked.json', '--chain', 'second.json', '--json'];

/** A demo customer who added to a cart in the last 90 days of the data: their trace is not empty. */
function cartCustomer(): string {
  const rows = readFileSync(join(work, 'demo/events.csv'), 'utf8').split('\n').filter((line) => line.includes(',cart_add,'));
  const latest = rows.map((line) => line.split(',')).reduce((a, b) => (b[2]! > a[2]! ? b : a));
  return latest[0]!;
}

function write(name: string, text: string): void {
  writeFileSync(join(work, name), text);
}

beforeAll(async () => {
  // simulation.md "Worked example" as files
  write('customers.csv', 'customer_id,email,phone,consent_email,consent_sms\nA,a@example.com,+79160000001,true,true\nB,b@example.com,,true,\nC,c@example.com,+79160000003,false,true\n');
  write('orders.csv', 'customer_id,order_date,amount\nB,2025-03-04T12:00:00Z,2500\n');
  write('events.csv', 'customer_id,event_type,event_time\nA,cart_add,2025-03-03T10:00:00Z\nA,checkout,2025-03-03T10:30:00Z\nB,cart_add,2025-03-03T18:30:00Z\nC,cart_add,2025-03-03T08:00:00Z\nC,cart_add,2025-03-06T08:00:00Z\n');
  write('worked.json', chainFileText(workedExampleChain()));
  write('second.json', chainFileText({ ...workedExampleChain(), id: 'second', name: 'Second' }));
  write('not-a-chain.json', '{"nodes": [], "edges": []}');
  const demo = await chainlab('demo', '--customers', '300', '--seed', '5', '--out', 'demo');
  expect(demo.status, demo.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chainlab simulate', () => {
  it('prints the worked example of simulation.md exactly, with B\'s trace', async () => {
    const result = await chainlab('simulate', ...WORKED, '--trace', 'B', '--json');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(report.seed).toBe(42);
    const nodes = report.chains[0].nodes;
    expect(nodes.trigger).toMatchObject({ entered: 3, left: { out: 3 }, waiting: 0, ended: 0, suppressed: { re_entry: 1 } });
    expect(nodes.wait).toMatchObject({ entered: 3, left: { happened: 1, timeout: 2 } });
    expect(nodes.email).toMatchObject({ entered: 2, sent: { email: 1 }, suppressed: { no_consent: 1 }, left: { out: 2 } });
    expect(nodes.filter).toMatchObject({ left: { yes: 1, no: 1 } });
    expect(nodes.sms).toMatchObject({ sent: { sms: 1 } });
    for (const node of Object.values(nodes) as { entered: number; left: Record<string, number>; waiting: number; ended: number }[]) {
      expect(node.entered).toBe(Object.values(node.left).reduce((a, b) => a + b, 0) + node.waiting + node.ended);
    }
    expect(report.totals).toMatchObject({ customersReached: 2, messages: 2, suppressed: 1, cost: 3.5, conversions: 1, revenue: 2500 });
    const day = report.days.find((entry: { date: string }) => entry.date === '2025-03-04');
    expect(day).toMatchObject({ entries: 0, messages: { email: 1, sms: 1 }, conversions: 1, cost: 3.5 });
    expect(report.trace.map((entry: { nodeId: string; decision: string }) => `${entry.nodeId}:${entry.decision}`)).toEqual(['trigger:entered', 'wait:waiting', 'wait:timeout', 'email:held', 'email:sent', 'delay:delay_done', 'filter:yes', 'G2:goal']);
    expect(report.trace[3]).toMatchObject({ ts: '2025-03-03T19:30:00Z', chainId: 'abandoned-cart-example', reason: 'Email held by quiet hours until 2025-03-04 09:00 local' });
  }, 120_000);

  it('defaults to the last 90 days before the last plausible date: rows dated 9999 and 1900 neither move it nor go unsaid', async () => {
    write('outliers.csv', 'customer_id,order_date,amount\nB,2025-03-04T12:00:00Z,2500\nA,9999-12-31,100\nC,1900-01-01,100\nB,2025-01-10T09:00:00Z,300\n');
    const result = await chainlab('simulate', '--orders', 'outliers.csv', '--chain', 'worked.json', '--assume-reachable', '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).period).toEqual({ from: '2024-12-05', to: '2025-03-04' });
    expect(result.stderr).toContain('chainlab: warning: 2 rows are dated outside 1970-01-01 … tomorrow (a placeholder like 9999-12-31, or a typo): the default period ends on the last plausible date, 2025-03-04');
    const explicit = await chainlab('simulate', '--orders', 'outliers.csv', '--chain', 'worked.json', '--from', '2025-01-01', '--to', '2025-03-31', '--assume-reachable', '--json');
    expect(explicit.status, explicit.stderr).toBe(0);
    expect(JSON.parse(explicit.stdout).period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(explicit.stderr).not.toContain('outside 1970');
  });

  it('takes --from or --to alone, as the help says: the other end is the default\'s (the data\'s last day; 90 days ending on --to)', async () => {
    write('spring.csv', 'customer_id,order_date,amount\nB,2025-03-04T12:00:00Z,2500\nB,2025-01-10T09:00:00Z,300\n');
    const run = (...period: string[]) => chainlab('simulate', '--orders', 'spring.csv', '--chain', 'worked.json', '--assume-reachable', '--json', ...period);
    const [fromOnly, toOnly, fromAfterData] = await Promise.all([run('--from', '2025-02-01'), run('--to', '2025-03-31'), run('--from', '2025-04-01')]);
    expect(fromOnly.status, fromOnly.stderr).toBe(0);
    expect(JSON.parse(fromOnly.stdout).period).toEqual({ from: '2025-02-01', to: '2025-03-04' });
    expect(toOnly.status, toOnly.stderr).toBe(0);
    expect(JSON.parse(toOnly.stdout).period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expectOneLineError(fromAfterData, 2, /--from 2025-04-01 is after the last day of the data, 2025-03-04: give --to too/);
  }, 120_000);

  it('keeps the props a chain reads (and only reads those): a trigger on a prop column enters only the matching rows', async () => {
    const chain = workedExampleChain();
    chain.nodes = chain.nodes.map((node) => (node.kind === 'trigger' ? { ...node, trigger: { type: 'event', event: events('cart_add', [{ type: 'prop', key: 'category', op: 'eq', values: ['shoes'] }]) } } : node));
    write('by-category.json', chainFileText(chain));
    write('events-props.csv', 'customer_id,event_type,event_time,category,promo\nA,cart_add,2025-03-03T10:00:00Z,shoes,X1\nB,cart_add,2025-03-03T18:30:00Z,bags,X2\nC,cart_add,2025-03-03T08:00:00Z,Shoes,X3\n');
    const result = await chainlab('simulate', '--orders', 'orders.csv', '--customers', 'customers.csv', '--events', 'events-props.csv', '--chain', 'by-category.json', '--from', '2025-03-01', '--to', '2025-03-31', '--tz', 'Europe/Moscow', '--json');
    expect(result.status, result.stderr).toBe(0);
    // A (shoes) and C (Shoes: the test ignores case) enter; B (bags) does not
    expect(JSON.parse(result.stdout).chains[0].nodes.trigger).toMatchObject({ entered: 2 });
  }, 120_000);

  it('reads an --orders file with a row per order line (UCI Online Retail) as lines: an order\'s amount is the sum of its lines', async () => {
    // B's order of the worked example as two lines, 2 × 1000 + 1 × 500; a cancellation of A's earlier order; a guest row without a customer
    write('lines.csv', 'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n536365,85123A,HEART T-LIGHT HOLDER,2,3/4/2025 12:00,1000.00,B,United Kingdom\n536365,71053,METAL LANTERN,1,3/4/2025 12:00,500.00,B,United Kingdom\n536370,22728,ALARM CLOCK,1,2/20/2025 9:00,40.00,A,France\nC536379,22728,ALARM CLOCK,-1,2/21/2025 9:00,40.00,A,France\n536381,22086,PAPER CHAIN KIT,3,3/2/2025 10:00,2.95,,United Kingdom\n');
    const result = await chainlab('simulate', ...WORKED.map((arg) => (arg === 'orders.csv' ? 'lines.csv' : arg)), '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('lines.csv: 1 of 5 rows rejected (chainlab import lines.csv --kind lines shows why)');
    const report = JSON.parse(result.stdout);
    expect(report.totals).toMatchObject({ messages: 2, conversions: 1, revenue: 2500 });
    expect(report.days.find((day: { date: string }) => day.date === '2025-03-04')).toMatchObject({ conversions: 1 });
  }, 120_000);

  it('gives the worked example\'s figures from a Russian CRM export: Windows-1251, ";", local DD.MM.YYYY HH:mm, decimal commas, да/нет, placeholder ids, a 9999 draft', async () => {
    const crm = (name: string) => join(REPO, 'src/domain/import/fixtures', `crm_ru_${name}.csv`);
    const result = await chainlab('simulate', '--orders', crm('orders'), '--customers', crm('customers'), '--events', crm('events'), '--chain', 'worked.json', '--from', '2025-03-01', '--to', '2025-03-31', '--tz', 'Europe/Moscow', '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('crm_ru_orders.csv: 2 of 5 rows rejected');
    const report = JSON.parse(result.stdout);
    const nodes = report.chains[0].nodes;
    expect(nodes.trigger).toMatchObject({ entered: 3, suppressed: { re_entry: 1 } });
    expect(nodes.wait).toMatchObject({ entered: 3, left: { happened: 1, timeout: 2 } });
    expect(nodes.email).toMatchObject({ entered: 2, sent: { email: 1 }, suppressed: { no_consent: 1 }, left: { out: 2 } });
    expect(nodes.sms).toMatchObject({ sent: { sms: 1 } });
    for (const node of Object.values(nodes) as { entered: number; left: Record<string, number>; waiting: number; ended: number }[]) {
      expect(node.entered).toBe(Object.values(node.left).reduce((a, b) => a + b, 0) + node.waiting + node.ended);
    }
    expect(report.totals).toMatchObject({ customersReached: 2, messages: 2, suppressed: 1, cost: 3.5, conversions: 1, revenue: 2500 });
    expect(report.days.find((day: { date: string }) => day.date === '2025-03-04')).toMatchObject({ messages: { email: 1, sms: 1 }, conversions: 1, cost: 3.5 });
  }, 120_000);

  it('joins an events file keyed by e-mail only (an e-mail service\'s export) to the customers file\'s ids, as the app does', async () => {
    write('events-by-email.csv', 'email,event_type,event_time\n A@Example.com ,cart_add,2025-03-03T10:00:00Z\na@example.com,checkout,2025-03-03T10:30:00Z\nb@example.com,cart_add,2025-03-03T18:30:00Z\nC@EXAMPLE.COM,cart_add,2025-03-03T08:00:00Z\nc@example.com,cart_add,2025-03-06T08:00:00Z\n');
    const result = await chainlab('simulate', ...WORKED.map((arg) => (arg === 'events.csv' ? 'events-by-email.csv' : arg)), '--trace', 'B', '--json');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.chains[0].nodes.email).toMatchObject({ entered: 2, sent: { email: 1 }, suppressed: { no_consent: 1 } });
    expect(report.totals).toMatchObject({ customersReached: 2, messages: 2, suppressed: 1, cost: 3.5, conversions: 1, revenue: 2500 });
    expect(report.trace.map((entry: { nodeId: string; decision: string }) => `${entry.nodeId}:${entry.decision}`)).toEqual(['trigger:entered', 'wait:waiting', 'wait:timeout', 'email:held', 'email:sent', 'delay:delay_done', 'filter:yes', 'G2:goal']);
  }, 120_000);

  it('prints a readable summary without --json', async () => {
    const result = await chainlab('simulate', ...WORKED, '--trace', 'C');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Simulated 2025-03-01 … 2025-03-31 (Europe/Moscow), seed 42: 3 customers');
    expect(result.stdout).toMatch(/Totals: 2 customers reached, 2 messages \(email 1, sms 1\), 1 suppressed \(no_consent 1\), cost 3\.50/);
    expect(result.stdout).toMatch(/trigger\s+3\s+0\s+0\s+out 3/);
    expect(result.stdout).toContain('email  suppressed: Email suppressed: no consent for the channel');
  }, 120_000);

  it('gives the same bytes on 1 and 3 worker threads, and for 3 shards merged in any order', async () => {
    DEMO.push('--trace', cartCustomer());
    const one = await chainlab('simulate', ...DEMO, '--workers', '1');
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).trace.length).toBeGreaterThan(0);
    const three = await chainlab('simulate', ...DEMO, '--workers', '3');
    expect(three.stdout).toBe(one.stdout);
    for (const index of [0, 1, 2]) {
      const part = await chainlab('simulate', ...DEMO, '--shard', `${index}/3`, '--workers', '2');
      expect(part.status, part.stderr).toBe(0);
      expect(JSON.parse(part.stdout).shard).toEqual({ index, count: 3 });
      write(`part${index}.json`, part.stdout);
    }
    const merged = await chainlab('simulate', '--merge', 'part2.json', 'part0.json', 'part1.json', '--json');
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  }, 300_000);

  it('says nothing on stderr with more worker threads than Node\'s default of ten listeners (one abort listener a thread)', async () => {
    const many = await chainlab('simulate', ...DEMO, '--workers', '12');
    expect(many.status, many.stderr).toBe(0);
    expect(many.stderr).toBe('');
    expect(JSON.parse(many.stdout).totals.customersReached).toBeGreaterThan(0);
  }, 120_000);

  it('refuses to merge an incomplete or altered set of shards (exit 1)', async () => {
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'part1.json', '--json'), 1, /shard 2\/3 is missing/);
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'part0.json', 'part1.json', '--json'), 1, /shard 0\/3 is given twice/);
    const edited = JSON.parse(readFileSync(join(work, 'part1.json'), 'utf8'));
    edited.totals.messages += 1;
    write('edited.json', JSON.stringify(edited));
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'edited.json', 'part2.json'), 1, /edited\.json was changed after chainlab simulate printed it/);
    const otherSeed = JSON.parse(readFileSync(join(work, 'part1.json'), 'utf8'));
    otherSeed.seed = 7;
    write('seed.json', JSON.stringify(otherSeed));
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'seed.json', 'part2.json'), 1, /not a shard of the same run .*seeds differ/);
    // shard 1 run over an orders file that lacks one order: same chains, period, seed and flags, other data
    const orders = readFileSync(join(work, 'demo/orders.csv'), 'utf8').split('\n');
    write('demo/orders-but-one.csv', [orders[0], ...orders.slice(2)].join('\n'));
    const otherData = await chainlab('simulate', ...DEMO.map((arg) => (arg === 'demo/orders.csv' ? 'demo/orders-but-one.csv' : arg)), '--shard', '1/3');
    expect(otherData.status, otherData.stderr).toBe(0);
    expect(JSON.parse(otherData.stdout).period).toEqual(JSON.parse(readFileSync(join(work, 'part1.json'), 'utf8')).period);
    write('other-data.json', otherData.stdout);
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'other-data.json', 'part2.json', '--json'), 1, /other-data\.json is not a shard of the same run as part0\.json: the input files differ \(orders\)/);
    // a part printed by a chainlab from before inputs.files: said as another version, not as other files
    const older = JSON.parse(readFileSync(join(work, 'part1.json'), 'utf8'));
    delete older.inputs.files;
    write('older.json', JSON.stringify(older));
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'older.json', 'part2.json', '--json'), 1, /older\.json was printed by another version of chainlab than part0\.json \(only one names its input files\): run every shard with the same version/);
    write('not-a-report.json', '{"a": 1}');
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', 'not-a-report.json', 'part2.json', '--json'), 1, /not-a-report\.json is not the --json output of chainlab simulate/);
  }, 120_000);

  it('says what is wrong with the command line (exit 2) or with a file (exit 1)', async () => {
    expectOneLineError(await chainlab('simulate', '--chain', 'worked.json'), 2, /--orders FILE is required/);
    expectOneLineError(await chainlab('simulate', '--orders', 'orders.csv'), 2, /at least one --chain/);
    expectOneLineError(await chainlab('simulate', '--orders', 'orders.csv', '--chain', 'missing.json'), 2, /no such file: missing\.json/);
    expectOneLineError(await chainlab('simulate', '--orders', 'orders.csv', '--chain', 'not-a-chain.json'), 1, /not-a-chain\.json: Not a ChainLab chain file/);
    expectOneLineError(await chainlab('simulate', '--orders', 'orders.csv', '--chain', 'worked.json', '--shard', '3/3'), 2, /--shard/);
    expectOneLineError(await chainlab('simulate', '--merge', 'part0.json', '--orders', 'orders.csv'), 2, /--orders does not go with it/);
    // --merge with its parts left out takes the next flag as a part: said as such, not "no such file: --json"
    expectOneLineError(await chainlab('simulate', '--merge', '--json'), 2, /--merge: "--json" is a flag, not a shard output: give the parts after --merge/);
    expectOneLineError(await chainlab('simulate', '--orders', 'orders.csv', '--chain', 'worked.json', '--from', '2025-03-01', '--to', '2025-02-01'), 2, /--from 2025-03-01 is after --to 2025-02-01/);
    // a placeholder date typed as the end: refused as a command-line mistake before a file is read
    expectOneLineError(await chainlab('simulate', '--orders', 'missing.csv', '--chain', 'worked.json', '--from', '2025-01-01', '--to', '9999-12-31'), 2, /--from 2025-01-01 --to 9999-12-31: the period is 2912808 days long; at most 3660 days/);
  }, 120_000);
});
