import type { ColumnMapping, CsvKind, FarDatesPolicy, ImportBatch, ImportReport } from '../../domain';

/** What the user chose for an import (or nothing: detected). */
export interface ImportChoices {
  kind?: CsvKind;
  encoding?: string;
  delimiter?: string;
  hasHeader?: boolean;
  dateFormat?: string;
  timeZone: string;
  /** an exact mapping (field → column index) the user confirmed; guessed when absent */
  mapping?: ColumnMapping;
  now?: number;
  /** values read as a missing id (import settings); default `DEFAULT_PLACEHOLDER_IDS` */
  placeholderIds?: string[];
  /** rows dated outside the plausible dates: kept with a warning (default) or rejected */
  farDates?: FarDatesPolicy;
  /** plan a preview even when required fields are unmapped */
  allowIncomplete?: boolean;
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  phase: 'read' | 'commit';
}

export interface ImportOutcome {
  batch: ImportBatch;
  report: ImportReport;
}

export interface UndoResult {
  removedEvents: number;
  removedCustomers: number;
  keptCustomers: number;
  restoredCustomers: number;
  keptChanges: number;
}

export interface RunResult {
  batchId: string;
  report: ImportReport;
}
