/**
 * Writes src/db/fixtures/chainlab-v1.json: a small workspace as the code at commit 70c8ccc
 * (database version 1, before stored records carried format versions) stores it. Run once with
 * `npx tsx scripts/writeV1Fixture.ts` at that commit; the file is frozen from then on and every
 * later version must open it (src/db/fixtures/v1Fixture.test.ts).
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { ChainLabDatabase, createWorkspace, putCached, setSetting, setWorkspaceSetting, writeDataBatch, SETTING_KEYS, loadDataset } from '../src/db';
import { bytesSource, runImport } from '../src/db/repositories/importRunner';
import { undoImportBatch } from '../src/db/repositories/importUndo';
import { saveMappingPreset } from '../src/db/repositories/mappingPresetRepository';
import { generateDemoDataset } from '../src/domain/demo';
import { assignItem, defaultInactionSettings, defaultLifecycleSettings, defaultStageMapping } from '../src/domain/journey';
import { computeDataQuality } from '../src/domain/quality';
import { defaultRfmSettings, presetSegmentMap } from '../src/domain/rfm';
import { createJourneyHandlers } from '../src/workers/journeyEngine';
import { RfmEngine } from '../src/workers/rfmEngine';
import type { Chain, ChainVersion, SimulationRun } from '../src/domain';

const NOW = Date.parse('2026-11-02T09:00:00Z');

function encode(value: unknown): unknown {
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { $typed: value.constructor.name, base64: Buffer.from(bytes).toString('base64') };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encode(inner)]));
  return value;
}

async function main(): Promise<void> {
  const db = new ChainLabDatabase('chainlab-v1-fixture');
  const shop = await createWorkspace(db, { name: 'Fixture shop', timeZone: 'Europe/Moscow' });
  await createWorkspace(db, { name: 'Пустое', timeZone: 'UTC' });
  const { customers, events } = generateDemoDataset({ customers: 40, seed: 11 });
  await writeDataBatch(db, { workspaceId: shop.id, sourceName: 'demo: 40 customers, seed 11', kind: 'demo', customers, events });

  const choices = { timeZone: 'Europe/Moscow', now: NOW };
  const firstId = customers[0]!.id;
  const customersCsv = `customer_id,email,city,loyalty\n${firstId},changed@example.ru,Казань,gold\nnew-1,new1@example.ru,Тверь,silver\nnew-2,not-an-email,Омск,\n`;
  await runImport(db, shop.id, bytesSource('customers.csv', new TextEncoder().encode(customersCsv)), choices);
  const ordersCsv = 'order_id,customer_id,order_date,amount,channel\nF1,new-1,2026-10-01,1500,web\nF2,new-2,2026-10-03,abc,app\nF3,new-3,2026-10-05,700,store\n';
  await runImport(db, shop.id, bytesSource('orders.csv', new TextEncoder().encode(ordersCsv)), choices);
  const eventsCsv = 'customer_id;event;date\nnew-1;page_view;05.10.2026\nnew-9;email_open;06.10.2026\n';
  const undone = await runImport(db, shop.id, bytesSource('events.csv', new TextEncoder().encode(eventsCsv)), choices);
  await undoImportBatch(db, shop.id, undone.batch.id);

  await saveMappingPreset(db, { name: 'Shop orders', kind: 'orders', headerSignature: 'order_id|customer_id|order_date|amount|channel', mapping: { orderId: 'order_id', customerId: 'customer_id', ts: 'order_date', amount: 'amount' } });
  await setSetting(db, SETTING_KEYS.activeWorkspaceId, shop.id);
  await setSetting(db, SETTING_KEYS.language, 'ru');
  await setSetting(db, SETTING_KEYS.persistenceRequested, true);

  const rfm = { ...defaultRfmSettings(), levels: 4 as const, mapPreset: 'rfm-package' as const, compareFrom: '2026-08-01' };
  await setWorkspaceSetting(db, shop.id, 'rfm', rfm);
  await setWorkspaceSetting(db, shop.id, 'journey.stageMapping', assignItem(defaultStageMapping(), 'cart_add', 'interest'));
  await setWorkspaceSetting(db, shop.id, 'journey.lifecycle', { ...defaultLifecycleSettings(), newDays: 21 });
  await setWorkspaceSetting(db, shop.id, 'journey.inaction', { ...defaultInactionSettings(), stuckDays: 10 });

  const workspace = (await db.workspaces.get(shop.id))!;
  const engine = new RfmEngine(() => db);
  await engine.summary({ workspaceId: shop.id, dataVersion: workspace.dataVersion, timeZone: workspace.timeZone, settings: rfm, map: presetSegmentMap('rfm-package', 4, 'ru') });
  await engine.saved();
  const journeySettings = { mapping: assignItem(defaultStageMapping(), 'cart_add', 'interest'), lifecycle: { ...defaultLifecycleSettings(), newDays: 21 }, inaction: { ...defaultInactionSettings(), stuckDays: 10 } };
  await createJourneyHandlers(() => db).overview({ workspaceId: shop.id, dataVersion: workspace.dataVersion, timeZone: workspace.timeZone, settings: journeySettings, asOfDate: null, unit: 'month' });
  const dataset = await loadDataset(db, shop.id);
  const quality = computeDataQuality(dataset.customers, dataset.events, dataset.eventTypes, workspace.timeZone, '2026-11-02');
  await putCached(db, shop.id, `dataQuality:v1:${workspace.timeZone}:2026-11-02`, workspace.dataVersion, quality);

  // No screen writes chains or runs yet; these are the shapes src/domain/model/chain.ts declares today.
  const chain: Chain = {
    id: 'chain-welcome',
    workspaceId: shop.id,
    name: 'Приветственная цепочка',
    stage: 'awareness',
    settings: { quietHours: { from: '22:00', to: '09:00' } },
    nodes: [
      { id: 'n1', kind: 'trigger', position: { x: 0, y: 0 }, config: { event: 'registration' } },
      { id: 'n2', kind: 'timer', position: { x: 0, y: 120 }, config: { days: 1 } },
      { id: 'n3', kind: 'message', position: { x: 0, y: 240 }, config: { channel: 'email', template: 'welcome-1' } },
    ],
    edges: [
      { id: 'e1', source: 'n1', sourcePort: 'out', target: 'n2' },
      { id: 'e2', source: 'n2', sourcePort: 'out', target: 'n3' },
    ],
    createdAt: NOW,
    updatedAt: NOW,
  };
  await db.chains.add(chain);
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = chain;
  const version: ChainVersion = { id: 'chain-welcome-v1', chainId: chain.id, workspaceId: shop.id, createdAt: NOW, name: 'Первая версия', snapshot };
  await db.chainVersions.add(version);
  const run: SimulationRun = { id: 'run-1', workspaceId: shop.id, createdAt: NOW, inputs: { chainVersionIds: [version.id], seed: 1 }, outputs: { sent: 12 } };
  await db.runs.add(run);

  const tables: Record<string, unknown> = {};
  for (const table of db.tables) tables[table.name] = encode(await table.toArray());
  const fixture = {
    about: 'A ChainLab database as written by the code at commit 70c8ccc (Dexie version 1). Frozen: never edit; see scripts/writeV1Fixture.ts in that commit\'s successor.',
    databaseVersion: db.verno,
    schema: Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')])),
    tables,
  };
  writeFileSync(new URL('../src/db/fixtures/chainlab-v1.json', import.meta.url), `${JSON.stringify(fixture, null, 1)}\n`);
  await db.delete();
}

await main();
