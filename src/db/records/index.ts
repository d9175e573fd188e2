import { BLOCK_COLUMNS_FORMAT } from './blockFormats';
import { BLOCK_META_FORMAT, CACHE_FORMAT, DICTIONARIES_FORMAT, IMPORT_BATCH_FORMAT, MAPPING_PRESET_FORMAT, WORKSPACE_FORMAT } from './catalogueFormats';
import { STORED_AUDIENCE, STORED_CHAIN, STORED_RUN } from './chainFormats';
import type { RecordFormat } from './recordFormat';
import { APP_SETTING_FORMATS, WORKSPACE_SETTING_FORMATS } from './settingFormats';

/**
 * How every table's records are versioned — one entry per table of the database (a test checks
 * that none is missing): one record format; or formats by setting key or name; or a domain
 * model's own version and restore (chains: `restoreChain`; simulation runs: `restoreRunRecord`).
 * Repositories read every record through these (recordFormat.ts).
 */
export type StoredRecordKind =
  | { kind: 'record'; format: RecordFormat<unknown> }
  | { kind: 'byKey'; field: 'key' | 'name'; formats: Record<string, RecordFormat<unknown>> }
  | { kind: 'model'; what: string; current: number };

export const STORED_RECORDS = {
  workspaces: { kind: 'record', format: WORKSPACE_FORMAT },
  chains: { kind: 'model', ...STORED_CHAIN },
  chainVersions: { kind: 'model', ...STORED_CHAIN },
  importBatches: { kind: 'record', format: IMPORT_BATCH_FORMAT },
  mappingPresets: { kind: 'record', format: MAPPING_PRESET_FORMAT },
  runs: { kind: 'model', ...STORED_RUN },
  settings: { kind: 'byKey', field: 'key', formats: APP_SETTING_FORMATS },
  blocks: { kind: 'record', format: BLOCK_META_FORMAT },
  blockColumns: { kind: 'record', format: BLOCK_COLUMNS_FORMAT },
  dictionaries: { kind: 'record', format: DICTIONARIES_FORMAT },
  workspaceSettings: { kind: 'byKey', field: 'name', formats: WORKSPACE_SETTING_FORMATS },
  caches: { kind: 'record', format: CACHE_FORMAT },
  audiences: { kind: 'model', ...STORED_AUDIENCE },
} as const satisfies Record<string, StoredRecordKind>;

export { loadRecord, withFormat, type LoadedRecord, type RecordFormat, type RecordMigration } from './recordFormat';
export { onStorageProblem, reportStorageProblem, type StorageProblem } from './storageProblems';
