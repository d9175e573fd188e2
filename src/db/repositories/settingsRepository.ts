import type { CachedResultKey } from '../../engine/port';
import { CACHE_FORMAT } from '../records/catalogueFormats';
import { loadRecord, type RecordFormat, type UnreadableReason } from '../records/recordFormat';
import { APP_SETTING_FORMATS, WORKSPACE_SETTING_FORMATS } from '../records/settingFormats';
import { reportStorageProblem } from '../records/storageProblems';
import type { ChainLabDatabase } from '../schema';

export { SETTING_KEYS, RFM_SETTING_NAME, JOURNEY_SETTING_NAMES, METRICS_SETTING_NAME, AUDIENCE_EXPORT_SETTING_NAME } from '../records/settingFormats';

function registered(formats: Record<string, RecordFormat<unknown>>, name: string, where: string): RecordFormat<unknown> {
  const format = formats[name];
  if (!format) throw new Error(`The setting "${name}" has no format: register it in ${where} (src/db/records/settingFormats.ts) before storing it.`);
  return format;
}

/**
 * An app-wide setting, loaded by the one policy (records/recordFormat.ts). A stored value that
 * cannot be understood is reported and left as it is; `fallback` is used meanwhile.
 */
export async function getSetting<T>(db: ChainLabDatabase, key: string, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  if (record === undefined) return fallback;
  const format = registered(APP_SETTING_FORMATS, key, 'APP_SETTING_FORMATS');
  const loaded = loadRecord(format, record);
  if (loaded.ok) return record.value as T;
  reportStorageProblem({ table: 'settings', key, what: format.what, reason: loaded.reason, why: loaded.why });
  return fallback;
}

export async function setSetting(db: ChainLabDatabase, key: string, value: unknown): Promise<void> {
  const format = registered(APP_SETTING_FORMATS, key, 'APP_SETTING_FORMATS');
  await db.settings.put({ key, value, format: format.current });
}

/** The stored value as it is, unchecked (to edit it, or to see that a bad one was left untouched). */
export async function getWorkspaceSetting<T>(db: ChainLabDatabase, workspaceId: string, name: string, fallback: T): Promise<T> {
  const record = await db.workspaceSettings.get([workspaceId, name]);
  return record === undefined ? fallback : (record.value as T);
}

/**
 * A workspace setting's value by its format: the record's `format`, or — for a record written
 * before records carried one — the value's own `version` (the settings kept one), else 1.
 */
export function loadSettingValue(format: RecordFormat<unknown>, recordFormat: number | undefined, value: unknown) {
  const written = recordFormat ?? (value as { version?: unknown } | null)?.version ?? 1;
  return loadRecord({ ...format, formatOf: () => written }, value);
}

export type LoadedSetting<T> = { state: 'absent' } | { state: 'loaded'; value: T; repairs: string[] } | { state: 'unreadable'; what: string; reason: string; why: UnreadableReason };

/**
 * A workspace setting, loaded by the one policy: migrated from the format it was written in,
 * repaired, validated. What cannot be understood is reported (to the caller, which shows it, and
 * to storageProblems) and left untouched until the user saves a new value.
 */
export async function loadWorkspaceSetting<T>(db: ChainLabDatabase, workspaceId: string, name: string): Promise<LoadedSetting<T>> {
  const record = await db.workspaceSettings.get([workspaceId, name]);
  if (record === undefined) return { state: 'absent' };
  const format = registered(WORKSPACE_SETTING_FORMATS, name, 'WORKSPACE_SETTING_FORMATS');
  const loaded = loadSettingValue(format, record.format, record.value);
  if (loaded.ok) return { state: 'loaded', value: loaded.value as T, repairs: loaded.repairs };
  reportStorageProblem({ table: 'workspaceSettings', key: `${workspaceId}/${name}`, what: format.what, reason: loaded.reason, why: loaded.why });
  return { state: 'unreadable', what: format.what, reason: loaded.reason, why: loaded.why };
}

/** A workspace setting's stored value (as `updateWorkspaceSetting` hands it over) by the same policy; undefined when absent or unreadable. */
export function readWorkspaceSettingValue<T>(name: string, stored: unknown): T | undefined {
  if (stored === undefined) return undefined;
  const loaded = loadSettingValue(registered(WORKSPACE_SETTING_FORMATS, name, 'WORKSPACE_SETTING_FORMATS'), undefined, stored);
  return loaded.ok ? (loaded.value as T) : undefined;
}

export async function setWorkspaceSetting(db: ChainLabDatabase, workspaceId: string, name: string, value: unknown): Promise<void> {
  const format = registered(WORKSPACE_SETTING_FORMATS, name, 'WORKSPACE_SETTING_FORMATS');
  await db.workspaceSettings.put({ workspaceId, name, value, format: format.current, updatedAt: Date.now() });
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
  // A cached result is recomputed rather than reported: nothing is lost when it cannot be used.
  if (!record || !loadRecord(CACHE_FORMAT, record).ok) return undefined;
  return record.dataVersion === key.dataVersion && (record.format ?? 1) === key.format ? (record.value as T) : undefined;
}

export async function putCached(db: ChainLabDatabase, key: CachedResultKey, value: unknown): Promise<void> {
  await db.caches.put({ workspaceId: key.workspaceId, key: key.name, dataVersion: key.dataVersion, format: key.format, value, createdAt: Date.now() });
}
