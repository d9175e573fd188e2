import { restoreChain, CHAIN_FORMAT_VERSION, type Chain } from '../../domain/chains';
import type { LocalizedText } from '../../domain/text';
import { newId } from '../database';
import type { ChainLabDatabase, ChainRecord } from '../schema';

/**
 * INTERIM chain storage for the editor (issue-12-canvas) until issue-12-model's chainRepository
 * lands on main; then this file goes and src/features/chains/storage/chainStorage.ts calls that
 * repository instead. Rows are read back only through restoreChain.
 */
export interface InterimChainEntry {
  chain: Chain;
  createdAt: number;
  updatedAt: number;
}

export interface InterimVersionEntry {
  id: string;
  chainId: string;
  createdAt: number;
  name: string | null;
  nodeCount: number;
}

/** A change-history snapshot is kept when the last one is older than this. */
const HISTORY_EVERY_MS = 2 * 60_000;
const HISTORY_KEEP = 50;

function entryOf(record: ChainRecord): { entry: InterimChainEntry; repairs: number; setAside: number } | { message: LocalizedText } {
  const { workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, version, ...raw } = record;
  const restored = restoreChain(raw, version);
  if (!restored.ok) return { message: restored.message };
  return { entry: { chain: restored.chain, createdAt: record.createdAt, updatedAt: record.updatedAt }, repairs: restored.repairs.length, setAside: restored.setAside.length };
}

async function keepHistory(db: ChainLabDatabase, workspaceId: string, chain: Chain, now: number): Promise<void> {
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

export async function interimListChains(db: ChainLabDatabase, workspaceId: string): Promise<InterimChainEntry[]> {
  const records = await db.chains.where('workspaceId').equals(workspaceId).toArray();
  return records.flatMap((record) => {
    const read = entryOf(record);
    return 'entry' in read ? [read.entry] : [];
  });
}

export async function interimLoadChain(db: ChainLabDatabase, chainId: string) {
  const record = await db.chains.get(chainId);
  if (!record) return null;
  return entryOf(record);
}

export async function interimSaveChain(db: ChainLabDatabase, workspaceId: string, chain: Chain): Promise<void> {
  const now = Date.now();
  await db.transaction('rw', db.chains, db.chainVersions, async () => {
    const existing = await db.chains.get(chain.id);
    await db.chains.put({ ...chain, version: CHAIN_FORMAT_VERSION, workspaceId, createdAt: existing?.createdAt ?? now, updatedAt: now });
    await keepHistory(db, workspaceId, chain, now);
  });
}

export async function interimDeleteChain(db: ChainLabDatabase, chainId: string): Promise<void> {
  await db.transaction('rw', db.chains, db.chainVersions, async () => {
    await db.chains.delete(chainId);
    await db.chainVersions.where('chainId').equals(chainId).delete();
  });
}

export async function interimListVersions(db: ChainLabDatabase, chainId: string): Promise<InterimVersionEntry[]> {
  const versions = await db.chainVersions.where('[chainId+createdAt]').between([chainId, 0], [chainId, Number.MAX_SAFE_INTEGER]).reverse().toArray();
  return versions.map((version) => ({ id: version.id, chainId, createdAt: version.createdAt, name: version.name ?? null, nodeCount: Array.isArray(version.snapshot.nodes) ? version.snapshot.nodes.length : 0 }));
}

export async function interimNameVersion(db: ChainLabDatabase, workspaceId: string, chain: Chain, name: string): Promise<void> {
  await db.chainVersions.add({ id: newId(), chainId: chain.id, workspaceId, createdAt: Date.now(), name, snapshot: { ...chain, version: CHAIN_FORMAT_VERSION } });
}

export async function interimVersionChain(db: ChainLabDatabase, versionId: string): Promise<Chain | null> {
  const version = await db.chainVersions.get(versionId);
  if (!version) return null;
  const { version: format, ...raw } = version.snapshot;
  const restored = restoreChain(raw, format);
  return restored.ok ? restored.chain : null;
}
