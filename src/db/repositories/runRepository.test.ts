import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unknownConsents, type CrmEvent, type Customer } from '../../domain';
import { workedExampleChain } from '../../domain/chains/testing';
import { defaultSimulationSettings, simulate } from '../../domain/simulation';
import { quietContext } from '../../engine/port';
import { localShardPool } from '../../engine/simulate/shards';
import { createSimulateHandlers } from '../../engine/simulate/simulateHandlers';
import { createDexieRunStore, createDexieSimulatePort } from '../enginePort';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { loadDataset, writeDataBatch } from './datasetRepository';
import { createWorkspace } from './workspaceRepository';

/** The simulate use case over the app's database: dataset info and shard slices from the block store, runs saved and read back. */
let db: ChainLabDatabase;
let workspaceId: string;

const customers: Customer[] = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, email: `c${i}@x.ru`, phone: '+79160000000', consents: { ...unknownConsents(), email: i % 4 !== 0, sms: true }, attrs: {} }));
const events: CrmEvent[] = customers.flatMap((customer, i) => [
  { customerId: customer.id, type: 'cart_add', ts: Date.parse(`2025-03-${String(2 + (i % 20)).padStart(2, '0')}T1${i % 10}:00:00Z`), props: {} },
  ...(i % 3 === 0 ? [{ customerId: customer.id, type: 'order', ts: Date.parse(`2025-03-${String(3 + (i % 20)).padStart(2, '0')}T12:00:00Z`), amount: 500 + i, props: {} }] : []),
]);
const settings = defaultSimulationSettings('2025-03-01', '2025-03-31', 'Europe/Moscow');

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Test', timeZone: 'Europe/Moscow' })).id;
  await writeDataBatch(db, { workspaceId, sourceName: 'a.csv', kind: 'events', customers: customers.slice(0, 20), events: events.filter((event) => Number(event.customerId.slice(1)) < 20) });
  // a second batch: its blocks form a second sorted run, and a far-future placeholder date
  await writeDataBatch(db, { workspaceId, sourceName: 'b.csv', kind: 'events', customers: customers.slice(20), events: [...events.filter((event) => Number(event.customerId.slice(1)) >= 20), { customerId: 'c3', type: 'page_view', ts: Date.parse('9999-12-31T00:00:00Z'), props: {} }] });
});
afterEach(async () => {
  await db.delete();
});

function handlers() {
  const port = createDexieSimulatePort(() => db, () => Date.parse('2025-06-01T00:00:00Z'));
  return createSimulateHandlers({ port, store: createDexieRunStore(() => db), pool: localShardPool((task) => port.loadDatasetSlice(task.workspaceId, task.range!), 3) });
}

describe('simulation runs in the database', () => {
  it('knows the data before reading it: customers, version, zone, and the last plausible day', async () => {
    const defaults = await handlers().defaults({ workspaceId });
    expect(defaults).toEqual({ timeZone: 'Europe/Moscow', customers: 30, period: { from: '2024-12-22', to: '2025-03-21' }, eventsOutside: 1 });
  });

  it('reads the span from block statistics alone when every event is plausible', async () => {
    const other = (await createWorkspace(db, { name: 'Plain', timeZone: 'Europe/Moscow' })).id;
    await writeDataBatch(db, { workspaceId: other, sourceName: 'a.csv', kind: 'events', customers, events });
    const defaults = await handlers().defaults({ workspaceId: other });
    expect(defaults).toEqual({ timeZone: 'Europe/Moscow', customers: 30, period: { from: '2024-12-22', to: '2025-03-21' }, eventsOutside: 0 });
  });

  it('leaves a row dated 1900 out of the default period too (blocks wholly inside the window are not read)', async () => {
    await writeDataBatch(db, { workspaceId, sourceName: 'c.csv', kind: 'events', customers: [], events: [{ customerId: 'c7', type: 'page_view', ts: Date.parse('1900-01-01T00:00:00Z'), props: {} }] });
    const defaults = await handlers().defaults({ workspaceId });
    expect(defaults).toEqual({ timeZone: 'Europe/Moscow', customers: 30, period: { from: '2024-12-22', to: '2025-03-21' }, eventsOutside: 2 });
  });

  it('runs over slices of the store with the pure engine\'s sums, saves the run and reads it back', async () => {
    const simulateHandlers = handlers();
    const request = { workspaceId, chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings, workers: 3, traceCustomerId: 'c5' };
    const run = await simulateHandlers.simulate(request, quietContext());
    const expected = simulate(await loadDataset(db, workspaceId), [workedExampleChain()], settings, { traceCustomerId: 'c5' }).sums;
    expect(run.sums).toEqual(expected);
    expect(expected.totals.messages).toBeGreaterThan(0);
    expect(run.inputs.batchIds).toHaveLength(2);
    expect(await simulateHandlers.loadRun({ workspaceId, runId: run.id })).toEqual(run);
    expect(await simulateHandlers.trace({ workspaceId, runId: run.id, customerId: 'c5' }, quietContext())).toEqual(expected.trace);
    const list = await simulateHandlers.listRuns({ workspaceId });
    expect(list).toMatchObject([{ ok: true, id: run.id, messages: expected.totals.messages }]);
    await simulateHandlers.deleteRun({ workspaceId, runId: run.id });
    expect(await simulateHandlers.listRuns({ workspaceId })).toEqual([]);
  });

  it('renames a saved run and nothing else of it; an empty name is refused', async () => {
    const simulateHandlers = handlers();
    const run = await simulateHandlers.simulate({ workspaceId, chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings }, quietContext());
    await simulateHandlers.renameRun({ workspaceId, runId: run.id, name: '  March, cart  ' });
    expect(await simulateHandlers.loadRun({ workspaceId, runId: run.id })).toEqual({ ...run, name: 'March, cart' });
    await expect(simulateHandlers.renameRun({ workspaceId, runId: run.id, name: '  ' })).rejects.toThrow(/needs a name/);
    await expect(simulateHandlers.renameRun({ workspaceId, runId: 'gone', name: 'x' })).rejects.toThrow(/not saved/);
  });

  it('repeats a run from its saved inputs with the same figures', async () => {
    const simulateHandlers = handlers();
    const run = await simulateHandlers.simulate({ workspaceId, chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings, workers: 2 }, quietContext());
    const saved = await simulateHandlers.loadRun({ workspaceId, runId: run.id });
    const again = await simulateHandlers.simulate({ workspaceId, chains: saved.inputs.chains, settings: saved.inputs.settings, name: saved.name }, quietContext());
    expect(again.id).not.toBe(run.id);
    expect(again.sums).toEqual(run.sums);
  });

  it('refuses to trace a run once the data changed', async () => {
    const simulateHandlers = handlers();
    const run = await simulateHandlers.simulate({ workspaceId, chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings }, quietContext());
    await writeDataBatch(db, { workspaceId, sourceName: 'c.csv', kind: 'events', customers: [], events: [{ customerId: 'c1', type: 'page_view', ts: Date.parse('2025-03-10T10:00:00Z'), props: {} }] });
    await expect(simulateHandlers.trace({ workspaceId, runId: run.id, customerId: 'c1' }, quietContext())).rejects.toThrow(/data changed since this run/);
  });
});
