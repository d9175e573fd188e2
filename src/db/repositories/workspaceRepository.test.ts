import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unknownConsents, UserFacingError } from '../../domain';
import { CHAIN_FORMAT_VERSION, createChain } from '../../domain/chains';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { getCached, getWorkspaceSetting, putCached, setWorkspaceSetting } from './settingsRepository';
import { loadDataset, loadWorkspaceStats, writeDataBatch } from './datasetRepository';
import {
  createWorkspace,
  deleteWorkspace,
  duplicateWorkspace,
  listWorkspaces,
  renameWorkspace,
  unusedName,
} from './workspaceRepository';

let db: ChainLabDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.delete();
});

async function seedWorkspace(name: string) {
  const workspace = await createWorkspace(db, { name });
  await writeDataBatch(db, {
    workspaceId: workspace.id,
    sourceName: 'test',
    kind: 'demo',
    customers: [{ id: 'a', firstName: 'Анна', consents: unknownConsents(), attrs: {} }],
    events: [{ customerId: 'a', type: 'order', ts: 1000, amount: 50, props: { order_id: 'o1' } }],
  });
  await db.chains.add({ ...createChain(`chain-${name}`, 'Welcome'), version: CHAIN_FORMAT_VERSION, workspaceId: workspace.id, createdAt: 1, updatedAt: 1 });
  await setWorkspaceSetting(db, workspace.id, 'rfm', { levels: 5 });
  await putCached(db, { workspaceId: workspace.id, name: 'rfm:x', dataVersion: 1, format: 1 }, { scores: [1] });
  return workspace;
}

describe('workspace repository', () => {
  it('creates workspaces with trimmed names and lists them in creation order', async () => {
    await createWorkspace(db, { name: '  Shop   export May ' });
    await createWorkspace(db, { name: 'Demo' });
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['Shop export May', 'Demo']);
  });

  it('refuses empty, too long and duplicate names with a user-facing code', async () => {
    await createWorkspace(db, { name: 'Demo' });
    await expect(createWorkspace(db, { name: '   ' })).rejects.toMatchObject({ code: 'workspace.nameEmpty' });
    await expect(createWorkspace(db, { name: 'x'.repeat(81) })).rejects.toMatchObject({ code: 'workspace.nameTooLong' });
    await expect(createWorkspace(db, { name: 'demo' })).rejects.toBeInstanceOf(UserFacingError);
  });

  it('renames, allowing the same name in other letter case for itself', async () => {
    const workspace = await createWorkspace(db, { name: 'Demo' });
    await renameWorkspace(db, workspace.id, 'DEMO');
    expect((await listWorkspaces(db))[0]!.name).toBe('DEMO');
  });

  it('finds an unused name for a copy', async () => {
    await createWorkspace(db, { name: 'Demo (copy)' });
    expect(await unusedName(db, 'Demo (copy)')).toBe('Demo (copy) 2');
    expect(await unusedName(db, 'Other')).toBe('Other');
  });

  it('duplicates data and chains into an independent workspace', async () => {
    const source = await seedWorkspace('Source');
    const copy = await duplicateWorkspace(db, source.id, 'Copy');
    const copied = await loadDataset(db, copy.id);
    expect(copied.customers[0]!.id).toEqual(['a']);
    expect(copied.events[0]!.amount[0]).toBe(50);
    expect(await db.chains.where('workspaceId').equals(copy.id).count()).toBe(1);
    expect(await getWorkspaceSetting(db, copy.id, 'rfm', null)).toEqual({ levels: 5 });
    expect(await getCached(db, { workspaceId: copy.id, name: 'rfm:x', dataVersion: 1, format: 1 })).toEqual({ scores: [1] });
    await deleteWorkspace(db, source.id);
    expect((await loadWorkspaceStats(db, copy.id)).events).toBe(1);
  });

  it('deletes a workspace and every row scoped to it, leaving others alone', async () => {
    const doomed = await seedWorkspace('Doomed');
    const kept = await seedWorkspace('Kept');
    await deleteWorkspace(db, doomed.id);
    expect((await listWorkspaces(db)).map((w) => w.id)).toEqual([kept.id]);
    expect(await db.blocks.where('workspaceId').equals(doomed.id).count()).toBe(0);
    expect(await db.importBatches.where('workspaceId').equals(doomed.id).count()).toBe(0);
    expect(await db.chains.where('workspaceId').equals(doomed.id).count()).toBe(0);
    expect(await db.workspaceSettings.where('workspaceId').equals(doomed.id).count()).toBe(0);
    expect(await db.caches.where('workspaceId').equals(doomed.id).count()).toBe(0);
    expect(await getWorkspaceSetting(db, kept.id, 'rfm', null)).toEqual({ levels: 5 });
    expect(await db.blockColumns.count()).toBe(await db.blocks.count());
    expect((await loadWorkspaceStats(db, kept.id)).customers).toBe(1);
  });
});
