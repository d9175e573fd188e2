import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplate, CHAIN_FORMAT_VERSION, createChain, type Chain } from '../../domain/chains';
import { demoVocabulary, workedExampleChain } from '../../domain/chains/testing';
import { UserFacingError } from '../../domain';
import v1Database from '../fixtures/chainlab-v1.json?raw';
import type { ChainLabDatabase, ChainRecord, ChainVersionRecord } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import {
  AUTOSAVE_SNAPSHOT_MS,
  createChainRecord,
  deleteChain,
  duplicateChain,
  getChain,
  listChains,
  listChainVersions,
  MAX_AUTO_SNAPSHOTS,
  renameChain,
  restoreChainVersion,
  saveChain,
  saveNamedVersion,
} from './chainRepository';
import { createWorkspace, duplicateWorkspace } from './workspaceRepository';

let db: ChainLabDatabase;
let workspaceId: string;
beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Shop' })).id;
});
afterEach(async () => {
  await db.delete();
});

async function load(id: string): Promise<Chain> {
  const read = await getChain(db, id);
  if (!read?.ok) throw new Error('not readable');
  return read.loaded.chain;
}

describe('chain repository', () => {
  it('creates chains under fresh ids and unused names, and lists them with their validity', async () => {
    const first = await createChainRecord(db, workspaceId, buildTemplate('abandoned-cart', 'ru'), 1000);
    const second = await createChainRecord(db, workspaceId, buildTemplate('abandoned-cart', 'ru'), 2000);
    const blank = await createChainRecord(db, workspaceId, createChain('x', '  Draft  '), 3000);
    expect(new Set([first.id, second.id, blank.id]).size).toBe(3);
    expect([first.name, second.name, blank.name]).toEqual(['Брошенная корзина', 'Брошенная корзина 2', 'Draft']);
    const { chains, unreadable } = await listChains(db, workspaceId);
    expect(unreadable).toEqual([]);
    expect(chains.map((item) => [item.name, item.stage, item.nodeCount, item.isValid, item.errors])).toEqual([
      ['Draft', null, 0, false, 1],
      ['Брошенная корзина 2', 'consideration', 9, true, 0],
      ['Брошенная корзина', 'consideration', 9, true, 0],
    ]);
    expect(await load(first.id)).toEqual({ ...buildTemplate('abandoned-cart', 'ru'), id: first.id });
    expect((await db.chains.get(first.id))!.version).toBe(CHAIN_FORMAT_VERSION);
  });

  it('counts names the workspace’s data lacks as warnings when given its vocabulary', async () => {
    await createChainRecord(db, workspaceId, buildTemplate('abandoned-cart', 'en'), 1000);
    const vocabulary = demoVocabulary(60);
    expect((await listChains(db, workspaceId, { vocabulary })).chains.map((item) => [item.warnings, item.isValid])).toEqual([[0, true]]);
    const withoutCarts = { ...vocabulary, eventTypes: vocabulary.eventTypes.filter((type) => type.name !== 'cart_add') };
    const [listed] = (await listChains(db, workspaceId, { vocabulary: withoutCarts })).chains;
    expect(listed!.warnings).toBeGreaterThan(0);
    expect(listed!.isValid).toBe(true);
  });

  it('refuses an empty name and a chain that would not read back', async () => {
    await expect(createChainRecord(db, workspaceId, createChain('x', '   '))).rejects.toMatchObject({ code: 'chain.nameEmpty' });
    const broken = { ...workedExampleChain(), extra: true } as Chain;
    await expect(createChainRecord(db, workspaceId, broken)).rejects.toMatchObject({ code: 'chain.notStorable' });
    // The reason comes in both languages, for the screen to say it in the user's.
    const refused: unknown = await createChainRecord(db, workspaceId, broken).catch((error: unknown) => error);
    if (!(refused instanceof UserFacingError)) throw new Error('expected a UserFacingError');
    expect(refused.params.reason).toMatch(/[a-z]/i);
    expect(refused.params.reasonRu).toMatch(/[а-я]/i);
  });

  it('autosaves with one history step per quiet period, and prunes old unnamed steps', async () => {
    const chain = await createChainRecord(db, workspaceId, workedExampleChain(), 0);
    for (let edit = 1; edit <= 5; edit++) await saveChain(db, { ...chain, name: `Edit ${edit}` }, { now: edit * 1000 });
    expect(await listChainVersions(db, chain.id)).toHaveLength(1);
    await saveChain(db, { ...chain, name: 'Much later' }, { now: 5000 + AUTOSAVE_SNAPSHOT_MS });
    const versions = await listChainVersions(db, chain.id);
    expect(versions.map((version) => version.createdAt)).toEqual([5000 + AUTOSAVE_SNAPSHOT_MS, 1000]);
    expect((await load(chain.id)).name).toBe('Much later');
    for (let step = 0; step < MAX_AUTO_SNAPSHOTS + 5; step++) await saveChain(db, chain, { now: 10 ** 9 + step, isStep: true });
    await saveNamedVersion(db, chain.id, 'Launch', 2 * 10 ** 9);
    for (let step = 0; step < 3; step++) await saveChain(db, chain, { now: 3 * 10 ** 9 + step, isStep: true });
    const kept = await listChainVersions(db, chain.id);
    expect(kept.filter((version) => version.name === null)).toHaveLength(MAX_AUTO_SNAPSHOTS);
    expect(kept.filter((version) => version.name === 'Launch')).toHaveLength(1);
  });

  it('restores a named version, keeping the state it replaces as a step', async () => {
    const chain = await createChainRecord(db, workspaceId, workedExampleChain(), 0);
    const named = await saveNamedVersion(db, chain.id, 'Before the SMS was removed', 100);
    const edited = { ...chain, nodes: chain.nodes.filter((node) => node.id !== 'sms'), edges: chain.edges.filter((edge) => edge.target !== 'sms' && edge.source !== 'sms') };
    await saveChain(db, edited, { now: 200 });
    expect((await load(chain.id)).nodes).toHaveLength(8);
    const restored = await restoreChainVersion(db, named.id, 300);
    expect(restored.chain).toEqual(chain);
    expect(await load(chain.id)).toEqual(chain);
    const history = await listChainVersions(db, chain.id);
    expect(history[0]).toMatchObject({ createdAt: 300, name: null, nodeCount: 8 });
    expect(history.map((version) => version.name)).toContain('Before the SMS was removed');
  });

  it('renames, duplicates without history, deletes with history', async () => {
    const chain = await createChainRecord(db, workspaceId, workedExampleChain(), 0);
    await saveNamedVersion(db, chain.id, 'v1', 10);
    await renameChain(db, chain.id, 'Cart  rescue', 20);
    expect((await load(chain.id)).name).toBe('Cart rescue');
    const copy = await duplicateChain(db, chain.id, (name) => `${name} (copy)`, 30);
    expect(copy).toMatchObject({ name: 'Cart rescue (copy)', nodes: chain.nodes });
    expect(await listChainVersions(db, copy.id)).toEqual([]);
    await deleteChain(db, chain.id);
    expect(await getChain(db, chain.id)).toBeUndefined();
    expect(await db.chainVersions.where('chainId').equals(chain.id).count()).toBe(0);
    await expect(renameChain(db, chain.id, 'x')).rejects.toMatchObject({ code: 'chain.notFound' });
  });

  it('lists a row it cannot read apart, with the reason, and keeps it', async () => {
    await createChainRecord(db, workspaceId, workedExampleChain(), 0);
    const future = { ...workedExampleChain(), id: 'future', version: CHAIN_FORMAT_VERSION + 1, workspaceId, createdAt: 1, updatedAt: 1 } satisfies ChainRecord;
    await db.chains.add(future);
    const { chains, unreadable } = await listChains(db, workspaceId);
    expect(chains).toHaveLength(1);
    expect(unreadable).toEqual([{ id: 'future', name: future.name, updatedAt: 1, message: expect.objectContaining({ en: expect.stringMatching(/newer ChainLab/) }) }]);
    expect(await db.chains.get('future')).toBeDefined();
  });

  it('copies chains and their history with a duplicated workspace', async () => {
    const chain = await createChainRecord(db, workspaceId, workedExampleChain(), 0);
    await saveNamedVersion(db, chain.id, 'v1', 10);
    const copy = await duplicateWorkspace(db, workspaceId, 'Shop copy');
    const { chains } = await listChains(db, copy.id);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.id).not.toBe(chain.id);
    const [version] = await listChainVersions(db, chains[0]!.id);
    const restored = await restoreChainVersion(db, version!.id, 20);
    expect(restored.chain).toEqual({ ...chain, id: chains[0]!.id });
  });
});

describe('chains of the frozen version-1 database (src/db/fixtures)', () => {
  const tables = (JSON.parse(v1Database) as { tables: { chains: ChainRecord[]; chainVersions: ChainVersionRecord[] } }).tables;

  it('open through the repository, migrated from the placeholder shape with what was filled in reported', async () => {
    expect(tables.chains.length).toBeGreaterThan(0);
    await db.chains.bulkAdd(tables.chains);
    await db.chainVersions.bulkAdd(tables.chainVersions);
    for (const record of tables.chains) {
      const read = await getChain(db, record.id);
      expect(read?.ok, record.id).toBe(true);
      if (!read?.ok) continue;
      const { chain, repairs, setAside } = read.loaded;
      expect(setAside).toEqual([]);
      expect(chain).toMatchObject({ id: record.id, name: record.name, stage: record.stage });
      expect(chain.nodes.map((node) => node.id)).toEqual(record.nodes.map((node) => node.id));
      expect(chain.edges).toEqual(record.edges);
      expect(repairs.length).toBeGreaterThan(0);
    }
    const welcome = await load('chain-welcome');
    expect(welcome.nodes[0]).toMatchObject({ kind: 'trigger', trigger: { type: 'event', event: { types: ['registration'] } } });
    expect(welcome.nodes[1]).toMatchObject({ kind: 'timer', timer: { type: 'delay', duration: { amount: 1, unit: 'days' } } });
    expect(welcome.settings.quietHours).toMatchObject({ from: '22:00', to: '09:00' });
    for (const version of tables.chainVersions) expect((await restoreChainVersion(db, version.id)).setAside).toEqual([]);
  });
});
