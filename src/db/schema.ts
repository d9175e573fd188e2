import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ImportBatch, MappingPreset, Workspace } from '../domain';
import type { SimulationRunRecord } from '../domain/simulation';
import { STORED_RECORDS } from './records';
import type {
  BlockColumnsRecord,
  BlockMeta,
  CacheRecord,
  ChainRecord,
  ChainVersionRecord,
  SettingRecord,
  WorkspaceDictionaries,
  WorkspaceSettingRecord,
  StoredAudienceRow,
} from './storedRecords';

export type * from './storedRecords';

export const DATABASE_NAME = 'chainlab';

/**
 * Every version of the database, in order. Each declares the full schema; a shipped version is
 * never edited or removed (schema.lock.json and schemaGuard.test.ts hold them to that): a change
 * comes as a new version, with an `upgrade` when rows must move. Record shapes are versioned per
 * record instead (src/db/records), so most changes need no new database version at all.
 */
export const DATABASE_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
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
    },
  },
  {
    // saved audiences (issue 15): ids are per workspace, so a duplicated workspace keeps them
    // and the conditions and chains that name them need no rewriting
    version: 2,
    stores: {
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
      audiences: '[workspaceId+id], workspaceId',
    },
  },
];

/** The one database (see DATABASE_VERSIONS). */
export class ChainLabDatabase extends Dexie {
  workspaces!: EntityTable<Workspace, 'id'>;
  chains!: EntityTable<ChainRecord, 'id'>;
  chainVersions!: EntityTable<ChainVersionRecord, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  mappingPresets!: EntityTable<MappingPreset, 'id'>;
  runs!: EntityTable<SimulationRunRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  blocks!: EntityTable<BlockMeta, 'id'>;
  blockColumns!: EntityTable<BlockColumnsRecord, 'id'>;
  dictionaries!: EntityTable<WorkspaceDictionaries, 'workspaceId'>;
  workspaceSettings!: Table<WorkspaceSettingRecord, [string, string]>;
  caches!: Table<CacheRecord, [string, string]>;
  /** raw stored audiences: read only through `restoreAudience` (repositories/audienceRepository.ts) */
  audiences!: Table<StoredAudienceRow, [string, string]>;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores } of DATABASE_VERSIONS) this.version(version).stores(stores);
    stampFormats(this);
  }
}

/**
 * Every record of a table with one record format is written stamped with that format (a record
 * written by this code is in the current format). A record copied as it is keeps the format it
 * has; one without any was written by database version 1 and is format 1 (records/recordFormat.ts).
 * Settings and cached results are stamped by their repository (their format depends on the key);
 * chains by the chain repository.
 */
function stampFormats(db: ChainLabDatabase): void {
  for (const [name, stored] of Object.entries(STORED_RECORDS)) {
    if (stored.kind !== 'record' || name === 'caches') continue;
    const current = stored.format.current;
    const table = db.table(name);
    table.hook('creating', (_key, record: { format?: number }) => {
      record.format ??= current;
    });
    // put() over an existing row sees the stamp go: keep it.
    table.hook('updating', (changes) => (Object.hasOwn(changes, 'format') && (changes as { format?: unknown }).format === undefined ? { format: current } : undefined));
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
  'audiences',
] as const;
