import { CURRENCY_SETTING_NAME, currencySetting, forEachDictValue, guessCurrencyFromValues, parseCurrencySetting, type CurrencySetting } from '../../domain';
import type { ChainLabDatabase } from '../schema';
import { listBlockMetas, readEventColumns } from './blockStore';
import { getCached, getWorkspaceSetting, putCached, setWorkspaceSetting } from './settingsRepository';

/** The event prop an import stores a currency column under (fields.ts: `currency`). */
const CURRENCY_PROP = 'currency';
/** The cached guess: its name and the format of its value (bump when the value's shape changes). */
const GUESS_CACHE = { name: 'currency.guess', format: 1 } as const;

export type StoredCurrency = { setting: CurrencySetting | null; problem: string | null };

/** The user's currency choice; a stored value that does not validate is reported, not replaced. */
export async function loadCurrencySetting(db: ChainLabDatabase, workspaceId: string): Promise<StoredCurrency> {
  const stored = await getWorkspaceSetting<unknown>(db, workspaceId, CURRENCY_SETTING_NAME, undefined);
  if (stored === undefined) return { setting: null, problem: null };
  const parsed = parseCurrencySetting(stored);
  return parsed.ok ? { setting: parsed.value, problem: null } : { setting: null, problem: parsed.error };
}

export async function saveCurrencySetting(db: ChainLabDatabase, workspaceId: string, code: string): Promise<void> {
  const setting = currencySetting(code);
  const parsed = parseCurrencySetting(setting);
  if (!parsed.ok) throw new Error(`Not a currency: ${code}`);
  await setWorkspaceSetting(db, workspaceId, CURRENCY_SETTING_NAME, parsed.value);
}

/** Forgets the user's choice: the guess is used again. */
export async function clearCurrencySetting(db: ChainLabDatabase, workspaceId: string): Promise<void> {
  await db.workspaceSettings.delete([workspaceId, CURRENCY_SETTING_NAME]);
}

/**
 * The guess cached for this data version: `{ code }` (null: the data names no currency), or
 * undefined when it was not worked out yet. One small read: the page asks this first and leaves
 * the reading of the blocks (guessDataCurrency) to the data worker.
 */
export async function cachedDataCurrency(db: ChainLabDatabase, workspaceId: string, dataVersion: number): Promise<{ code: string | null } | undefined> {
  return getCached<{ code: string | null }>(db, { workspaceId, dataVersion, ...GUESS_CACHE });
}

/**
 * The currency the workspace's events name most often in a `currency` column, or null. Reads
 * the event blocks once per data version (the answer is cached with it). Decoding every block
 * is heavy on large data: the app calls it in the data worker (engine/data/dataHandlers.ts).
 */
export async function guessDataCurrency(db: ChainLabDatabase, workspaceId: string, dataVersion: number): Promise<string | null> {
  const cached = await cachedDataCurrency(db, workspaceId, dataVersion);
  if (cached) return cached.code;
  const counts = new Map<string, number>();
  for (const meta of await listBlockMetas(db, workspaceId, 'events')) {
    const [block] = await readEventColumns(db, [meta]);
    const column = block?.props[CURRENCY_PROP];
    if (!block || !column) continue;
    forEachDictValue(column, block.count, (_row, value) => counts.set(value, (counts.get(value) ?? 0) + 1));
  }
  const code = guessCurrencyFromValues(counts);
  await putCached(db, { workspaceId, dataVersion, ...GUESS_CACHE }, { code });
  return code;
}
