import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  CustomerBlock,
  EventBlock,
  EventBlockStats,
  ImportBatch,
  MappingPreset,
  SimulationRun,
  Workspace,
} from '../domain';
import type { Chain } from '../domain/chains';

/**
 * A chain as stored: the domain chain plus the chain format version it was written in. Rows are
 * read back only through `restoreChain` (the chain repository), which migrates older ones —
 * including the unversioned placeholder rows of the foundation (version 0).
 */
export type StoredChain = Chain & { version: number };

export interface ChainRecord extends StoredChain {
  workspaceId: string;
  createdAt: number;
  updatedAt: number;
}

/** A snapshot of a chain: autosave history, or a named version (kept until deleted). */
export interface ChainVersionRecord {
  id: string;
  chainId: string;
  workspaceId: string;
  createdAt: number;
  name?: string;
  snapshot: StoredChain;
}

export type BlockKind = 'events' | 'customers';

/**
 * What is known about a stored block without reading its columns. Listing these is cheap;
 * the Data screen's counts and the card's timeline lookup work from them alone.
 */
export interface BlockMeta {
  id: string;
  workspaceId: string;
  batchId: string;
  kind: BlockKind;
  /** Write order inside the workspace; readers concatenate blocks in this order. */
  seq: number;
  count: number;
  /** customers: first customer index of the block */
  start?: number;
  /** events: time, customer range and counts by type */
  stats?: EventBlockStats;
}

export type BlockColumnsRecord =
  | { id: string; kind: 'events'; columns: EventBlock }
  | { id: string; kind: 'customers'; columns: CustomerBlock };

/** Per-workspace dictionaries that event blocks index into. */
export interface WorkspaceDictionaries {
  workspaceId: string;
  eventTypes: string[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A setting of one workspace (RFM settings, stage mapping, lifecycle thresholds …). */
export interface WorkspaceSettingRecord {
  workspaceId: string;
  name: string;
  value: unknown;
  updatedAt: number;
}

/**
 * A derived result kept so revisiting a screen is instant (e.g. RFM scores). `key` names the
 * computation and its settings; `dataVersion` is the workspace's data version it was computed
 * from: a reader must ignore an entry whose data version is not the current one.
 */
export interface CacheRecord {
  workspaceId: string;
  key: string;
  dataVersion: number;
  /** format version of the value's type (engine: CachedResultKey.format); absent = 1 (version-1 databases) */
  format?: number;
  value: unknown;
  createdAt: number;
}

export const DATABASE_NAME = 'chainlab';

/**
 * The one database. Each `version(n)` declares the full schema; a shipped version is never
 * edited, changes come as a new version with an `.upgrade()`.
 */
export class ChainLabDatabase extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>;
  chains!: EntityTable<ChainRecord, 'id'>;
  chainVersions!: EntityTable<ChainVersionRecord, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  mappingPresets!: EntityTable<MappingPreset, 'id'>;
  runs!: EntityTable<SimulationRun, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  blocks!: EntityTable<BlockMeta, 'id'>;
  blockColumns!: EntityTable<BlockColumnsRecord, 'id'>;
  dictionaries!: EntityTable<WorkspaceDictionaries, 'workspaceId'>;
  workspaceSettings!: Table<WorkspaceSettingRecord, [string, string]>;
  caches!: Table<CacheRecord, [string, string]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      workspaces: 'id, name, createdAt',
      chains: 'id, workspaceId',
      chainVersions: 'id, chainId, workspaceId, [chainId+createdAt]',
      importBatches: 'id, workspaceId, [workspaceId+createdAt], status',
      mappingPresets: 'id, [kind+headerSignature]',
      runs: 'id, workspaceId, [workspaceId+createdAt]',
      settings: 'key',
      blocks: 'id, workspaceId, batchId, [workspaceId+kind+seq]',
      blockColumns: 'id',
      dictionaries: 'workspaceId',
      workspaceSettings: '[workspaceId+name], workspaceId',
      caches: '[workspaceId+key], workspaceId',
    });
  }
}

/** Every table of the catalogue and the store that holds rows of one workspace. */
export const WORKSPACE_SCOPED_TABLES = [
  'chains',
  'chainVersions',
  'importBatches',
  'runs',
  'blocks',
  'dictionaries',
  'workspaceSettings',
  'caches',
] as const;
