import type { WorkspaceFileHeader, WorkspaceFileTable } from '../../domain/workspaceFile/workspaceFileFormat';

/** Rows of the file's tables, as the database stores them (blocks carry their columns in `columns`). */
export type WorkspaceRows = Record<WorkspaceFileTable, Record<string, unknown>[]>;

/** What an export reads: the small tables at once, the blocks one at a time. */
export interface WorkspaceExportSource {
  workspaceName: string;
  customers: number;
  events: number;
  /** every table but `blocks` */
  tables: Omit<WorkspaceRows, 'blocks'>;
  /** ids of the live blocks, in write order */
  blockIds: string[];
  /** one block's metadata with its columns in `columns` */
  readBlock(id: string): Promise<Record<string, unknown>>;
}

/** A whole file read and checked in memory, before anything is written. */
export interface StagedWorkspace {
  header: WorkspaceFileHeader;
  rows: WorkspaceRows;
}

export interface ImportedWorkspace {
  workspaceId: string;
  name: string;
  customers: number;
  events: number;
  chains: number;
  runs: number;
  audiences: number;
  /** mapping presets added (those already here are not added twice) */
  mappingPresets: number;
  isPseudonymised: boolean;
}

/**
 * The storage side (src/db implements it). `writeImported` checks every row by the app's record
 * policy and writes all of them in one transaction, as a new workspace under new ids: a row it
 * cannot read refuses the whole file, and nothing is written.
 */
export interface WorkspaceFileStore {
  readForExport(workspaceId: string): Promise<WorkspaceExportSource>;
  writeImported(staged: StagedWorkspace): Promise<ImportedWorkspace>;
  withWorkspaceLock<T>(workspaceId: string, onBusy: () => Error, work: () => Promise<T>): Promise<T>;
}

export interface ExportResult {
  file: Blob;
  fileName: string;
  bytes: number;
}
