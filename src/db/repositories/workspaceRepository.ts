import { UserFacingError, type Workspace } from '../../domain';
import { newId } from '../database';
import { WORKSPACE_FORMAT } from '../records/catalogueFormats';
import { idOf, readableRow, readableRows } from '../records/readRecords';
import { WORKSPACE_SCOPED_TABLES, type ChainLabDatabase } from '../schema';
import { createIdRemap, moveScopedRows, writeMovedRows, type ScopedRows } from './workspaceRows';

export const MAX_WORKSPACE_NAME_LENGTH = 80;

/** Every readable workspace, oldest first; one that cannot be read is reported and left as it is. */
export async function listWorkspaces(db: ChainLabDatabase): Promise<Workspace[]> {
  return readableRows('workspaces', WORKSPACE_FORMAT, await db.workspaces.orderBy('createdAt').toArray(), idOf);
}

export async function getWorkspace(db: ChainLabDatabase, id: string): Promise<Workspace | undefined> {
  return readableRow('workspaces', WORKSPACE_FORMAT, await db.workspaces.get(id), id);
}

/** Trims the name and refuses an empty, over-long or already used one (case-insensitive). */
async function checkedName(db: ChainLabDatabase, rawName: string, exceptId?: string): Promise<string> {
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!name) throw new UserFacingError('workspace.nameEmpty', 'The workspace name is empty.');
  if (name.length > MAX_WORKSPACE_NAME_LENGTH) {
    throw new UserFacingError('workspace.nameTooLong', `The workspace name is longer than ${MAX_WORKSPACE_NAME_LENGTH} characters.`, {
      max: MAX_WORKSPACE_NAME_LENGTH,
    });
  }
  const lower = name.toLocaleLowerCase();
  const clash = await db.workspaces.filter((w) => w.id !== exceptId && w.name.toLocaleLowerCase() === lower).first();
  if (clash) throw new UserFacingError('workspace.nameTaken', `A workspace named "${name}" already exists.`, { name });
  return name;
}

export interface NewWorkspace {
  name: string;
  isDemo?: boolean;
  demo?: Workspace['demo'];
  timeZone?: string;
}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export async function createWorkspace(db: ChainLabDatabase, input: NewWorkspace): Promise<Workspace> {
  const now = Date.now();
  const workspace: Workspace = {
    id: newId(),
    name: await checkedName(db, input.name),
    createdAt: now,
    updatedAt: now,
    timeZone: input.timeZone ?? defaultTimeZone(),
    isDemo: input.isDemo ?? false,
    dataVersion: 0,
  };
  if (input.demo) workspace.demo = input.demo;
  await db.workspaces.add(workspace);
  return workspace;
}

export async function renameWorkspace(db: ChainLabDatabase, id: string, name: string): Promise<void> {
  const checked = await checkedName(db, name, id);
  await db.workspaces.update(id, { name: checked, updatedAt: Date.now() });
}

/** A name not yet used, built from `base`: "Demo (copy)", "Demo (copy 2)", … */
export async function unusedName(db: ChainLabDatabase, base: string): Promise<string> {
  const taken = new Set((await db.workspaces.toArray()).map((w) => w.name.toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/** Copies a workspace with all its data, chains, audiences, history and runs, under a new id. */
export async function duplicateWorkspace(db: ChainLabDatabase, id: string, name: string): Promise<Workspace> {
  return db.transaction('rw', [db.workspaces, db.blockColumns, ...WORKSPACE_SCOPED_TABLES.map((t) => db[t])], async () => {
    const source = await db.workspaces.get(id);
    if (!source) throw new UserFacingError('workspace.notFound', 'The workspace no longer exists.');
    const now = Date.now();
    const copy: Workspace = { ...source, id: newId(), name: await checkedName(db, name), createdAt: now, updatedAt: now };
    await db.workspaces.add(copy);
    await copyScopedRows(db, id, copy.id);
    return copy;
  });
}

async function copyScopedRows(db: ChainLabDatabase, fromId: string, toId: string): Promise<void> {
  const remap = createIdRemap();
  const source: ScopedRows = {
    importBatches: await db.importBatches.where('workspaceId').equals(fromId).toArray(),
    blocks: await db.blocks.where('workspaceId').equals(fromId).toArray(),
    dictionaries: (await db.dictionaries.where('workspaceId').equals(fromId).toArray()),
    chains: await db.chains.where('workspaceId').equals(fromId).toArray(),
    chainVersions: await db.chainVersions.where('workspaceId').equals(fromId).toArray(),
    runs: await db.runs.where('workspaceId').equals(fromId).toArray(),
    workspaceSettings: await db.workspaceSettings.where('workspaceId').equals(fromId).toArray(),
    audiences: await db.audiences.where('workspaceId').equals(fromId).toArray(),
  };
  const moved = moveScopedRows(source, toId, remap);
  // block columns are copied one block at a time: a million events are never all in memory
  for (const block of source.blocks) {
    const columns = await db.blockColumns.get(block.id);
    if (columns) await db.blockColumns.add({ ...columns, id: remap(block.id) });
  }
  await writeMovedRows(db, moved);
  const caches = await db.caches.where('workspaceId').equals(fromId).toArray();
  await db.caches.bulkAdd(caches.map((cache) => ({ ...cache, workspaceId: toId })));
}

/** Deletes a workspace and everything scoped to it, in one transaction. */
export async function deleteWorkspace(db: ChainLabDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.workspaces, db.blockColumns, ...WORKSPACE_SCOPED_TABLES.map((t) => db[t])], async () => {
    const blockIds = await db.blocks.where('workspaceId').equals(id).primaryKeys();
    await db.blockColumns.bulkDelete(blockIds);
    for (const table of WORKSPACE_SCOPED_TABLES) {
      if (table === 'dictionaries') await db.dictionaries.delete(id);
      else await db[table].where('workspaceId').equals(id).delete();
    }
    await db.workspaces.delete(id);
  });
}
