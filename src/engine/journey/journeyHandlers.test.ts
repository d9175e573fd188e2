import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { createWorkspace, writeDataBatch, type ChainLabDatabase } from '../../db';
import { createDexiePort } from '../../db/enginePort';
import { generateDemoDataset } from '../../domain/demo';
import { assignItem, defaultInactionSettings, defaultLifecycleSettings, defaultStageMapping, INACTION_LISTS } from '../../domain/journey';
import { quietContext, type Progress } from '../port';
import { createJourneyHandlers } from './journeyHandlers';
import type { JourneyRequest } from './journeyTypes';

let db: ChainLabDatabase;
let request: JourneyRequest;

beforeEach(async () => {
  db = createTestDatabase();
  const workspace = await createWorkspace(db, { name: 'Journey' });
  const { customers, events } = generateDemoDataset({ customers: 300, seed: 8 });
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'demo', kind: 'demo', customers, events });
  request = {
    workspaceId: workspace.id,
    dataVersion: 1,
    timeZone: 'Europe/Moscow',
    settings: { mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings(), inaction: defaultInactionSettings() },
    asOfDate: null,
    unit: 'month',
  };
});

afterEach(async () => {
  await db.delete();
});

describe('journey engine', () => {
  it('computes with progress, then answers the same settings from the database cache', async () => {
    const phases: Progress[] = [];
    const first = await createJourneyHandlers(createDexiePort(() => db)).overview(request, { progress: (p) => phases.push(p), signal: new AbortController().signal });
    expect(first.source).toBe('computed');
    expect(phases.map((p) => p.phase)).toEqual(['load', 'prepare', 'compute', 'compute']);
    expect(first.asOfDate).toBe('2026-11-01');
    expect(first.funnel!.customers).toBe(300);
    const again = await createJourneyHandlers(createDexiePort(() => db)).overview(request, quietContext());
    expect(again.source).toBe('database');
    expect({ ...again, source: 'computed' }).toEqual(first);
  });

  it('never answers another data version or other settings from the cache', async () => {
    const handlers = createJourneyHandlers(createDexiePort(() => db));
    const first = await handlers.overview(request, quietContext());
    expect((await handlers.overview({ ...request, dataVersion: 2 }, quietContext())).source).toBe('computed');
    const moved = { ...request, settings: { ...request.settings, mapping: assignItem(defaultStageMapping(), 'cart_add', 'interest') } };
    const changed = await handlers.overview(moved, quietContext());
    expect(changed.source).toBe('computed');
    expect(changed.funnel!.stages[2]!.furthest).toBeLessThan(first.funnel!.stages[2]!.furthest);
    const earlier = await handlers.overview({ ...request, asOfDate: '2026-03-01' }, quietContext());
    expect(earlier.source).toBe('computed');
    expect(earlier.funnel!.customers).toBeLessThan(300);
  });

  it('pages and exports each inaction list with the counts of the overview', async () => {
    const handlers = createJourneyHandlers(createDexiePort(() => db));
    const overview = await handlers.overview(request, quietContext());
    for (const list of INACTION_LISTS) {
      const count = overview.inactionCounts![list].count;
      const page = await handlers.inactionPage({ ...request, list, page: 0, pageSize: 10 }, quietContext());
      expect(page.total).toBe(count);
      expect(page.rows.length).toBe(Math.min(10, count));
      const csv = await handlers.inactionExport({ ...request, list, stageNames: ['A', 'I', 'C', 'P', 'R', 'Adv'] }, quietContext());
      expect(csv.rows).toBe(count);
      expect(csv.text.trimEnd().split('\n')).toHaveLength(count + 1);
      if (count) expect(csv.text.split('\n')[1]!.startsWith(`${page.rows[0]!.id},`)).toBe(true);
    }
  });

  it('gives flows whose totals are the lifecycle counts of each date', async () => {
    const handlers = createJourneyHandlers(createDexiePort(() => db));
    const flows = await handlers.flows({ ...request, fromDate: '2026-05-01', toDate: '2026-11-01', kind: 'lifecycle' }, quietContext());
    const overview = await handlers.overview(request, quietContext());
    expect(flows.toTotals.slice(1)).toEqual(Object.values(overview.lifecycle!));
    expect(flows.fromTotals.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('says there is nothing to show for a workspace without events', async () => {
    const empty = await createWorkspace(db, { name: 'Empty' });
    const overview = await createJourneyHandlers(createDexiePort(() => db)).overview({ ...request, workspaceId: empty.id, dataVersion: 0 }, quietContext());
    expect(overview).toMatchObject({ asOfDate: null, funnel: null, firstDate: null, totalCustomers: 0 });
  });
});
