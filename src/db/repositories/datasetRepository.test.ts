import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerAt, unknownConsents, type CrmEvent, type Customer } from '../../domain';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { loadCustomerBlocks, loadDataset, loadTimeline, loadWorkspaceStats, writeDataBatch } from './datasetRepository';
import { createWorkspace } from './workspaceRepository';

let db: ChainLabDatabase;
let workspaceId: string;
beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Test' })).id;
});
afterEach(async () => {
  await db.delete();
});

function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return { id, consents: unknownConsents(), attrs: {}, ...extra };
}

function event(customerId: string, type: string, ts: number, extra: Partial<CrmEvent> = {}): CrmEvent {
  return { customerId, type, ts, props: {}, ...extra };
}

describe('dataset repository', () => {
  it('round-trips customers and events through the columnar store', async () => {
    const customers = [
      customer('c1', { email: 'a@b.ru', phone: '+79161234567', signupAt: 5, consents: { ...unknownConsents(), email: true, sms: false }, attrs: { tier: 'gold' } }),
      customer('c2', { firstName: 'Bob' }),
    ];
    await writeDataBatch(db, {
      workspaceId,
      sourceName: 'x.csv',
      kind: 'events',
      customers,
      events: [event('c2', 'order', 300, { amount: 99.5, props: { order_id: 'o1' } }), event('c1', 'page_view', 100)],
    });
    const blocks = await loadCustomerBlocks(db, workspaceId);
    expect(customerAt(blocks[0]!, 0)).toEqual(customers[0]);
    expect(customerAt(blocks[0]!, 1)).toEqual(customers[1]);
    expect(await loadTimeline(db, workspaceId, { index: 1, id: 'c2' })).toEqual([
      { customerId: 'c2', type: 'order', ts: 300, amount: 99.5, props: { order_id: 'o1' } },
    ]);
  });

  it('creates a minimal customer for an event of an unknown customer', async () => {
    const result = await writeDataBatch(db, { workspaceId, sourceName: 'e.csv', kind: 'events', customers: [], events: [event('ghost', 'app_open', 1)] });
    expect(result.minimalCustomers).toBe(1);
    const dataset = await loadDataset(db, workspaceId);
    expect(dataset.customers[0]!.id).toEqual(['ghost']);
    expect(dataset.eventTypes).toEqual(['app_open']);
  });

  it('merges a customer that already exists instead of adding a second one', async () => {
    await writeDataBatch(db, { workspaceId, sourceName: 'a', kind: 'customers', customers: [customer('c1', { email: 'old@x.ru', city: 'Казань' })], events: [] });
    const result = await writeDataBatch(db, { workspaceId, sourceName: 'b', kind: 'customers', customers: [customer('c1', { email: 'new@x.ru' })], events: [] });
    expect(result.mergedCustomers).toBe(1);
    const blocks = await loadCustomerBlocks(db, workspaceId);
    expect(blocks.reduce((sum, b) => sum + b.count, 0)).toBe(1);
    expect(customerAt(blocks[0]!, 0)).toMatchObject({ email: 'new@x.ru', city: 'Казань' });
  });

  it('reads a timeline only from the blocks that hold the customer', async () => {
    const customers = Array.from({ length: 3000 }, (_, i) => customer(`c${i}`));
    const events = customers.flatMap((c, i) => Array.from({ length: 30 }, (_, k) => event(c.id, k % 2 ? 'page_view' : 'order', i * 1000 + k)));
    await writeDataBatch(db, { workspaceId, sourceName: 'big', kind: 'events', customers, events });
    const metas = await db.blocks.where({ workspaceId, kind: 'events' }).toArray();
    expect(metas.length).toBeGreaterThan(2);
    const timeline = await loadTimeline(db, workspaceId, { index: 2500, id: 'c2500' });
    expect(timeline).toHaveLength(30);
    expect(timeline.every((e) => e.customerId === 'c2500')).toBe(true);
    expect(timeline.map((e) => e.ts)).toEqual([...timeline.map((e) => e.ts)].sort((a, b) => a - b));
  });

  it('sums stats from block metadata', async () => {
    await writeDataBatch(db, {
      workspaceId,
      sourceName: 's',
      kind: 'events',
      customers: [customer('a'), customer('b')],
      events: [event('a', 'order', 10, { amount: 1 }), event('b', 'order', 30, { amount: 2 }), event('a', 'search', 20)],
    });
    expect(await loadWorkspaceStats(db, workspaceId)).toEqual({
      customers: 2,
      events: 3,
      firstTs: 10,
      lastTs: 30,
      lastPlausibleTs: 30,
      firstPlausibleTs: 10,
      outsidePlausible: 0,
      eventTypes: [
        { type: 'order', count: 2 },
        { type: 'search', count: 1 },
      ],
    });
  });

  it('takes the range from the plausible dates and counts the rows outside them', async () => {
    const at = (iso: string) => Date.parse(iso);
    await writeDataBatch(db, {
      workspaceId,
      sourceName: 's',
      kind: 'events',
      customers: [customer('a')],
      events: [event('a', 'order', at('1900-01-01T00:00:00Z')), event('a', 'order', at('2025-03-01T10:00:00Z')), event('a', 'order', at('2025-06-30T10:00:00Z')), event('a', 'order', at('9999-12-31T00:00:00Z'))],
    });
    expect(await loadWorkspaceStats(db, workspaceId, at('2026-01-01T00:00:00Z'))).toMatchObject({
      events: 4,
      firstTs: at('1900-01-01T00:00:00Z'),
      lastTs: at('9999-12-31T00:00:00Z'),
      firstPlausibleTs: at('2025-03-01T10:00:00Z'),
      lastPlausibleTs: at('2025-06-30T10:00:00Z'),
      outsidePlausible: 2,
    });
  });

  it('hides the rows of a batch that is not finished', async () => {
    const { batch } = await writeDataBatch(db, { workspaceId, sourceName: 's', kind: 'events', customers: [customer('a')], events: [event('a', 'order', 1)] });
    await db.importBatches.update(batch.id, { status: 'running' });
    expect(await loadWorkspaceStats(db, workspaceId)).toMatchObject({ customers: 0, events: 0 });
  });

  it('bumps the data version on every write', async () => {
    await writeDataBatch(db, { workspaceId, sourceName: 's', kind: 'events', customers: [customer('a')], events: [] });
    await writeDataBatch(db, { workspaceId, sourceName: 't', kind: 'events', customers: [customer('b')], events: [] });
    expect((await db.workspaces.get(workspaceId))!.dataVersion).toBe(2);
  });
});
