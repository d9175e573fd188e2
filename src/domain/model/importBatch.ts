export const CSV_KINDS = ['customers', 'orders', 'lines', 'events'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** Where a batch's rows came from. `demo` batches are written by the demo generator. */
export type BatchSource = CsvKind | 'demo';

export type BatchStatus = 'running' | 'done' | 'failed' | 'rolled_back';

export interface ImportCounts {
  read: number;
  accepted: number;
  merged: number;
  rejected: number;
}

/** One import of one file (data-model.md "Import batch"). Every stored row knows its batch. */
export interface ImportBatch {
  id: string;
  workspaceId: string;
  sourceName: string;
  kind: BatchSource;
  /** canonical field → source column */
  mapping: Record<string, string>;
  counts: ImportCounts;
  status: BatchStatus;
  createdAt: number;
  finishedAt?: number;
  /** Free-form report (warnings, rejects) filled by the importer. */
  report?: unknown;
}

/** A saved column mapping, offered again for a file with the same header. */
export interface MappingPreset {
  id: string;
  name: string;
  kind: CsvKind;
  /** Normalised header names joined, used to recognise the same file layout. */
  headerSignature: string;
  mapping: Record<string, string>;
  createdAt: number;
}
