import { getDatabase, newId, type ChainRecord } from '../../../db';
import { CHAIN_FORMAT_VERSION, restoreChain, type Chain } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';

/**
 * What the editor needs from storage. INTERIM: issue-12-model is building the chains repository
 * in src/db (versions, history, named versions); until it lands this thin implementation over
 * the same tables stands in, and the screens only know this interface.
 */
export interface StoredChainEntry {
  chain: Chain;
  createdAt: number;
  updatedAt: number;
}

export type LoadedChain = { ok: true; entry: StoredChainEntry; repairs: number; setAside: number } | { ok: false; message: LocalizedText };

export interface ChainVersionEntry {
  id: string;
  chainId: string;
  createdAt: number;
  /** null: an automatic snapshot of the change history */
  name: string | null;
  nodeCount: number;
}

export interface ChainStorage {
  list(workspaceId: string): Promise<StoredChainEntry[]>;
  load(chainId: string): Promise<LoadedChain | null>;
  /** writes the chain (create or update); history snapshots are taken from these saves */
  save(workspaceId: string, chain: Chain): Promise<void>;
  remove(chainId: string): Promise<void>;
  versions(chainId: string): Promise<ChainVersionEntry[]>;
  nameVersion(workspaceId: string, chain: Chain, name: string): Promise<void>;
  versionChain(versionId: string): Promise<Chain | null>;
}

/** A change-history snapshot is kept when the last one is older than this. */
const HISTORY_EVERY_MS = 2 * 60_000;
const HISTORY_KEEP = 50;

function entryOf(record: ChainRecord): { entry: StoredChainEntry; repairs: number; setAside: number } | { message: LocalizedText } {
  const { workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, version, ...raw } = record;
  const restored = restoreChain(raw, version);
  if (!restored.ok) return { message: restored.message };
  return { entry: { chain: restored.chain, createdAt: record.createdAt, updatedAt: record.updatedAt }, repairs: restored.repairs.length, setAside: restored.setAside.length };
}

async function keepHistory(workspaceId: string, chain: Chain, now: number): Promise<void> {
  const db = getDatabase();
  const versions = await db.chainVersions.where('[chainId+createdAt]').between([chain.id, 0], [chain.id, Number.MAX_SAFE_INTEGER]).toArray();
  const automatic = versions.filter((version) => version.name === undefined);
  const last = automatic.at(-1);
  if (last && now - last.createdAt < HISTORY_EVERY_MS) {
    await db.chainVersions.put({ ...last, snapshot: { ...chain, version: CHAIN_FORMAT_VERSION } });
    return;
  }
  await db.chainVersions.add({ id: newId(), chainId: chain.id, workspaceId, createdAt: now, snapshot: { ...chain, version: CHAIN_FORMAT_VERSION } });
  const excess = automatic.length + 1 - HISTORY_KEEP;
  if (excess > 0) await db.chainVersions.bulkDelete(automatic.slice(0, excess).map((version) => version.id));
}

export const chainStorage: ChainStorage = {
  async list(workspaceId) {
    const records = await getDatabase().chains.where('workspaceId').equals(workspaceId).toArray();
    return records.flatMap((record) => {
      const read = entryOf(record);
      return 'entry' in read ? [read.entry] : [];
    });
  },
  async load(chainId) {
    const record = await getDatabase().chains.get(chainId);
    if (!record) return null;
    const read = entryOf(record);
    return 'entry' in read ? { ok: true, ...read } : { ok: false, message: read.message };
  },
  async save(workspaceId, chain) {
    const db = getDatabase();
    const now = Date.now();
    await db.transaction('rw', db.chains, db.chainVersions, async () => {
      const existing = await db.chains.get(chain.id);
      await db.chains.put({ ...chain, version: CHAIN_FORMAT_VERSION, workspaceId, createdAt: existing?.createdAt ?? now, updatedAt: now });
      await keepHistory(workspaceId, chain, now);
    });
  },
  async remove(chainId) {
    const db = getDatabase();
    await db.transaction('rw', db.chains, db.chainVersions, async () => {
      await db.chains.delete(chainId);
      await db.chainVersions.where('chainId').equals(chainId).delete();
    });
  },
  async versions(chainId) {
    const versions = await getDatabase().chainVersions.where('[chainId+createdAt]').between([chainId, 0], [chainId, Number.MAX_SAFE_INTEGER]).reverse().toArray();
    return versions.map((version) => ({ id: version.id, chainId, createdAt: version.createdAt, name: version.name ?? null, nodeCount: Array.isArray(version.snapshot.nodes) ? version.snapshot.nodes.length : 0 }));
  },
  async nameVersion(workspaceId, chain, name) {
    await getDatabase().chainVersions.add({ id: newId(), chainId: chain.id, workspaceId, createdAt: Date.now(), name, snapshot: { ...chain, version: CHAIN_FORMAT_VERSION } });
  },
  async versionChain(versionId) {
    const version = await getDatabase().chainVersions.get(versionId);
    if (!version) return null;
    const { version: format, ...raw } = version.snapshot;
    const restored = restoreChain(raw, format);
    return restored.ok ? restored.chain : null;
  },
};
