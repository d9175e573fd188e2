import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { createWorkspace, writeDataBatch, type ChainLabDatabase } from '../../db';
import { createDexiePort } from '../../db/enginePort';
import { generateDemoDataset } from '../../domain/demo';
import { defaultRfmSettings, presetSegmentMap, RFM_CSV_COLUMNS, type RfmSettings } from '../../domain/rfm';
import { formatEpochDay } from '../../domain/time';
import { RfmEngine } from './rfmEngine';
import type { RfmRequest } from './rfmTypes';

let db: ChainLabDatabase;
let request: RfmRequest;

beforeEach(async () => {
  db = createTestDatabase();
  const workspace = await createWorkspace(db, { name: 'RFM' });
  const { customers, events } = generateDemoDataset({ customers: 300, seed: 5 });
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'demo', kind: 'demo', customers, events });
  const settings: RfmSettings = defaultRfmSettings();
  request = { workspaceId: workspace.id, dataVersion: 1, timeZone: 'Europe/Moscow', settings, map: presetSegmentMap('grid', 5, 'en') };
});
afterEach(async () => {
  await db.delete();
});

describe('RFM engine', () => {
  it('computes once, then answers from memory, and from the database in a new worker', async () => {
    const computing = new RfmEngine(createDexiePort(() => db));
    const first = await computing.summary(request);
    expect(first.source).toBe('computed');
    await computing.saved();
    const engine = new RfmEngine(createDexiePort(() => db));
    const fromDisk = await engine.summary(request);
    expect(fromDisk.source).toBe('database');
    expect(fromDisk.segments).toEqual(first.segments);
    expect((await engine.summary(request)).source).toBe('memory');
    // Another data version is never answered from the cache.
    expect((await engine.summary({ ...request, dataVersion: 2 })).source).toBe('computed');
  });

  it('sums segments to every customer and defaults to the day after the last order', async () => {
    const summary = await new RfmEngine(createDexiePort(() => db)).summary(request);
    expect(summary.customers).toBe(300);
    expect(summary.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(300);
    expect(summary.segments.at(-1)!.customers).toBe(300 - summary.scored);
    expect(summary.params.asOfDay).toBe(summary.meta.lastOrderDay + 1);
    expect(summary.heatmap.reduce((sum, cell) => sum + cell.customers, 0)).toBe(summary.scored);
  });

  it('recomputes when the scoring settings change, not when only the map does', async () => {
    const engine = new RfmEngine(createDexiePort(() => db));
    await engine.summary(request);
    const package4 = { ...request, settings: { ...request.settings, levels: 4 as const }, map: presetSegmentMap('rfm-package', 4, 'en') };
    const four = await engine.summary(package4);
    expect(four.source).toBe('computed');
    expect(four.breaks.recency.bins).toHaveLength(4);
    expect((await engine.summary({ ...request, map: presetSegmentMap('rfm-package', 5, 'en') })).source).toBe('memory');
  });

  it('pages, sorts and exports a segment as CSV', async () => {
    const engine = new RfmEngine(createDexiePort(() => db));
    const summary = await engine.summary(request);
    const champions = summary.segments[0]!;
    const page = await engine.customers({ ...request, filter: { segment: 0 }, sort: { field: 'revenue', isDescending: true }, page: 0, pageSize: 5 });
    expect(page.matched).toBe(champions.customers);
    expect(page.rows.length).toBe(Math.min(5, champions.customers));
    expect(page.rows.every((row) => row.segment === 0 && row.r + row.f >= 8)).toBe(true);
    for (let i = 1; i < page.rows.length; i++) expect(page.rows[i - 1]!.revenue).toBeGreaterThanOrEqual(page.rows[i]!.revenue);

    const { csv, rows } = await engine.exportCsv({ ...request, filter: { segment: 0 }, direction: 'lowIsBest', names: { others: 'Others', noPurchases: 'No purchases' } });
    expect(rows).toBe(champions.customers);
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(Object.keys(parsed[0]!)).toEqual([...RFM_CSV_COLUMNS, 'name', 'email', 'phone']);
    expect(parsed.every((row) => row.segment === 'Champions')).toBe(true);
    // 1 = best on display: champions have R 1 or 2
    expect(parsed.every((row) => Number(row.recency_score) <= 2)).toBe(true);
  });

  it('moves customers between segments from one date to the next', async () => {
    const engine = new RfmEngine(createDexiePort(() => db));
    const summary = await engine.summary(request);
    const fromAsOf = formatEpochDay(summary.params.asOfDay - 90);
    const { matrix, fromAsOfDay, toAsOfDay } = await engine.transition({ ...request, fromAsOf });
    expect(toAsOfDay - fromAsOfDay).toBe(90);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(300);
    expect(matrix.map((row) => row.reduce((a, b) => a + b, 0)).reduce((a, b) => a + b, 0)).toBe(300);
    // columns add up to the analysis date's segments
    summary.segments.forEach((segment, code) => expect(matrix.reduce((sum, row) => sum + row[code]!, 0)).toBe(segment.customers));
  });

  it('gives one customer\'s scores now and at past month ends', async () => {
    const engine = new RfmEngine(createDexiePort(() => db));
    const page = await engine.customers({ ...request, filter: { segment: 0 }, sort: null, page: 0, pageSize: 1 });
    const index = page.rows[0]!.index;
    const card = await engine.customer({ ...request, customerIndex: index });
    expect(card.now).toMatchObject({ r: page.rows[0]!.r, f: page.rows[0]!.f, m: page.rows[0]!.m, segment: 0 });
    expect(card.history).toHaveLength(6);
    expect(card.history.every((point) => point.day < card.asOfDay)).toBe(true);
  });

  it('says so when a workspace has no orders', async () => {
    const empty = await createWorkspace(db, { name: 'Empty' });
    await expect(new RfmEngine(createDexiePort(() => db)).summary({ ...request, workspaceId: empty.id })).rejects.toThrow('no orders');
  });
});
