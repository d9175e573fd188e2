import type { CustomerBlock, EventBlock } from '../domain';

/**
 * The engine's port: the little that differs between the browser and Node, as the use cases
 * see it. src/db implements it over Dexie (the app's Web Workers), src/cli over files. A use
 * case takes a port and a RunContext and never imports Dexie, React, the DOM or node:*.
 */

/** How far a call is; `phase` names the step (load, score …). */
export interface Progress {
  done: number;
  total: number;
  phase?: string;
}

/** What every call gets besides its arguments: where to report progress, and whether it was cancelled. */
export interface RunContext {
  progress(update: Progress): void;
  signal: AbortSignal;
}

/** A context that reports nowhere and is never cancelled (tests, one-off calls). */
export function quietContext(): RunContext {
  return { progress: () => {}, signal: new AbortController().signal };
}

/** Everything a scan (RFM, stages, data quality, simulation) needs, already decoded into columns. */
export interface Dataset {
  customers: CustomerBlock[];
  events: EventBlock[];
  eventTypes: string[];
}

/** A file read as a stream: browser File slices (engine/import/blobSource.ts) or a Node file (src/cli). */
export interface ByteSource {
  name: string;
  size: number;
  lastModified: number;
  /** `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The whole file, front to back, a chunk at a time. */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * Names a derived result kept between calls. A reader gets nothing back unless the entry was
 * computed from this `dataVersion` of the workspace's data and stored in this `format` — the
 * result type's format version: bump it when the shape of the result changes, and results of
 * older builds are recomputed instead of misread.
 */
export interface CachedResultKey {
  workspaceId: string;
  name: string;
  dataVersion: number;
  format: number;
}

export interface ResultCache {
  get<T>(key: CachedResultKey): Promise<T | undefined>;
  put(key: CachedResultKey, value: unknown): Promise<void>;
}

/** The read side every computing use case needs. */
export interface EnginePort {
  /** A workspace's customers and events (the CLI's port: the files it was given). */
  loadDataset(workspaceId: string): Promise<Dataset>;
  /** Only the customer blocks (profiles for lists and exports), without reading any event. */
  loadCustomers(workspaceId: string): Promise<CustomerBlock[]>;
  cache: ResultCache;
}

/** A cache that keeps nothing (the command line computes every result once). */
export const NO_CACHE: ResultCache = {
  get: async () => undefined,
  put: async () => undefined,
};
