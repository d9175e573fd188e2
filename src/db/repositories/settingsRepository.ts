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

/** A cached derived value, or undefined when absent or computed from another data version. */
export async function getCached<T>(db: ChainLabDatabase, workspaceId: string, key: string, dataVersion: number): Promise<T | undefined> {
  const record = await db.caches.get([workspaceId, key]);
  return record && record.dataVersion === dataVersion ? (record.value as T) : undefined;
}

export async function putCached(db: ChainLabDatabase, workspaceId: string, key: string, dataVersion: number, value: unknown): Promise<void> {
  await db.caches.put({ workspaceId, key, dataVersion, value, createdAt: Date.now() });
}
