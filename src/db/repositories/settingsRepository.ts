import type { CachedResultKey } from '../../engine/port';
import type { ChainLabDatabase } from '../schema';

export async function getSetting<T>(db: ChainLabDatabase, key: string, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  return record === undefined ? fallback : (record.value as T);
}

export async function setSetting(db: ChainLabDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

export const SETTING_KEYS = {
  activeWorkspaceId: 'activeWorkspaceId',
  language: 'language',
  persistenceRequested: 'persistenceRequested',
} as const;

export async function getWorkspaceSetting<T>(db: ChainLabDatabase, workspaceId: string, name: string, fallback: T): Promise<T> {
  const record = await db.workspaceSettings.get([workspaceId, name]);
  return record === undefined ? fallback : (record.value as T);
}

export async function setWorkspaceSetting(db: ChainLabDatabase, workspaceId: string, name: string, value: unknown): Promise<void> {
  await db.workspaceSettings.put({ workspaceId, name, value, updatedAt: Date.now() });
}

/**
 * Read-modify-write of one workspace setting in one transaction, so that quick successive edits
 * each start from the one before, never from a stale copy. `edit` gets the stored value
 * (undefined when there is none) and returns the value to store.
 */
export async function updateWorkspaceSetting<T>(db: ChainLabDatabase, workspaceId: string, name: string, edit: (stored: unknown) => T): Promise<T> {
  return db.transaction('rw', db.workspaceSettings, async () => {
    const next = edit(await getWorkspaceSetting<unknown>(db, workspaceId, name, undefined));
    await setWorkspaceSetting(db, workspaceId, name, next);
    return next;
  });
}

/**
 * A cached derived value, or undefined when absent, computed from another data version or
 * stored in another format of its result type (a build that changed the shape recomputes it).
 */
export async function getCached<T>(db: ChainLabDatabase, key: CachedResultKey): Promise<T | undefined> {
  const record = await db.caches.get([key.workspaceId, key.name]);
  return record && record.dataVersion === key.dataVersion && (record.format ?? 1) === key.format ? (record.value as T) : undefined;
}

export async function putCached(db: ChainLabDatabase, key: CachedResultKey, value: unknown): Promise<void> {
  await db.caches.put({ workspaceId: key.workspaceId, key: key.name, dataVersion: key.dataVersion, format: key.format, value, createdAt: Date.now() });
}
