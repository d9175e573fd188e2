import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedDataCurrency, createWorkspace, writeDataBatch, type ChainLabDatabase } from '../../db';
import { createDexiePort } from '../../db/enginePort';
import { createTestDatabase } from '../../db/testing/testDatabase';
import { unknownConsents, type CrmEvent, type Customer } from '../../domain';
import { createWorkerClient, serveHandlers } from '../../workers/rpc';
import { createDataHandlers } from './dataHandlers';

let db: ChainLabDatabase;
let workspaceId: string;
const channels: MessageChannel[] = [];

function customer(id: string): Customer {
  return { id, consents: unknownConsents(), attrs: {} };
}

function order(customerId: string, currency: string): CrmEvent {
  return { customerId, type: 'order', ts: Date.UTC(2026, 5, 1), amount: 10, props: { currency } };
}

async function writeOrders(currencies: readonly string[]): Promise<void> {
  const events = currencies.map((currency, index) => order(`c${index}`, currency));
  await writeDataBatch(db, { workspaceId, sourceName: 'orders.csv', kind: 'events', customers: events.map((event) => customer(event.customerId)), events });
}

/** The data worker's handlers served over a real message channel, the page's typed client on the other end. */
function dataWorkerClient() {
  const channel = new MessageChannel();
  channels.push(channel);
  serveHandlers(channel.port1, createDataHandlers(createDexiePort(() => db)));
  channel.port1.start();
  channel.port2.start();
  return createWorkerClient<ReturnType<typeof createDataHandlers>>(channel.port2 as unknown as Worker);
}

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Shop' })).id;
});
afterEach(async () => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
  await db.delete();
});

describe('the data currency guess in the data worker', () => {
  it('answers the currency the events name most often, through the worker client, and caches it for the data version', async () => {
    await writeOrders(['usd', 'USD', '$', 'EUR']);
    const version = (await db.workspaces.get(workspaceId))!.dataVersion;
    expect(await cachedDataCurrency(db, workspaceId, version)).toBeUndefined();
    expect(await dataWorkerClient().call('guessDataCurrency', { workspaceId, dataVersion: version })).toBe('USD');
    expect(await cachedDataCurrency(db, workspaceId, version)).toEqual({ code: 'USD' });
  });

  it('answers a cached data version from the cache without reading the blocks again, and a new version afresh', async () => {
    await writeOrders(['EUR', 'EUR']);
    const handlers = createDataHandlers(createDexiePort(() => db));
    const first = (await db.workspaces.get(workspaceId))!.dataVersion;
    expect(await handlers.guessDataCurrency({ workspaceId, dataVersion: first })).toBe('EUR');
    await writeOrders(['RUB', 'RUB', 'RUB']);
    // Same version asked: the cached answer (the blocks now say RUB).
    expect(await handlers.guessDataCurrency({ workspaceId, dataVersion: first })).toBe('EUR');
    const second = (await db.workspaces.get(workspaceId))!.dataVersion;
    expect(second).not.toBe(first);
    expect(await handlers.guessDataCurrency({ workspaceId, dataVersion: second })).toBe('RUB');
  });

  it('answers null for data without a currency column, and caches that too', async () => {
    await writeDataBatch(db, { workspaceId, sourceName: 'visits.csv', kind: 'events', customers: [customer('a')], events: [{ customerId: 'a', type: 'visit', ts: Date.UTC(2026, 5, 1), props: {} }] });
    const version = (await db.workspaces.get(workspaceId))!.dataVersion;
    expect(await dataWorkerClient().call('guessDataCurrency', { workspaceId, dataVersion: version })).toBeNull();
    expect(await cachedDataCurrency(db, workspaceId, version)).toEqual({ code: null });
  });
});
