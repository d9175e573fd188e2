import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainlabIn, expectOneLineError, REPO } from './testing/chainlabProcess';
import type { CrmEvent } from '../domain';
import { generateDemoCustomers } from '../domain/demo';
import {
  asOfInstant,
  buildJourneyData,
  DEFAULT_STAGE_IDS,
  defaultAsOfDate,
  defaultLifecycleSettings,
  defaultStageMapping,
  journeyInputFromEvents,
  LIFECYCLE_STATUSES,
  lifecycleStatus,
  prepareJourney,
  stagesSummary,
  type StagesSummary,
} from '../domain/journey';

/** `chainlab stages` as users run it: a separate process over CSV files written by `chainlab demo`. */
const work = mkdtempSync(join(tmpdir(), 'chainlab-stages-'));
const chainlab = chainlabIn(work);
const CUSTOMERS = 400;
const SEED = 11;

/** The same data straight from the generator, through the domain: what the files must give. */
function expected(filter: (event: CrmEvent) => boolean, asOf?: string): StagesSummary {
  const events: CrmEvent[] = [];
  for (const record of generateDemoCustomers({ customers: CUSTOMERS, seed: SEED })) for (const event of record.events) if (filter(event)) events.push(event);
  const data = buildJourneyData(journeyInputFromEvents(events).input);
  const index = prepareJourney(data, defaultStageMapping(), defaultLifecycleSettings(), 'UTC');
  const date = asOf ?? defaultAsOfDate(data.lastTs, 'UTC')!;
  return stagesSummary(index, asOfInstant(date, 'UTC'), date);
}

function contract(summary: StagesSummary) {
  return { asOf: summary.asOf, customers: summary.customers, funnel: summary.funnel.map(({ stage, reached, furthest, medianDaysFromPrevious }) => ({ stage, reached, furthest, medianDaysFromPrevious })), lifecycle: summary.lifecycle };
}

beforeAll(async () => {
  const demo = await chainlab('demo', '--customers', String(CUSTOMERS), '--seed', String(SEED), '--out', 'data');
  expect(demo.status, demo.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chainlab stages', () => {
  it('prints the cli.md document from an orders file alone: first order Purchase, second Retention', async () => {
    const result = await chainlab('stages', '--orders', 'data/orders.csv', '--json');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as StagesSummary;
    expect(Object.keys(summary).slice(0, 4)).toEqual(['asOf', 'customers', 'funnel', 'lifecycle']);
    expect(summary.funnel.map((stage) => stage.stage)).toEqual([...DEFAULT_STAGE_IDS]);
    expect(Object.keys(summary.lifecycle)).toEqual([...LIFECYCLE_STATUSES]);
    for (const [s, stage] of summary.funnel.entries()) {
      expect(stage.reached).toBe(summary.funnel.slice(s).reduce((sum, later) => sum + later.furthest, 0));
    }
    // Orders only: everybody has ordered, so nobody stops before Purchase and nobody is a prospect.
    expect(summary.funnel.slice(0, 3).map((stage) => stage.furthest)).toEqual([0, 0, 0]);
    expect(summary.funnel[3]!.reached).toBe(summary.customers);
    expect(summary.funnel[4]!.furthest).toBeGreaterThan(0);
    expect(summary.lifecycle.prospect).toBe(0);
    expect(contract(summary)).toEqual(contract(expected((event) => event.type === 'order')));
  }, 180_000);

  it('uses both files and an as-of date exactly like the domain does on the same data', async () => {
    const [all, early] = await Promise.all([
      chainlab('stages', '--orders', 'data/orders.csv', '--events', 'data/events.csv', '--json'),
      chainlab('stages', '--events', 'data/events.csv', '--orders', 'data/orders.csv', '--as-of', '2026-03-01', '--json'),
    ]);
    expect(all.status, all.stderr).toBe(0);
    expect(early.status, early.stderr).toBe(0);
    const everything = JSON.parse(all.stdout) as StagesSummary;
    const before = JSON.parse(early.stdout) as StagesSummary;
    expect(contract(everything)).toEqual(contract(expected(() => true)));
    expect(contract(before)).toEqual(contract(expected(() => true, '2026-03-01')));
    expect(everything.asOf).toBe('2026-11-01');
    expect(before.customers).toBeLessThan(everything.customers);
    expect(everything.funnel[0]!.furthest + everything.funnel[1]!.furthest).toBeGreaterThan(0);
  }, 180_000);

  it('prints a readable table without --json, honouring thresholds', async () => {
    const [plain, tight] = await Promise.all([
      chainlab('stages', '--orders', 'data/orders.csv'),
      chainlab('stages', '--orders', 'data/orders.csv', '--thresholds', '7,30,60,120', '--json'),
    ]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^Journey stages as of \d{4}-\d{2}-\d{2} \(UTC\): \d+ customers/);
    for (const id of [...DEFAULT_STAGE_IDS, ...LIFECYCLE_STATUSES]) expect(plain.stdout).toMatch(new RegExp(`^${id} +\\d`, 'm'));
    const loose = JSON.parse((await chainlab('stages', '--orders', 'data/orders.csv', '--json')).stdout) as StagesSummary;
    const strict = JSON.parse(tight.stdout) as StagesSummary;
    expect(strict.lifecycle.churned).toBeGreaterThan(loose.lifecycle.churned);
    expect(strict.lifecycle.active).toBeLessThan(loose.lifecycle.active);
  }, 180_000);

  it('agrees with the R `rfm` package on its sample orders: statuses from its recency and order counts', async () => {
    // The R package's sample, as kept in the repository by the RFM tests (shared/fixtures/rfm).
    const fixtures = join(REPO, 'src', 'domain', 'rfm', 'testdata');
    const result = await chainlab('stages', '--orders', join(fixtures, 'rfm_data_orders.csv'), '--as-of', '2006-12-31', '--json');
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as StagesSummary;
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(fixtures, 'rfm_data_orders.expected.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const settings = defaultLifecycleSettings();
    const counts = Object.fromEntries(LIFECYCLE_STATUSES.map((status) => [status, 0]));
    for (const row of rows) {
      const status = lifecycleStatus({ orders: Number(row.transaction_count), daysSinceLastOrder: Number(row.recency_days), daysFirstToLastOrder: 0 }, settings);
      counts[status]!++;
    }
    expect(summary.customers).toBe(rows.length);
    expect(summary.lifecycle).toEqual(counts);
    expect(summary.funnel[4]!.reached).toBe(rows.filter((row) => Number(row.transaction_count) >= 2).length);
  }, 180_000);

  it('refuses wrong usage with exit 2 and unusable files with exit 1, one line each', async () => {
    writeFileSync(join(work, 'empty.csv'), '');
    writeFileSync(join(work, 'header-only.csv'), 'order_id,customer_id,order_date,amount\n');
    const [none, missing, date, zone, thresholds, empty, headerOnly] = await Promise.all([
      chainlab('stages', '--json'),
      chainlab('stages', '--orders', 'nope.csv'),
      chainlab('stages', '--orders', 'data/orders.csv', '--as-of', '2026-02-30'),
      chainlab('stages', '--orders', 'data/orders.csv', '--tz', 'Mars/Olympus'),
      chainlab('stages', '--orders', 'data/orders.csv', '--thresholds', '30,90,80,365'),
      chainlab('stages', '--orders', 'empty.csv'),
      chainlab('stages', '--orders', 'header-only.csv', '--json'),
    ]);
    expectOneLineError(none, 2, /give --orders FILE, --events FILE or both/);
    expectOneLineError(missing, 2, /nope\.csv/);
    expectOneLineError(date, 2, /--as-of/);
    expectOneLineError(zone, 2, /Mars\/Olympus/);
    expectOneLineError(thresholds, 2, /T2 \(at risk\) must be greater than T1/);
    expectOneLineError(empty, 1, /empty\.csv.*empty/);
    expectOneLineError(headerOnly, 1, /header-only\.csv/);
  }, 180_000);
});
