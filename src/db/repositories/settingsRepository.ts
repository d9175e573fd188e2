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
