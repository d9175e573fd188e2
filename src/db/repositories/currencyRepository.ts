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
 * The currency the workspace's events name most often in a `currency` column, or null. Reads
 * the event blocks once per data version (the answer is cached with it).
 */
export async function guessDataCurrency(db: ChainLabDatabase, workspaceId: string, dataVersion: number): Promise<string | null> {
  const key = { workspaceId, dataVersion, ...GUESS_CACHE };
  const cached = await getCached<{ code: string | null }>(db, key);
  if (cached) return cached.code;
  const counts = new Map<string, number>();
  for (const meta of await listBlockMetas(db, workspaceId, 'events')) {
    const [block] = await readEventColumns(db, [meta]);
    const column = block?.props[CURRENCY_PROP];
    if (!block || !column) continue;
    forEachDictValue(column, block.count, (_row, value) => counts.set(value, (counts.get(value) ?? 0) + 1));
  }
  const code = guessCurrencyFromValues(counts);
  await putCached(db, key, { code });
  return code;
}
