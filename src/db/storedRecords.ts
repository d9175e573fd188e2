import type { CustomerBlock, EventBlock, EventBlockStats } from '../domain';
import type { Chain } from '../domain/chains';

/** The shapes of the records the database stores (schema.ts declares the tables). */
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

/** Every record with a shape carries the format it was written in (records/recordFormat.ts); absent: format 1. */
export interface Formatted {
  format?: number;
}

export interface SettingRecord extends Formatted {
  key: string;
  value: unknown;
}

/** A setting of one workspace (RFM settings, stage mapping, lifecycle thresholds …). */
export interface WorkspaceSettingRecord extends Formatted {
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


/**
 * A saved audience as stored (`SavedAudience` of src/domain/audiences, by its own `version`):
 * typed loosely because a stored row may be of an older or newer version — only
 * `restoreAudience` reads it.
 */
export interface StoredAudienceRow {
  workspaceId: string;
  id: string;
  version?: unknown;
  [key: string]: unknown;
}
