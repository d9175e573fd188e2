import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplate, chainFileText } from '../domain/chains';
import { REPO, chainlabIn } from './testing/chainlabProcess';
import { brokenInvariants, type SimulateReport } from './testing/reportInvariants';

/**
 * `chainlab simulate` over files shaped like real exports (src/domain/import/fixtures): one
 * worker thread or two, the whole run or three shards merged, the same bytes; and the report adds
 * up. Each case runs six processes: generous timeouts for a loaded machine.
 */
const work = mkdtempSync(join(tmpdir(), 'chainlab-shards-'));
const chainlab = chainlabIn(work);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CHAINS = ['abandoned-cart', 'reactivation'].map((id) => buildTemplate(id, 'en'));
for (const chain of CHAINS) writeFileSync(join(work, `${chain.id}.json`), chainFileText(chain));
const CHAIN_FLAGS = CHAINS.flatMap((chain) => ['--chain', `${chain.id}.json`]);

const fixture = (name: string): string => join(REPO, 'src/domain/import/fixtures', `${name}.csv`);

const EXPORTS = [
  {
    id: 'uci',
    name: 'UCI Online Retail II order lines given as --orders (ids written 12346.0, guests, C-invoices) with events keyed 12346',
    args: ['--orders', fixture('uci_ii_lines'), '--events', fixture('uci_ii_events'), '--assume-reachable'],
  },
  {
    id: 'olist',
    name: 'Olist orders joined with payments (customer_unique_id is the person), with the projection',
    args: ['--orders', fixture('olist_joined'), '--assume-reachable', '--projection'],
  },
  {
    id: 'traps',
    name: 'BOM + CRLF files with placeholder ids, dates 9999/1900/2099, repeated rows, consents in many spellings',
    args: ['--orders', fixture('traps_orders'), '--events', fixture('traps_events'), '--customers', fixture('traps_customers'), '--projection'],
  },
  {
    id: 'crm',
    name: 'the Russian CRM export (Windows-1251, ";", DD.MM.YYYY, да/нет) in Moscow time',
    args: ['--orders', fixture('crm_ru_orders'), '--events', fixture('crm_ru_events'), '--customers', fixture('crm_ru_customers'), '--tz', 'Europe/Moscow', '--projection'],
  },
];

describe('chainlab simulate on awkward exports', () => {
  it.each(EXPORTS)('$name: workers 1 = workers 2 = 3 shards merged, byte for byte, and the report adds up', async ({ id, args }) => {
    const run = [...args, ...CHAIN_FLAGS, '--json'];
    const [whole, twoWorkers, ...shards] = await Promise.all([
      chainlab('simulate', ...run, '--workers', '1'),
      chainlab('simulate', ...run, '--workers', '2'),
      ...[0, 1, 2].map((index) => chainlab('simulate', ...run, '--shard', `${index}/3`, '--workers', '1')),
    ]);
    for (const result of [whole, twoWorkers, ...shards]) expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(whole.stdout) as SimulateReport;
    expect(brokenInvariants(report, CHAINS)).toEqual([]);
    expect(report.totals.messages).toBeGreaterThan(0);
    expect(twoWorkers.stdout).toBe(whole.stdout);
    // the split is not trivial: at least two shards have customers entering a chain
    const shardEntries = shards.map((shard) => (JSON.parse(shard.stdout) as SimulateReport).days.reduce((total, day) => total + day.entries, 0));
    expect(shardEntries.filter((entries) => entries > 0).length).toBeGreaterThanOrEqual(2);
    const parts = shards.map((shard, index) => {
      const file = `${id}-part${index}.json`;
      writeFileSync(join(work, file), shard.stdout);
      return file;
    });
    const merged = await chainlab('simulate', '--merge', parts[1]!, parts[2]!, parts[0]!, '--json');
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  }, 180_000);

  it('the invariants catch a report that does not add up', async () => {
    const result = await chainlab('simulate', '--orders', fixture('olist_joined'), '--assume-reachable', ...CHAIN_FLAGS, '--json');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as SimulateReport;
    expect(brokenInvariants(report, CHAINS)).toEqual([]);
    const chain = report.chains[0]!;
    const trigger = CHAINS[0]!.nodes.find((node) => node.kind === 'trigger')!.id;
    chain.nodes[trigger]!.entered += 1;
    report.days.find((day) => day.entries > 0)!.date = '1999-01-01';
    report.totals.revenue += 0.01;
    expect(brokenInvariants(report, CHAINS)).toEqual([
      'abandoned-cart/cart_add: entered 1 ≠ left + waiting + ended 0',
      'activity on 1999-01-01, outside 2018-05-31 … 2018-08-28',
      'Σ days entries 86 ≠ Σ triggers entered 87',
      expect.stringMatching(/^totals\.revenue 3793\.47\d* ≠ Σ days 3793\.46/),
    ]);
  }, 120_000);
});
