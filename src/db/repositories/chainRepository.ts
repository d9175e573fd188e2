import { loadChainRecord, loadChainVersionRecord, STORED_CHAIN, type LoadedChain } from '../records/chainFormats';
import { idOf } from '../records/readRecords';
import { reportStorageProblem } from '../records/storageProblems';
import type { ChainLabDatabase, ChainRecord, ChainVersionRecord } from '../schema';

/**
 * Chains and their versions as stored. Every row is read through the chain model's restore
 * (records/chainFormats.ts): an older row is migrated, a row that cannot be understood is
 * reported and left as it is, and what restore repaired or set aside inside a chain is
 * reported too. Rows are written in the current chain format.
 */
function readable<T>(table: string, rows: readonly unknown[], load: (raw: unknown) => LoadedChain<T>): T[] {
  return rows.flatMap((row) => {
    const loaded = load(row);
    if (!loaded.ok) {
      reportStorageProblem({ table, key: idOf(row), what: STORED_CHAIN.what, reason: loaded.reason });
      return [];
    }
    for (const repair of loaded.repairs) reportStorageProblem({ table, key: idOf(row), what: STORED_CHAIN.what, reason: repair });
    return [loaded.value];
  });
}

export async function listChains(db: ChainLabDatabase, workspaceId: string): Promise<ChainRecord[]> {
  return readable('chains', await db.chains.where('workspaceId').equals(workspaceId).toArray(), loadChainRecord);
}

export async function getChain(db: ChainLabDatabase, id: string): Promise<ChainRecord | undefined> {
  const row = await db.chains.get(id);
  return row === undefined ? undefined : readable('chains', [row], loadChainRecord)[0];
}

export async function listChainVersions(db: ChainLabDatabase, chainId: string): Promise<ChainVersionRecord[]> {
  const rows = await db.chainVersions.where('[chainId+createdAt]').between([chainId, -Infinity], [chainId, Infinity]).toArray();
  return readable('chainVersions', rows, loadChainVersionRecord);
}

export async function saveChain(db: ChainLabDatabase, chain: ChainRecord): Promise<void> {
  await db.chains.put({ ...chain, version: STORED_CHAIN.current });
}
