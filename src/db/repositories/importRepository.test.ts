import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerAt, unknownConsents, type Customer } from '../../domain';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { listBlockMetas } from './blockStore';
import { loadDataset, loadTimeline, loadWorkspaceStats, writeDataBatch } from './datasetRepository';
import { ImportBatchWriter, listImportBatches, removeBatch, storedImportOf } from './importRepository';
import { bytesSource, runImport, type ImportChoices, type ImportSource } from './importRunner';
import { undoImportBatch } from './importUndo';
import { createWorkspace } from './workspaceRepository';

let db: ChainLabDatabase;
let workspaceId: string;
beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Test', timeZone: 'UTC' })).id;
});
afterEach(async () => {
  await db.delete();
});

const UTC: ImportChoices = { timeZone: 'UTC', now: Date.parse('2026-06-01') };

function source(name: string, text: string, chunkBytes?: number): ImportSource {
  return bytesSource(name, new TextEncoder().encode(text), chunkBytes);
}

async function importText(name: string, text: string, choices: Partial<ImportChoices> = {}) {
  return runImport(db, workspaceId, source(name, text), { ...UTC, ...choices });
}

async function customerIds(): Promise<string[]> {
  const { customers } = await loadDataset(db, workspaceId);
  return customers.sort((a, b) => a.start - b.start).flatMap((block) => block.id);
}

async function dataVersion(): Promise<number> {
  return (await db.workspaces.get(workspaceId))!.dataVersion;
}

const CUSTOMERS = 'customer_id,email,city\nc1,a@x.ru,Москва\nc2,b@x.ru,Казань\nc3,c@x.ru,Тверь\n';
const ORDERS = 'order_id,customer_id,order_date,amount\nO1,c1,2025-01-05,100\nO2,c9,2025-01-06,50\nO3,c2,2025-01-07,70\n';

describe('import batches in the store', () => {
  it('imports customers, then orders that create minimal customers for unknown ids', async () => {
    const first = await importText('customers.csv', CUSTOMERS);
    expect(first.report).toMatchObject({ read: 3, accepted: 3, merged: 0, rejected: 0 });
    const second = await importText('orders.csv', ORDERS);
    expect(second.report).toMatchObject({ kind: 'orders', read: 3, accepted: 3 });
    expect(storedImportOf(second.batch)?.store).toEqual({ newCustomers: 0, minimalCustomers: 1, updatedCustomers: 0 });
    expect(await customerIds()).toEqual(['c1', 'c2', 'c3', 'c9']);
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 4, events: 3, eventTypes: [{ type: 'order', count: 3 }] });
    expect(await loadTimeline(db, workspaceId, { index: 3, id: 'c9' })).toEqual([{ customerId: 'c9', type: 'order', ts: Date.parse('2025-01-06'), amount: 50, props: { order_id: 'O2' } }]);
    expect(await dataVersion()).toBe(2);
    expect((await listImportBatches(db, workspaceId)).map((batch) => [batch.sourceName, batch.status])).toEqual([['orders.csv', 'done'], ['customers.csv', 'done']]);
  });

  it('changes nothing when the same files are imported again', async () => {
    await importText('customers.csv', CUSTOMERS);
    await importText('orders.csv', ORDERS);
    const before = await loadDataset(db, workspaceId);
    const version = await dataVersion();
    const again = await importText('orders.csv', ORDERS);
    expect(again.report).toMatchObject({ read: 3, accepted: 0, merged: 3, rejected: 0 });
    const customersAgain = await importText('customers.csv', CUSTOMERS);
    expect(customersAgain.report).toMatchObject({ read: 3, accepted: 0, merged: 3 });
    expect(await loadDataset(db, workspaceId)).toEqual(before);
    expect(await dataVersion()).toBe(version);
  });

  it('keeps a running batch invisible until it commits, then shows it all at once', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `c${i % 500},page_view,2025-01-01T00:00:${String(i % 60).padStart(2, '0')}Z,p${i}`);
    const text = `customer_id,event_type,event_time,page\n${rows.join('\n')}\n`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bytes = new TextEncoder().encode(text);
    const slow: ImportSource = {
      ...bytesSource('events.csv', bytes),
      async *chunks() {
        yield bytes.subarray(0, bytes.length - 100);
        await gate;
        yield bytes.subarray(bytes.length - 100);
      },
    };
    const running = runImport(db, workspaceId, slow, UTC);
    await expect.poll(() => db.blocks.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await listBlockMetas(db, workspaceId, 'events')).toEqual([]);
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 0, events: 0 });
    expect((await listImportBatches(db, workspaceId))[0]!.status).toBe('running');
    release();
    await running;
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 500, events: 40_000 });
  });

  it('leaves nothing behind when cancelled or when reading fails', async () => {
    await importText('customers.csv', CUSTOMERS);
    const version = await dataVersion();
    const controller = new AbortController();
    const text = `customer_id,event_type,event_time\n${Array.from({ length: 50_000 }, (_, i) => `c${i},search,2025-01-01`).join('\n')}\n`;
    const cancelled = runImport(db, workspaceId, source('big.csv', text, 64 * 1024), UTC, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.bytes > 400_000) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
    const broken: ImportSource = {
      ...source('broken.csv', text),
      async *chunks() {
        yield new TextEncoder().encode(text.slice(0, 300_000));
        throw new Error('disk went away');
      },
    };
    await expect(runImport(db, workspaceId, broken, UTC)).rejects.toThrow('disk went away');
    const batches = await listImportBatches(db, workspaceId);
    expect(batches.map((batch) => batch.status)).toEqual(['failed', 'rolled_back', 'done']);
    expect(storedImportOf(batches[0]!)?.error).toBe('disk went away');
    expect(await db.blocks.where('batchId').anyOf([batches[0]!.id, batches[1]!.id]).count()).toBe(0);
    expect(await dataVersion()).toBe(version);
    expect(await customerIds()).toEqual(['c1', 'c2', 'c3']);
  });

  it('rolls back, and leaves no rejection unhandled, when the disk fills up while blocks are written', async () => {
    await importText('customers.csv', CUSTOMERS);
    const version = await dataVersion();
    const add = db.blockColumns.add.bind(db.blockColumns);
    let blocks = 0;
    db.blockColumns.add = ((...args: Parameters<typeof add>) => (++blocks === 2 ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : add(...args))) as typeof add;
    const unhandled: unknown[] = [];
    const noteUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', noteUnhandled);
    try {
      const text = `customer_id,event_type,event_time\n${Array.from({ length: 120_000 }, (_, i) => `c${i % 3 + 1},search,2025-01-01`).join('\n')}\n`;
      // a file read slowly, as a large File is: a failed block write lands while the next slice is read
      const bytes = source('events.csv', text, 64 * 1024);
      const slow: ImportSource = {
        ...bytes,
        async *chunks() {
          for await (const chunk of bytes.chunks()) {
            yield chunk;
            await new Promise((resolve) => setTimeout(resolve, 30));
          }
        },
      };
      await expect(runImport(db, workspaceId, slow, UTC)).rejects.toMatchObject({ name: 'QuotaExceededError' });
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('unhandledRejection', noteUnhandled);
      db.blockColumns.add = add;
    }
    expect(unhandled).toEqual([]);
    expect(blocks).toBe(2);
    const [failed] = await listImportBatches(db, workspaceId);
    expect(failed!.status).toBe('failed');
    expect(await db.blocks.where('batchId').equals(failed!.id).count()).toBe(0);
    expect(await dataVersion()).toBe(version);
  });

  it('lets an interrupted batch be removed', async () => {
    const writer = await ImportBatchWriter.begin(db, { workspaceId, sourceName: 'crashed.csv', settings: { kind: 'events', timeZone: 'UTC', mapping: {} }, file: { name: 'crashed.csv', size: 1, lastModified: 0 }, columns: [] });
    await writer.writeEvents([{ count: 1, ts: Float64Array.of(1), amount: Float64Array.of(Number.NaN), customer: Int32Array.of(0), type: Uint16Array.of(0), props: {} }], { rows: 1, bytes: 10 });
    expect(await db.blocks.where('batchId').equals(writer.batch.id).count()).toBe(1);
    await removeBatch(db, writer.batch.id);
    expect(await db.blocks.where('batchId').equals(writer.batch.id).count()).toBe(0);
    expect((await db.importBatches.get(writer.batch.id))!.status).toBe('rolled_back');
  });
});

describe('undo', () => {
  it('takes the last import back and restores the customers it changed', async () => {
    await importText('customers.csv', CUSTOMERS);
    const before = await loadDataset(db, workspaceId);
    const update = await importText('update.csv', 'customer_id,city,phone\nc2,Самара,8 916 123 45 67\nc4,Омск,\n');
    expect(storedImportOf(update.batch)?.store).toEqual({ newCustomers: 1, minimalCustomers: 0, updatedCustomers: 1 });
    const changed = await loadDataset(db, workspaceId);
    expect(customerAt(changed.customers[0]!, 1)).toMatchObject({ id: 'c2', city: 'Самара', phone: '+79161234567', email: 'b@x.ru' });
    const result = await undoImportBatch(db, workspaceId, update.batch.id);
    expect(result).toEqual({ removedEvents: 0, removedCustomers: 1, keptCustomers: 0, restoredCustomers: 1, keptChanges: 0 });
    const after = await loadDataset(db, workspaceId);
    expect(after.customers.flatMap((block) => Array.from({ length: block.count }, (_, row) => customerAt(block, row)))).toEqual(before.customers.flatMap((block) => Array.from({ length: block.count }, (_, row) => customerAt(block, row))));
    expect((await db.importBatches.get(update.batch.id))!.status).toBe('rolled_back');
  });

  it('takes an older import back without destroying what later imports rely on', async () => {
    await importText('a.csv', 'customer_id,email\nc1,c1@x.ru\nc2,c2@x.ru\nc3,c3@x.ru\n');
    const b = await importText('b.csv', 'order_id,customer_id,order_date,amount\nB1,c1,2025-01-01,10\nB2,c4,2025-01-02,20\nB3,c5,2025-01-03,30\n');
    await importText('c.csv', 'customer_id,event_type,event_time\nc5,email_open,2025-02-01\nc2,email_open,2025-02-02\n');
    expect(await customerIds()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    const result = await undoImportBatch(db, workspaceId, b.batch.id);
    expect(result).toEqual({ removedEvents: 3, removedCustomers: 1, keptCustomers: 1, restoredCustomers: 0, keptChanges: 0 });
    expect(await customerIds()).toEqual(['c1', 'c2', 'c3', 'c5']);
    expect(await loadTimeline(db, workspaceId, { index: 3, id: 'c5' })).toEqual([{ customerId: 'c5', type: 'email_open', ts: Date.parse('2025-02-01'), props: {} }]);
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 4, events: 2 });
    const c5Owner = (await listBlockMetas(db, workspaceId, 'customers')).find((meta) => meta.start === 3);
    expect((await db.importBatches.get(c5Owner!.batchId))!.sourceName).toBe('c.csv');
  });

  it('can undo the demo-style batch written by writeDataBatch', async () => {
    const customer: Customer = { id: 'd1', consents: unknownConsents(), attrs: {} };
    const { batch } = await writeDataBatch(db, { workspaceId, sourceName: 'demo', kind: 'demo', customers: [customer], events: [{ customerId: 'd1', type: 'order', ts: 1, amount: 5, props: {} }] });
    await importText('more.csv', 'customer_id,email\nd2,d2@x.ru\n');
    await undoImportBatch(db, workspaceId, batch.id);
    expect(await customerIds()).toEqual(['d2']);
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 1, events: 0 });
  });
});
