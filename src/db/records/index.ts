import { BLOCK_COLUMNS_FORMAT } from './blockFormats';
import { BLOCK_META_FORMAT, CACHE_FORMAT, DICTIONARIES_FORMAT, IMPORT_BATCH_FORMAT, MAPPING_PRESET_FORMAT, RUN_FORMAT, WORKSPACE_FORMAT } from './catalogueFormats';
import { STORED_CHAIN } from './chainFormats';
import type { RecordFormat } from './recordFormat';
import { APP_SETTING_FORMATS, WORKSPACE_SETTING_FORMATS } from './settingFormats';

/**
 * How every table's records are versioned — one entry per table of the database (a test checks
 * that none is missing): one record format; or formats by setting key or name; or the chain
 * model's restore. Repositories read every record through these (recordFormat.ts).
 */
export type StoredRecordKind =
  | { kind: 'record'; format: RecordFormat<unknown> }
  | { kind: 'byKey'; field: 'key' | 'name'; formats: Record<string, RecordFormat<unknown>> }
  | { kind: 'chain'; current: number };

export const STORED_RECORDS = {
  workspaces: { kind: 'record', format: WORKSPACE_FORMAT },
  chains: { kind: 'chain', current: STORED_CHAIN.current },
  chainVersions: { kind: 'chain', current: STORED_CHAIN.current },
  importBatches: { kind: 'record', format: IMPORT_BATCH_FORMAT },
  mappingPresets: { kind: 'record', format: MAPPING_PRESET_FORMAT },
  runs: { kind: 'record', format: RUN_FORMAT },
  settings: { kind: 'byKey', field: 'key', formats: APP_SETTING_FORMATS },
  blocks: { kind: 'record', format: BLOCK_META_FORMAT },
  blockColumns: { kind: 'record', format: BLOCK_COLUMNS_FORMAT },
  dictionaries: { kind: 'record', format: DICTIONARIES_FORMAT },
  workspaceSettings: { kind: 'byKey', field: 'name', formats: WORKSPACE_SETTING_FORMATS },
  caches: { kind: 'record', format: CACHE_FORMAT },
} as const satisfies Record<string, StoredRecordKind>;

export { loadRecord, withFormat, type LoadedRecord, type RecordFormat, type RecordMigration } from './recordFormat';
export { onStorageProblem, reportStorageProblem, type StorageProblem } from './storageProblems';
