import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../domain/chains/testing';
import { defaultSimulationSettings, simulate, sliceSimulationData, type SimulationRunRecord } from '../../domain/simulation';
import { testData } from '../../domain/simulation/testing';
import { NO_CACHE, quietContext, type Dataset } from '../port';
import { inMemorySimulatePort } from './datasetInfo';
import { createSimulateHandlers } from './simulateHandlers';
import { localShardPool } from './shards';
import type { RunStore, SimulateRequest } from './simulateTypes';

/** The simulate use case over a hand-made port: the same sums as the pure engine, for any number of shards; saved runs answer traces and node lists. */
const customers = Array.from({ length: 40 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, email: `c${i}@x.ru`, phone: '+79160000000', consents: { email: i % 3 !== 0, sms: true } }));
const events = customers.flatMap((customer, i) => [
  { customer: customer.id, type: 'cart_add', at: `2025-03-${String(1 + (i % 25)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:10:00Z` },
  ...(i % 5 === 0 ? [{ customer: customer.id, type: 'checkout', at: `2025-03-${String(1 + (i % 25)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:40:00Z` }] : []),
  ...(i % 4 === 1 ? [{ customer: customer.id, type: 'order', at: `2025-03-${String(2 + (i % 25)).padStart(2, '0')}T12:00:00Z`, amount: 1000 + i }] : []),
]);
const data = testData(customers, events, { blockSize: 7, customerBlockSize: 9 }) as Dataset;
const settings = defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow');

function memoryStore(): RunStore & { records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  return {
    records,
    saveRun: async (record) => void records.set(record.id, structuredClone(record)),
    loadRun: async (_workspace, id) => records.get(id),
    listRuns: async () => [...records.values()].reverse(),
    deleteRun: async (_workspace, id) => void records.delete(id),
    renameRun: async (_workspace, id, name) => void records.set(id, { ...(records.get(id) as object), name }),
  };
}

function setup() {
  const port = inMemorySimulatePort({ loadDataset: async () => data, loadCustomers: async () => data.customers, cache: NO_CACHE }, 'Europe/Moscow', { dataVersion: 3, batchIds: ['b1'] }, () => Date.parse('2025-04-10T00:00:00Z'));
  const store = memoryStore();
  const pool = localShardPool((task) => (task.range ? sliceSimulationData(data, task.range) : data), 4);
  return { store, handlers: createSimulateHandlers({ port, store, pool }) };
}

const request = (workers: number): SimulateRequest => ({ workspaceId: 'w', chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: 'v7' }], settings, workers, traceCustomerId: 'c05' });

describe('the simulate use case', () => {
  it('saves the customer-day rows but leaves them out of the answer when the page asks so (its Run)', async () => {
    const { handlers } = setup();
    const expected = simulate(data, [workedExampleChain()], settings, { traceCustomerId: 'c05' }).sums;
    expect(expected.customerDays!.customer.length).toBeGreaterThan(0);
    const answered = await handlers.simulate({ ...request(3), answerCustomerDays: false }, quietContext());
    expect(answered.sums).toEqual({ ...expected, customerDays: null });
    expect((await handlers.loadRun({ workspaceId: 'w', runId: answered.id })).sums).toEqual(expected);
  });

  it('gives the pure engine\'s sums for 1, 3 and 7 shards, and saves the run with its inputs', async () => {
    const { handlers, store } = setup();
    const expected = simulate(data, [workedExampleChain()], settings, { traceCustomerId: 'c05' }).sums;
    expect(expected.totals.messages).toBeGreaterThan(0);
    const progress: number[] = [];
    const runs: SimulationRunRecord[] = [];
    for (const workers of [1, 3, 7]) runs.push(await handlers.simulate(request(workers), { ...quietContext(), progress: (update) => progress.push(update.done) }));
    for (const run of runs) expect(run.sums).toEqual(expected);
    // a saved run keeps the heat map's customer-day rows; the command line's run (customerDays: false) leaves only them out
    expect(expected.customerDays!.customer.length).toBeGreaterThan(0);
    const forReport = await handlers.simulate({ ...request(3), customerDays: false }, quietContext());
    expect(forReport.sums).toEqual({ ...expected, customerDays: null });

    expect(progress.at(-1)).toBe(40);
    expect(store.records.size).toBe(4);
    const loaded = await handlers.loadRun({ workspaceId: 'w', runId: runs[0]!.id });
    expect(loaded.inputs).toMatchObject({ dataVersion: 3, batchIds: ['b1'], workers: 1, chains: [{ savedVersionId: 'v7' }] });
    expect(loaded.sums).toEqual(expected);
    const list = await handlers.listRuns({ workspaceId: 'w' });
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ ok: true, period: { from: '2025-03-01', to: '2025-03-31' }, messages: expected.totals.messages, cost: expected.totals.cost / 10_000 });
  });

  it('traces one customer of a saved run and lists the customers at a node', async () => {
    const { handlers } = setup();
    const run = await handlers.simulate(request(2), quietContext());
    const trace = await handlers.trace({ workspaceId: 'w', runId: run.id, customerId: 'c05' }, quietContext());
    expect(trace).toEqual(run.sums!.trace);
    const sent = await handlers.customersAtNode({ workspaceId: 'w', runId: run.id, chainId: run.sums!.chains[0]!.id, nodeId: 'email', what: 'sent', limit: 3 }, quietContext());
    expect(sent.count).toBe(run.sums!.chains[0]!.nodes.email!.sent.email);
    expect(sent.ids).toHaveLength(3);
    await expect(handlers.trace({ workspaceId: 'w', runId: run.id, customerId: 'nobody' }, quietContext())).rejects.toThrow(/no customer "nobody"/);
  });

  it('lists every customer\'s path through the chains of a saved run, the same for any number of shards', async () => {
    const { handlers } = setup();
    const run = await handlers.simulate(request(3), quietContext());
    const paths = await handlers.customerPaths({ workspaceId: 'w', runId: run.id }, quietContext());
    const chain = run.sums!.chains[0]!;
    expect(new Set(paths.map((path) => path.customerId)).size).toBe(chain.customers);
    expect(paths.reduce((sum, path) => sum + path.sent, 0)).toBe(chain.messages);
    const c05 = paths.find((path) => path.customerId === 'c05')!;
    expect(c05.steps).toEqual(run.sums!.trace.map((entry) => `${entry.nodeId}:${entry.decision}`));
    expect(c05.from).toBe(run.sums!.trace[0]!.ts);
    const { handlers: oneShard } = setup();
    const again = await oneShard.simulate(request(1), quietContext());
    expect(await oneShard.customerPaths({ workspaceId: 'w', runId: again.id }, quietContext())).toEqual(paths);
  });

  it('lists the customers sent 2+ messages on one day, each of whom the trace shows with two sends that day', async () => {
    const { handlers } = setup();
    const twice = [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }, { chain: { ...workedExampleChain(), id: 'again', name: 'Again' }, chainVersion: 1, savedVersionId: null }];
    const run = await handlers.simulate({ workspaceId: 'w', chains: twice, settings }, quietContext());
    const busy = await handlers.customersWithBusyDays({ workspaceId: 'w', runId: run.id, limit: 100 }, quietContext());
    expect(busy.count).toBeGreaterThan(0);
    expect(busy.count).toBeLessThanOrEqual(run.sums!.overlap.customerDaysWithSeveralMessages);
    expect(busy.ids).toHaveLength(busy.count);
    for (const id of busy.ids.slice(0, 5)) {
      const sentDays = (await handlers.trace({ workspaceId: 'w', runId: run.id, customerId: id }, quietContext())).filter((entry) => entry.decision === 'sent').map((entry) => new Date(entry.ts + 3 * 3_600_000).toISOString().slice(0, 10));
      expect(sentDays.length - new Set(sentDays).size).toBeGreaterThan(0);
    }
    const single = await handlers.simulate(request(2), quietContext());
    expect(await handlers.customersWithBusyDays({ workspaceId: 'w', runId: single.id, limit: 100 }, quietContext())).toEqual({ ids: [], count: 0 });
  });

  it('marks what the projection drew in a trace, and only that', async () => {
    const { handlers } = setup();
    const run = await handlers.simulate({ workspaceId: 'w', chains: request(1).chains, settings: { ...settings, projection: true } }, quietContext());
    const traces = await Promise.all(customers.map((customer) => handlers.trace({ workspaceId: 'w', runId: run.id, customerId: customer.id }, quietContext())));
    const entries = traces.flat();
    const projected = entries.filter((entry) => entry.decision === 'projected');
    expect(projected.length).toBeGreaterThan(0);
    for (const entry of projected) expect(entry.isProjected).toBe(true);
    for (const entry of entries.filter((item) => !item.isProjected)) expect('isProjected' in entry).toBe(false);
    const replayed = await handlers.trace({ workspaceId: 'w', runId: (await handlers.simulate(request(1), quietContext())).id, customerId: 'c05' }, quietContext());
    expect(replayed.some((entry) => entry.isProjected)).toBe(false);
  });

  it('says what it cannot do: a damaged saved run, no chains, cancelled', async () => {
    const { handlers, store } = setup();
    store.records.set('bad', { version: 1, id: 'bad' });
    await expect(handlers.loadRun({ workspaceId: 'w', runId: 'bad' })).rejects.toThrow(/damaged/);
    expect((await handlers.listRuns({ workspaceId: 'w' }))[0]).toMatchObject({ ok: false, id: 'bad' });
    await expect(handlers.simulate({ ...request(1), chains: [] }, quietContext())).rejects.toThrow(/at least one chain/);
    const controller = new AbortController();
    controller.abort();
    await expect(handlers.simulate(request(2), { progress: () => {}, signal: controller.signal })).rejects.toThrow(/Cancelled/);
  });

  it('defaults to the last 90 days of the data', async () => {
    const { handlers } = setup();
    expect(await handlers.defaults({ workspaceId: 'w' })).toEqual({ timeZone: 'Europe/Moscow', customers: 40, period: { from: '2024-12-26', to: '2025-03-25' }, eventsOutside: 0 });
  });

  it('leaves rows dated 9999 and 1900 out of the default period, and counts them', async () => {
    const outliers = [
      { customer: 'c01', type: 'order', at: '9999-12-31T00:00:00Z', amount: 5 },
      { customer: 'c02', type: 'page_view', at: '1900-01-01T00:00:00Z' },
      { customer: 'c03', type: 'page_view', at: '2099-06-01T00:00:00Z' },
    ];
    const withOutliers = testData(customers, [...events, ...outliers], { blockSize: 7 }) as Dataset;
    const onlyOutliers = testData(customers.slice(0, 4), outliers) as Dataset;
    const now = () => Date.parse('2025-04-10T00:00:00Z');
    const defaultsOf = (dataset: Dataset) => createSimulateHandlers({ port: inMemorySimulatePort({ loadDataset: async () => dataset, loadCustomers: async () => dataset.customers, cache: NO_CACHE }, 'Europe/Moscow', { dataVersion: 1, batchIds: [] }, now), store: memoryStore(), pool: localShardPool(() => dataset, 1) }).defaults({ workspaceId: 'w' });
    expect(await defaultsOf(withOutliers)).toEqual({ timeZone: 'Europe/Moscow', customers: 40, period: { from: '2024-12-26', to: '2025-03-25' }, eventsOutside: 3 });
    expect(await defaultsOf(onlyOutliers)).toEqual({ timeZone: 'Europe/Moscow', customers: 4, period: null, eventsOutside: 3 });
  });
});
