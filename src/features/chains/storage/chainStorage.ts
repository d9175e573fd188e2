import { getDatabase } from '../../../db';
import {
  interimDeleteChain,
  interimListChains,
  interimListVersions,
  interimLoadChain,
  interimNameVersion,
  interimSaveChain,
  interimVersionChain,
} from '../../../db/repositories/interimChainStore';
import type { Chain } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';

/**
 * What the editor needs from storage. INTERIM: issue-12-model is building the chains repository
 * in src/db (versions, history, named versions); until it lands this thin implementation over
 * the same tables (src/db/repositories/interimChainStore.ts) stands in; the screens only know
 * this interface.
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

export const chainStorage: ChainStorage = {
  list: (workspaceId) => interimListChains(getDatabase(), workspaceId),
  async load(chainId) {
    const read = await interimLoadChain(getDatabase(), chainId);
    if (!read) return null;
    return 'entry' in read ? { ok: true, ...read } : { ok: false, message: read.message };
  },
  save: (workspaceId, chain) => interimSaveChain(getDatabase(), workspaceId, chain),
  remove: (chainId) => interimDeleteChain(getDatabase(), chainId),
  versions: (chainId) => interimListVersions(getDatabase(), chainId),
  nameVersion: (workspaceId, chain, name) => interimNameVersion(getDatabase(), workspaceId, chain, name),
  versionChain: (versionId) => interimVersionChain(getDatabase(), versionId),
};
