import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE_VERSION } from '../../domain/audiences/audience';
import { CHAIN_FORMAT_VERSION } from '../../domain/chains';
import { workedExampleChain } from '../../domain/chains/testing';
import { allOf, compare } from '../../domain/conditions/build';
import { generateDemoDataset } from '../../domain/demo';
import { defaultRfmSettings } from '../../domain/rfm';
import { defaultSimulationSettings } from '../../domain/simulation';
import { encodeFrame } from '../../domain/workspaceFile/frameCodec';
import { WORKSPACE_FILE_MAGIC, WORKSPACE_FILE_VERSION } from '../../domain/workspaceFile/workspaceFileFormat';
import { quietContext } from '../../engine/port';
import { localShardPool } from '../../engine/simulate/shards';
import { createSimulateHandlers } from '../../engine/simulate/simulateHandlers';
import { readWorkspaceFile } from '../../engine/workspaceFile/workspaceFileReader';
import { createWorkspaceFileHandlers } from '../../engine/workspaceFile/workspaceFileHandlers';
import { createDexieRunStore, createDexieSimulatePort, createDexieWorkspaceFileStore } from '../enginePort';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { loadDataset, writeDataBatch } from './datasetRepository';
import { setWorkspaceSetting } from './settingsRepository';
import { createWorkspace, listWorkspaces } from './workspaceRepository';

let db: ChainLabDatabase;
let workspaceId: string;
const NOW = Date.parse('2026-11-01T00:00:00Z');

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Workshop', timeZone: 'Europe/Moscow' })).id;
  const { customers, events } = generateDemoDataset({ customers: 300, seed: 7 });
  await writeDataBatch(db, { workspaceId, sourceName: 'demo', kind: 'demo', customers, events });
  await db.chains.add({ ...workedExampleChain(), version: CHAIN_FORMAT_VERSION, workspaceId, createdAt: 1, updatedAt: 2 });
  await db.chainVersions.add({ id: 'v1', chainId: workedExampleChain().id, workspaceId, createdAt: 3, name: 'first', snapshot: { ...workedExampleChain(), version: CHAIN_FORMAT_VERSION } });
  await setWorkspaceSetting(db, workspaceId, 'rfm', defaultRfmSettings());
  await db.audiences.add({ version: AUDIENCE_VERSION, id: 'aud-1', workspaceId, name: 'Repeat buyers', description: '', condition: allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }), createdAt: 1, updatedAt: 1 });
  await db.mappingPresets.add({ id: 'm1', name: 'Shop orders', kind: 'orders', headerSignature: 'a|b', mapping: { a: 'customerId' }, createdAt: 1 });
  const port = createDexieSimulatePort(() => db, () => NOW);
  const simulate = createSimulateHandlers({ port, store: createDexieRunStore(() => db), pool: localShardPool((task) => port.loadDatasetSlice(task.workspaceId, task.range!), 1) });
  // a customer who put something in the cart during the run's period: the trace has their steps
  const customerId = events.find((event) => event.type === 'cart_add' && event.ts > Date.parse('2026-08-01T00:00:00Z'))!.customerId;
  await simulate.simulate({ workspaceId, chains: [{ chain: workedExampleChain(), chainVersion: 1, savedVersionId: null }], settings: defaultSimulationSettings('2026-07-01', '2026-10-31', 'Europe/Moscow'), traceCustomerId: customerId }, quietContext());
});
afterEach(async () => {
  await db.delete();
});

function handlers() {
  return createWorkspaceFileHandlers(createDexieWorkspaceFileStore(() => db), () => NOW);
}

async function tableSizes(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const)));
}

async function textOf(file: Blob): Promise<string> {
  const body = file.slice(WORKSPACE_FILE_MAGIC.length).stream().pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new TextDecoder('utf-8').decode(await new Response(body).arrayBuffer());
}

async function fileOf(frames: unknown[]): Promise<Blob> {
  const body = new Blob(frames.map((frame) => encodeFrame(frame) as Uint8Array<ArrayBuffer>)).stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Blob([WORKSPACE_FILE_MAGIC, await new Response(body).blob()]);
}

describe('workspace files', () => {
  it('export a workspace and import it as a new one with the same data, chains, versions, runs, audiences and settings', async () => {
    const progress: number[] = [];
    const exported = await handlers().exportWorkspace({ workspaceId, isPseudonymised: false }, { progress: (p) => progress.push(p.done / p.total), signal: new AbortController().signal });
    expect(exported.fileName).toBe('Workshop.chainlab');
    expect(progress.at(-1)).toBe(1);
    const imported = await handlers().importWorkspace({ file: exported.file }, quietContext());
    expect(imported).toMatchObject({ name: 'Workshop 2', customers: 300, chains: 1, runs: 1, audiences: 1, mappingPresets: 0, isPseudonymised: false });
    const [before, after] = await Promise.all([loadDataset(db, workspaceId), loadDataset(db, imported.workspaceId)]);
    expect(after).toEqual(before);
    const copyRuns = await db.runs.where('workspaceId').equals(imported.workspaceId).toArray();
    const copyBatches = await db.importBatches.where('workspaceId').equals(imported.workspaceId).primaryKeys();
    expect(copyRuns[0]!.sums).toEqual((await db.runs.where('workspaceId').equals(workspaceId).first())!.sums);
    expect(copyRuns[0]!.inputs.batchIds).toEqual(copyBatches);
    const versions = await db.chainVersions.where('workspaceId').equals(imported.workspaceId).toArray();
    const chains = await db.chains.where('workspaceId').equals(imported.workspaceId).toArray();
    expect(versions[0]!.chainId).toBe(chains[0]!.id);
    expect(chains[0]!.id).not.toBe(workedExampleChain().id);
    expect(await db.workspaceSettings.where('workspaceId').equals(imported.workspaceId).count()).toBe(1);
    expect((await db.audiences.where('workspaceId').equals(imported.workspaceId).toArray())[0]).toMatchObject({ id: 'aud-1', name: 'Repeat buyers' });
  });

  it('pseudonymised: no name, email, phone or customer id of the workspace is in the file, and the figures stay the same', async () => {
    const before = await loadDataset(db, workspaceId);
    const exported = await handlers().exportWorkspace({ workspaceId, isPseudonymised: true }, quietContext());
    expect(exported.fileName).toBe('Workshop (pseudonymised).chainlab');
    const text = await textOf(exported.file);
    const block = before.customers[0]!;
    for (let row = 0; row < 50; row++) {
      for (const value of [block.id[row], block.text.email[row], block.text.phone[row], block.text.firstName[row], block.text.lastName[row]]) {
        if (value) expect(text).not.toContain(value);
      }
    }
    const imported = await handlers().importWorkspace({ file: exported.file }, quietContext());
    expect(imported.isPseudonymised).toBe(true);
    const after = await loadDataset(db, imported.workspaceId);
    expect(after.events).toEqual(before.events);
    expect(after.customers.map((b) => b.count)).toEqual(before.customers.map((b) => b.count));
    expect(after.customers.map((b) => b.consents)).toEqual(before.customers.map((b) => b.consents));
    const reachableBefore = block.text.email.filter(Boolean).length;
    expect(after.customers[0]!.text.email.filter(Boolean).length).toBe(reachableBefore);
    const trace = (await db.runs.where('workspaceId').equals(imported.workspaceId).first())!.sums!.trace;
    expect(trace.length).toBeGreaterThan(0);
    expect(after.customers.flatMap((b) => b.id)).toContain(trace[0]!.customerId);
  });

  it('pseudonymised: contacts written in event fields do not reach the file, the other fields do', async () => {
    const customerId = (await loadDataset(db, workspaceId)).customers[0]!.id[0]!;
    const events = [{ customerId, type: 'order', ts: Date.parse('2026-10-01T10:00:00Z'), amount: 1200, props: { courier_phone: '+79160000001', comment: 'позвонить +7 916 555-12-34, копия на boss@client.ru', sku: 'SKU-77' } }];
    await writeDataBatch(db, { workspaceId, sourceName: 'orders.csv', kind: 'events', customers: [], events });
    const text = await textOf((await handlers().exportWorkspace({ workspaceId, isPseudonymised: true }, quietContext())).file);
    for (const personal of ['79160000001', 'courier_phone', '555-12-34', 'boss@client.ru']) expect(text).not.toContain(personal);
    for (const kept of ['позвонить', 'копия на', 'SKU-77']) expect(text).toContain(kept);
  });

  it.each([
    ['an empty file', async () => new Blob([]), 'workspaceFile.empty'],
    ['a CSV renamed', async () => new Blob(['id;email\n1;a@b.ru\n']), 'workspaceFile.foreign'],
    ['a file cut short', async (file: Blob) => file.slice(0, Math.floor(file.size * 0.6)), 'workspaceFile.corrupt'],
    ['a file with damaged bytes', async (file: Blob) => { const bytes = new Uint8Array(await file.arrayBuffer()); for (let i = 200; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0x5a; return new Blob([bytes]); }, 'workspaceFile.corrupt'],
    ['a file without its end', async () => fileOf([{ kind: 'header', fileVersion: 1, app: 'ChainLab', exportedAt: 1, workspaceName: 'x', isPseudonymised: false, counts: { customers: 0, events: 0 } }]), 'workspaceFile.truncated'],
    ['a file of a newer ChainLab', async () => fileOf([{ kind: 'header', fileVersion: WORKSPACE_FILE_VERSION + 1, app: 'ChainLab' }]), 'workspaceFile.newer'],
    ['a file whose chain cannot be read', async () => fileOf([
      { kind: 'header', fileVersion: 1, app: 'ChainLab', exportedAt: 1, workspaceName: 'x', isPseudonymised: false, counts: { customers: 0, events: 0 } },
      { kind: 'rows', table: 'workspaces', rows: [{ id: 'w', name: 'x', createdAt: 1, updatedAt: 1, timeZone: 'UTC', isDemo: false, dataVersion: 0 }] },
      { kind: 'rows', table: 'chains', rows: [{ id: 'c', workspaceId: 'w', version: 99, name: 'From the future', nodes: [], edges: [] }] },
      { kind: 'end', frames: 4, rows: { workspaces: 1, chains: 1 } },
    ]), 'workspaceFile.invalidRow'],
  ])('refuse %s with a clear reason and change nothing', async (_what, make, code) => {
    const exported = await handlers().exportWorkspace({ workspaceId, isPseudonymised: false }, quietContext());
    const sizes = await tableSizes();
    await expect(handlers().importWorkspace({ file: await make(exported.file) }, quietContext())).rejects.toMatchObject({ code });
    expect(await tableSizes()).toEqual(sizes);
  });

  it('change nothing when the import is cancelled, or the database refuses the write midway (storage full)', async () => {
    const exported = await handlers().exportWorkspace({ workspaceId, isPseudonymised: false }, quietContext());
    const sizes = await tableSizes();
    const controller = new AbortController();
    controller.abort();
    await expect(handlers().importWorkspace({ file: exported.file }, { progress: () => {}, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    const original = db.runs.bulkAdd.bind(db.runs);
    db.runs.bulkAdd = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.runs.bulkAdd;
    await expect(handlers().importWorkspace({ file: exported.file }, quietContext())).rejects.toMatchObject({ code: 'workspaceFile.quota' });
    db.runs.bulkAdd = original;
    expect(await tableSizes()).toEqual(sizes);
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['Workshop']);
  });

  it('bring frames of an older file version forward through the migrations', async () => {
    const exported = await handlers().exportWorkspace({ workspaceId, isPseudonymised: false }, quietContext());
    const renamed = { id: 'file/2-rename', to: 2, migrate: (frame: Record<string, unknown>) => (frame.kind === 'header' ? { ...frame, workspaceName: `${String(frame.workspaceName)} (from v1)` } : frame) };
    const staged = await readWorkspaceFile(exported.file, quietContext(), { current: 2, migrations: [renamed] });
    expect(staged.header.workspaceName).toBe('Workshop (from v1)');
    expect(staged.rows.blocks.length).toBeGreaterThan(0);
  });
});
