import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE_VERSION, type SavedAudience } from '../../domain/audiences/audience';
import { allOf, compare } from '../../domain/conditions/build';
import { generateDemoDataset } from '../../domain/demo';
import { defaultSimulationSettings } from '../../domain/simulation';
import { createAudienceHandlers } from '../../engine/audiences/audienceHandlers';
import { quietContext } from '../../engine/port';
import { createDexiePort } from '../enginePort';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { deleteAudience, listAudiences, saveAudience } from './audienceRepository';
import { writeDataBatch } from './datasetRepository';
import { createWorkspace, deleteWorkspace, duplicateWorkspace } from './workspaceRepository';

let db: ChainLabDatabase;
let workspaceId: string;

const audience = (id: string, name: string, extra: Partial<SavedAudience> = {}): SavedAudience => ({
  version: AUDIENCE_VERSION,
  id,
  workspaceId,
  name,
  description: '',
  condition: allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }),
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Audiences', timeZone: 'Europe/Moscow' })).id;
});
afterEach(async () => {
  await db.delete();
});

describe('saved audiences in the database', () => {
  it('saves, lists by name, refuses a taken name and a cycle, deletes', async () => {
    await saveAudience(db, audience('b', 'Repeat buyers'));
    await saveAudience(db, audience('a', 'Another', { condition: allOf({ type: 'audience', op: 'notIn', audienceId: 'b', name: 'Repeat buyers' }) }));
    expect((await listAudiences(db, workspaceId)).audiences.map((item) => item.name)).toEqual(['Another', 'Repeat buyers']);
    await expect(saveAudience(db, audience('c', ' repeat BUYERS '))).rejects.toMatchObject({ code: 'audience.nameTaken' });
    await expect(saveAudience(db, audience('b', 'Repeat buyers', { condition: allOf({ type: 'audience', op: 'in', audienceId: 'a', name: 'Another' }) }))).rejects.toMatchObject({ code: 'audience.cycle', params: { names: 'Repeat buyers → Another → Repeat buyers' } });
    await deleteAudience(db, workspaceId, 'a');
    expect((await listAudiences(db, workspaceId)).audiences.map((item) => item.id)).toEqual(['b']);
  });

  it('lists an unreadable row apart with the reason and leaves it as it is', async () => {
    await db.audiences.put({ workspaceId, id: 'x', version: 99, name: 'From the future' });
    const list = await listAudiences(db, workspaceId);
    expect(list.audiences).toEqual([]);
    expect(list.unreadable).toMatchObject([{ id: 'x', name: 'From the future' }]);
    expect(list.unreadable[0]!.message.ru).toMatch(/более новая версия/);
    expect(await db.audiences.get([workspaceId, 'x'])).toEqual({ workspaceId, id: 'x', version: 99, name: 'From the future' });
  });

  it('goes with its workspace: copied with the same ids, deleted with it', async () => {
    await saveAudience(db, audience('b', 'Repeat buyers'));
    const copy = await duplicateWorkspace(db, workspaceId, 'Copy');
    expect((await listAudiences(db, copy.id)).audiences.map((item) => [item.id, item.workspaceId])).toEqual([['b', copy.id]]);
    await deleteWorkspace(db, workspaceId);
    expect(await db.audiences.where('workspaceId').equals(workspaceId).count()).toBe(0);
  });

  it('counts an audience in the use case as the domain does, pages its customers, sizes every saved one', async () => {
    const { customers, events } = generateDemoDataset({ customers: 200, seed: 3 });
    await writeDataBatch(db, { workspaceId, sourceName: 'demo', kind: 'demo', customers, events });
    const handlers = createAudienceHandlers(createDexiePort(() => db));
    const { timeZone, rfm, journey } = defaultSimulationSettings('2025-01-01', '2025-01-02', 'Europe/Moscow');
    const request = { workspaceId, dataVersion: 1, segments: { timeZone, rfm, journey }, audiences: {}, condition: audience('b', 'B').condition, asOf: null };
    const count = await handlers.count(request, quietContext());
    expect(count.customerCount).toBe(200);
    expect(count.size).toBeGreaterThan(0);
    expect(count.size).toBeLessThan(200);
    expect(count.asOf).toBe(count.defaultAsOf);
    expect(count.parts).toEqual([{ path: 'items.0', count: count.size }]);
    const page = await handlers.customers({ ...request, page: 0, pageSize: 5 }, quietContext());
    expect(page.matched).toBe(count.size);
    expect(page.rows).toHaveLength(Math.min(5, count.size));
    const sizes = await handlers.sizes({ ...request, audiences: { b: request.condition } }, quietContext());
    expect(sizes).toEqual({ b: { size: count.size, customerCount: 200 } });
  });

  it('exports the chosen columns, profiles the audience next to the base, and drops a count the screen no longer wants', async () => {
    const { customers, events } = generateDemoDataset({ customers: 200, seed: 3 });
    await writeDataBatch(db, { workspaceId, sourceName: 'demo', kind: 'demo', customers, events });
    const handlers = createAudienceHandlers(createDexiePort(() => db));
    const { timeZone, rfm, journey } = defaultSimulationSettings('2025-01-01', '2025-01-02', 'Europe/Moscow');
    const request = { workspaceId, dataVersion: 1, segments: { timeZone, rfm, journey }, audiences: {}, condition: audience('b', 'B').condition, asOf: null };
    const count = await handlers.count(request, quietContext());
    const columns = await handlers.columns(request, quietContext());
    expect(columns.slice(0, 4)).toEqual(['id', 'name', 'email', 'phone']);
    expect(columns).toContain('consent.email');
    expect(columns).toContain('netSpend');
    const exported = await handlers.exportRows({ ...request, columns: ['id', 'orders', 'netSpend', 'consent.email'] }, quietContext());
    expect(exported.rows).toHaveLength(count.size);
    // the audience is "2 orders or more": every exported row says so
    for (const row of exported.rows) {
      expect(row[1]).toBeGreaterThanOrEqual(2);
      expect(['yes', 'no', '']).toContain(row[3]);
    }
    await expect(handlers.exportRows({ ...request, columns: ['id', 'password'] }, quietContext())).rejects.toThrow('Unknown export columns: password');

    const { audience: profile, base } = await handlers.profile(request, quietContext());
    expect(profile.size).toBe(count.size);
    expect(base.size).toBe(200);
    expect(profile.buyers).toBe(count.size);
    expect(Object.values(profile.segments).reduce((sum, n) => sum + n, 0)).toBe(count.size);
    expect(Object.values(base.stages).reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(profile.orders).toBe(exported.rows.reduce((sum, row) => sum + (row[1] as number), 0));
    expect(profile.averageOrder).toBeCloseTo(profile.revenue / profile.orders);

    // typing: the count of the previous condition is cancelled once the screen asks for the next
    const stale = new AbortController();
    const first = handlers.count({ ...request, condition: allOf({ type: 'orderCount', compare: compare('gte', 3), days: null }) }, { ...quietContext(), signal: stale.signal });
    stale.abort();
    const second = handlers.count({ ...request, condition: allOf({ type: 'orderCount', compare: compare('gte', 4), days: null }) }, quietContext());
    await expect(first).rejects.toThrow('Cancelled.');
    expect((await second).size).toBeLessThan(count.size);
  });

  it('stops a running count part-way when the screen cancels it, and keeps no part-way answer', async () => {
    const { customers, events } = generateDemoDataset({ customers: 200, seed: 3 });
    await writeDataBatch(db, { workspaceId, sourceName: 'demo', kind: 'demo', customers, events });
    const running = new AbortController();
    let pauses = 0;
    // chunks of 50 customers; the screen's "cancel" arrives while the first chunk is counted
    const handlers = createAudienceHandlers(createDexiePort(() => db), Date.now, {
      chunkSize: 50,
      pause: async () => {
        pauses++;
        running.abort();
      },
    });
    const { timeZone, rfm, journey } = defaultSimulationSettings('2025-01-01', '2025-01-02', 'Europe/Moscow');
    const request = { workspaceId, dataVersion: 1, segments: { timeZone, rfm, journey }, audiences: {}, condition: audience('b', 'B').condition, asOf: null };
    await expect(handlers.count(request, { ...quietContext(), signal: running.signal })).rejects.toThrow('Cancelled.');
    expect(pauses).toBe(1);
    // the same condition asked again is counted in full, not answered from the cut-short walk
    const whole = createAudienceHandlers(createDexiePort(() => db));
    const expected = await whole.count(request, quietContext());
    expect(await handlers.count(request, quietContext())).toEqual(expected);
    expect(pauses).toBe(1 + 3);
  });
});
