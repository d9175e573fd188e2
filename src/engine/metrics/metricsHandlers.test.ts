import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { createWorkspace, writeDataBatch, type ChainLabDatabase } from '../../db';
import { createDexiePort } from '../../db/enginePort';
import { generateDemoDataset } from '../../domain/demo';
import { defaultLifecycleSettings, defaultStageMapping, LIFECYCLE_STATUSES } from '../../domain/journey';
import { computeDashboard, defaultCrmChannelMapping, metricsHistoryFromBlocks } from '../../domain/metrics';
import { defaultRfmSettings, presetSegmentMap } from '../../domain/rfm';
import { quietContext } from '../port';
import { evaluateAudience, prepareAudienceData } from '../../domain/audiences/evaluate';
import { allOf, compare } from '../../domain/conditions/build';
import { defaultSimulationSettings } from '../../domain/simulation/settings';
import { formatEpochDay } from '../../domain/time';
import { createMetricsHandlers } from './metricsHandlers';
import type { MetricsCut, MetricsRequest } from './metricsTypes';

let db: ChainLabDatabase;
let request: MetricsRequest;

beforeEach(async () => {
  db = createTestDatabase();
  const workspace = await createWorkspace(db, { name: 'Metrics' });
  const { customers, events } = generateDemoDataset({ customers: 300, seed: 5 });
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'demo', kind: 'demo', customers, events });
  request = { workspaceId: workspace.id, dataVersion: 1, timeZone: 'Europe/Moscow', asOf: null, period: 'all', unit: 'month', churnDays: 365, crmMapping: defaultCrmChannelMapping(), scope: null };
});
afterEach(async () => {
  await db.delete();
});

const rfmCut = (): MetricsCut => ({ kind: 'rfm', settings: defaultRfmSettings(), map: presetSegmentMap('grid', 5, 'en') });
const lifecycleCut: MetricsCut = { kind: 'lifecycle', mapping: defaultStageMapping(), lifecycle: defaultLifecycleSettings() };

describe('metrics use case', () => {
  it('computes the dashboard as the domain does from the stored blocks, then answers from the cache', async () => {
    const handlers = createMetricsHandlers(createDexiePort(() => db));
    const first = await handlers.metricsSummary(request, quietContext());
    expect(first).toMatchObject({ hasOrders: true, source: 'computed' });
    expect(first.asOf).toBe(first.defaultAsOf);
    const dataset = await createDexiePort(() => db).loadDataset(request.workspaceId);
    const history = metricsHistoryFromBlocks(dataset.events, dataset.eventTypes, 300, 'Europe/Moscow', defaultCrmChannelMapping());
    const expected = computeDashboard(history, { asOfDay: history.lastOrderDay + 1, unit: 'month', period: 'all', churnDays: 365 });
    expect(first.dashboard).toEqual(expected);
    const again = await createMetricsHandlers(createDexiePort(() => db)).metricsSummary(request, quietContext());
    expect(again.source).toBe('cache');
    expect(again.dashboard).toEqual(first.dashboard);
    expect((await handlers.metricsSummary({ ...request, dataVersion: 2 }, quietContext())).source).toBe('computed');
  });

  it('cuts by RFM segment and lifecycle status: groups add up to every customer and every buyer', async () => {
    const handlers = createMetricsHandlers(createDexiePort(() => db));
    const summary = await handlers.metricsSummary(request, quietContext());
    for (const cut of [rfmCut(), lifecycleCut]) {
      const result = await handlers.metricsCut({ ...request, cut }, quietContext());
      const sum = (pick: (group: (typeof result.totals.groups)[number]) => number) => result.totals.groups.reduce((total, group) => total + pick(group), 0);
      expect(sum((group) => group.totals.buyers)).toBe(summary.dashboard!.totals.buyers);
      expect(sum((group) => group.totals.orders)).toBe(summary.dashboard!.totals.orders);
      expect(result.totals.all.buyers).toBe(summary.dashboard!.totals.buyers);
      expect(result.groupKeys).toHaveLength(result.totals.groups.length);
    }
    const lifecycle = await handlers.metricsCut({ ...request, cut: lifecycleCut }, quietContext());
    expect(lifecycle.groupKeys).toEqual([...LIFECYCLE_STATUSES]);
    expect(lifecycle.totals.groups[0]!.totals.buyers).toBe(0); // prospects never bought
  });

  it('limits cohorts and totals to one group, and lists the customers behind a cell', async () => {
    const handlers = createMetricsHandlers(createDexiePort(() => db));
    const all = (await handlers.metricsSummary(request, quietContext())).dashboard!;
    const cut = await handlers.metricsCut({ ...request, cut: rfmCut() }, quietContext());
    const group = cut.totals.groups.findIndex((entry) => entry.totals.buyers > 0);
    const scoped = (await handlers.metricsSummary({ ...request, scope: { cut: rfmCut(), group } }, quietContext())).dashboard!;
    expect(scoped.totals.buyers).toBe(cut.totals.groups[group]!.totals.buyers);
    expect(scoped.cohorts.cohorts.reduce((sum, row) => sum + row.customers, 0)).toBe(scoped.totals.buyers);
    const cohort = all.cohorts.cohorts[0]!;
    const page = await handlers.metricsCellCustomers({ ...request, cohortPeriod: cohort.period, k: 1, page: 0, pageSize: 10 }, quietContext());
    expect(page.matched).toBe(cohort.retained[1]);
    expect(page.rows.length).toBe(Math.min(10, cohort.retained[1]!));
    expect(page.rows[0]).toMatchObject({ id: expect.stringMatching(/./), orders: expect.any(Number) });
    expect(page.rows.every((row) => row.firstOrder.startsWith(cohort.cohort))).toBe(true);
    const everyone = await handlers.metricsCellCustomers({ ...request, cohortPeriod: cohort.period, k: null, page: 0, pageSize: 1000 }, quietContext());
    expect(everyone.matched).toBe(cohort.customers);
  });

  it('takes a saved audience as a cut of its members', async () => {
    const handlers = createMetricsHandlers(createDexiePort(() => db));
    const result = await handlers.metricsCut({ ...request, cut: { kind: 'members', customers: [0, 1, 2, 3, 4] } }, quietContext());
    expect(result.groupKeys).toEqual(['in', 'out']);
    expect(result.totals.groups[0]!.totals.customers).toBe(5);
    expect(result.totals.groups[1]!.totals.customers).toBe(295);
  });

  it('cuts by a saved audience evaluated as the Audiences screen does for the day before D; scoped, every figure is the audience’s', async () => {
    const handlers = createMetricsHandlers(createDexiePort(() => db));
    const all = (await handlers.metricsSummary(request, quietContext())).dashboard!;
    const { timeZone, rfm, journey } = defaultSimulationSettings('2025-01-01', '2025-01-02', 'Europe/Moscow');
    const condition = allOf({ type: 'orderCount', compare: compare('gte', 2), days: null });
    const cut: MetricsCut = { kind: 'audience', audienceId: 'repeat', condition, audiences: { repeat: condition }, segments: { timeZone, rfm, journey } };
    const result = await handlers.metricsCut({ ...request, cut }, quietContext());
    const dataset = await createDexiePort(() => db).loadDataset(request.workspaceId);
    const screen = evaluateAudience(prepareAudienceData(dataset, { timeZone, rfm, journey }), condition, { asOf: formatEpochDay(all.asOfDay - 1) });
    expect(result.groupKeys).toEqual(['in', 'out']);
    expect(result.totals.groups[0]!.totals.customers).toBe(screen.size);
    expect(result.totals.groups[0]!.totals.customers + result.totals.groups[1]!.totals.customers).toBe(300);
    // everyone in "2 orders or more" who bought in the window is a repeat buyer
    expect(result.totals.groups[0]!.totals.repeatBuyers).toBe(result.totals.groups[0]!.totals.buyers);
    const scoped = (await handlers.metricsSummary({ ...request, scope: { cut, group: 0 } }, quietContext())).dashboard!;
    expect(scoped.totals.buyers).toBe(result.totals.groups[0]!.totals.buyers);
    expect(scoped.totals.buyers).toBeLessThan(all.totals.buyers);
  });

  it('says when the workspace has no orders', async () => {
    const empty = await createWorkspace(db, { name: 'Empty' });
    const summary = await createMetricsHandlers(createDexiePort(() => db)).metricsSummary({ ...request, workspaceId: empty.id }, quietContext());
    expect(summary).toMatchObject({ hasOrders: false, dashboard: null, asOf: null });
  });
});
