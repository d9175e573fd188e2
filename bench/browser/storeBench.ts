import { ChainLabDatabase, createWorkspace, loadDataset, writeDataBatch } from '../../src/db';
import type { CrmEvent, Customer } from '../../src/domain';
import { generateDemoCustomers } from '../../src/domain/demo';

/** Demo customers and their events until `eventCount` events (the last customer's cut to fit). */
export function demoData(eventCount: number): { customers: Customer[]; events: CrmEvent[] } {
  const customers: Customer[] = [];
  const events: CrmEvent[] = [];
  for (const record of generateDemoCustomers({ customers: 10_000_000, seed: 7 })) {
    customers.push(record.customer);
    for (const event of record.events) {
      if (events.length === eventCount) return { customers, events };
      events.push(event);
    }
  }
  return { customers, events };
}

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function openRawDatabase(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('blocks');
  return idbRequest(open);
}

/** The floor: the same column blocks put and read with bare IndexedDB, no Dexie, no decoding. */
async function rawBlockRoundTrip(blocks: unknown[]): Promise<{ write: number; read: number }> {
  const name = `raw-bench-${Math.random()}`;
  const db = await openRawDatabase(name);
  let startedAt = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('blocks', 'readwrite');
    blocks.forEach((block, index) => tx.objectStore('blocks').put(block, index));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const write = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  const read = await idbRequest(db.transaction('blocks').objectStore('blocks').getAll());
  const readSeconds = (performance.now() - startedAt) / 1000;
  if (read.length !== blocks.length) throw new Error('raw read lost blocks');
  db.close();
  await idbRequest(indexedDB.deleteDatabase(name));
  return { write, read: readSeconds };
}

export interface StoreRoundTrip {
  events: number;
  customers: number;
  blocks: number;
  /** writeDataBatch: index, sort, encode into blocks, write in one transaction */
  writeSeconds: number;
  /** loadDataset: every customer and event block of the workspace back in memory */
  readSeconds: number;
  rawWriteSeconds: number;
  rawReadSeconds: number;
}

/** Writes `eventCount` demo events into a fresh workspace and reads them all back. */
async function storeRoundTrip(eventCount: number): Promise<StoreRoundTrip> {
  const { customers, events } = demoData(eventCount);
  const db = new ChainLabDatabase(`bench-${Math.random()}`);
  const workspace = await createWorkspace(db, { name: 'bench' });
  let startedAt = performance.now();
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'bench', kind: 'demo', customers, events });
  const writeSeconds = (performance.now() - startedAt) / 1000;
  db.close();
  await db.open();
  startedAt = performance.now();
  const dataset = await loadDataset(db, workspace.id);
  const readSeconds = (performance.now() - startedAt) / 1000;
  const readEvents = dataset.events.reduce((sum, block) => sum + block.count, 0);
  if (readEvents !== events.length) throw new Error(`read ${readEvents} of ${events.length} events`);
  const rawBlocks = (await db.blockColumns.toArray()).map((record) => record.columns);
  const raw = await rawBlockRoundTrip(rawBlocks);
  await db.delete();
  return {
    events: events.length,
    customers: customers.length,
    blocks: rawBlocks.length,
    writeSeconds,
    readSeconds,
    rawWriteSeconds: raw.write,
    rawReadSeconds: raw.read,
  };
}

export const storeBenchmarks = { storeRoundTrip };
