import { CHAIN_FORMAT_VERSION, restoreChain, type Chain, type RestoreChainResult } from '../../domain/chains';
import type { ChainRecord, ChainVersionRecord } from '../storedRecords';

/**
 * Chains are stored with the chain model's own format version (`version`) and read back through
 * the chain model's restore (src/domain/chains/restore.ts: migrate, repair, validate, set aside
 * what cannot be read) — the same policy as every other record, owned by the chain model. The
 * repository calls whatever `chainRestorer` holds, so the model can change how chains are
 * restored without touching storage.
 */
export type ChainRestorer = (raw: unknown, version: number | undefined) => RestoreChainResult;

export const STORED_CHAIN: { what: string; current: number; restore: ChainRestorer } = {
  what: 'chain',
  current: CHAIN_FORMAT_VERSION,
  restore: (raw, version) => restoreChain(raw, version),
};

export type LoadedChain<T> = { ok: true; value: T; repairs: string[] } | { ok: false; reason: string };

function reasonOf(result: Extract<RestoreChainResult, { ok: false }>): string {
  return result.message.en;
}

function repairsOf(result: Extract<RestoreChainResult, { ok: true }>): string[] {
  return [...result.repairs.map((note) => `${note.path}: ${note.message.en}`), ...result.setAside.map((item) => `${item.part} ${item.id ?? item.index} set aside: ${item.reason.en}`)];
}

/** A stored chain row (a version-0 placeholder row included), restored to the current model. */
export function loadChainRecord(raw: unknown): LoadedChain<ChainRecord> {
  const record = (raw ?? {}) as Partial<ChainRecord>;
  const { workspaceId, createdAt, updatedAt, version, ...chain } = record;
  // A version-0 row has no `version`; its migration reads the storage fields itself.
  const result = STORED_CHAIN.restore(version === undefined ? raw : chain, version);
  if (!result.ok) return { ok: false, reason: reasonOf(result) };
  const value: ChainRecord = { ...result.chain, version: STORED_CHAIN.current, workspaceId: workspaceId ?? '', createdAt: createdAt ?? 0, updatedAt: updatedAt ?? 0 };
  return { ok: true, value, repairs: repairsOf(result) };
}

/** A stored chain version row: its snapshot restored like a chain. */
export function loadChainVersionRecord(raw: unknown): LoadedChain<ChainVersionRecord> {
  const record = (raw ?? {}) as Partial<ChainVersionRecord>;
  const snapshot = record.snapshot as (Partial<Chain> & { version?: number; workspaceId?: string }) | undefined;
  if (!snapshot || typeof snapshot !== 'object') return { ok: false, reason: 'the version has no chain snapshot' };
  const { version, ...chain } = snapshot;
  const result = STORED_CHAIN.restore(version === undefined ? snapshot : chain, version);
  if (!result.ok) return { ok: false, reason: reasonOf(result) };
  const value: ChainVersionRecord = { id: record.id ?? '', chainId: record.chainId ?? '', workspaceId: record.workspaceId ?? '', createdAt: record.createdAt ?? 0, snapshot: { ...result.chain, version: STORED_CHAIN.current } };
  if (record.name !== undefined) value.name = record.name;
  return { ok: true, value, repairs: repairsOf(result) };
}
