import { restoreAudience } from '../../domain/audiences/audience';
import { restoreChain } from '../../domain/chains';
import type { MappingPreset, Workspace } from '../../domain';
import { restoreRunRecord } from '../../domain/simulation/runRecord';
import { WorkspaceFileProblem } from '../../domain/workspaceFile/workspaceFileFormat';
import type { ImportedWorkspace, StagedWorkspace, WorkspaceExportSource } from '../../engine/workspaceFile/workspaceFileTypes';
import { newId } from '../database';
import { BLOCK_COLUMNS_FORMAT } from '../records/blockFormats';
import { BLOCK_META_FORMAT, DICTIONARIES_FORMAT, IMPORT_BATCH_FORMAT, MAPPING_PRESET_FORMAT, WORKSPACE_FORMAT } from '../records/catalogueFormats';
import { loadRecord, type RecordFormat } from '../records/recordFormat';
import { WORKSPACE_SETTING_FORMATS } from '../records/settingFormats';
import { WORKSPACE_SCOPED_TABLES, type BlockColumnsRecord, type ChainLabDatabase } from '../schema';
import { liveBatchIds } from './blockStore';
import { loadSettingValue } from './settingsRepository';
import { unusedName } from './workspaceRepository';
import { createIdRemap, moveScopedRows, writeMovedRows, type ScopedRows } from './workspaceRows';

/**
 * Workspace files (issue 17) on the database side: what an export reads, and the checked,
 * all-or-nothing write of an imported file as a new workspace.
 */
export async function readWorkspaceForExport(db: ChainLabDatabase, workspaceId: string): Promise<WorkspaceExportSource> {
  const workspace = await db.workspaces.get(workspaceId);
  if (!workspace) throw new WorkspaceFileProblem('corrupt', 'the workspace no longer exists');
  const live = await liveBatchIds(db, workspaceId);
  const scoped = <T extends { workspaceId: string }>(rows: T[]) => rows as unknown as Record<string, unknown>[];
  const blocks = (await db.blocks.where('workspaceId').equals(workspaceId).toArray()).filter((block) => live.has(block.batchId)).sort((a, b) => (a.kind === b.kind ? a.seq - b.seq : a.kind < b.kind ? -1 : 1));
  return {
    workspaceName: workspace.name,
    customers: blocks.filter((block) => block.kind === 'customers').reduce((sum, block) => sum + block.count, 0),
    events: blocks.filter((block) => block.kind === 'events').reduce((sum, block) => sum + block.count, 0),
    blockIds: blocks.map((block) => block.id),
    tables: {
      workspaces: [workspace as unknown as Record<string, unknown>],
      importBatches: scoped((await db.importBatches.where('workspaceId').equals(workspaceId).toArray()).filter((batch) => live.has(batch.id))),
      dictionaries: scoped(await db.dictionaries.where('workspaceId').equals(workspaceId).toArray()),
      chains: scoped(await db.chains.where('workspaceId').equals(workspaceId).toArray()),
      chainVersions: scoped(await db.chainVersions.where('workspaceId').equals(workspaceId).toArray()),
      runs: scoped(await db.runs.where('workspaceId').equals(workspaceId).toArray()),
      workspaceSettings: scoped(await db.workspaceSettings.where('workspaceId').equals(workspaceId).toArray()),
      audiences: scoped(await db.audiences.where('workspaceId').equals(workspaceId).toArray()),
      mappingPresets: (await db.mappingPresets.toArray()) as unknown as Record<string, unknown>[],
    },
    readBlock: async (id) => {
      const [meta, columns] = await Promise.all([db.blocks.get(id), db.blockColumns.get(id)]);
      if (!meta || !columns) throw new WorkspaceFileProblem('corrupt', `block ${id} is missing from the database`);
      return { ...meta, columns: columns.columns };
    },
  };
}

function refuse(table: string, index: number, reason: string): never {
  throw new WorkspaceFileProblem('invalidRow', `${table}, row ${index + 1}: ${reason}`);
}

function checkRecords(table: string, format: RecordFormat<unknown>, rows: readonly unknown[]): void {
  rows.forEach((row, index) => {
    const loaded = loadRecord(format, row);
    if (!loaded.ok) refuse(table, index, loaded.reason);
  });
}

function chainBody(row: Record<string, unknown>): Record<string, unknown> {
  const { workspaceId: _workspace, createdAt: _created, updatedAt: _updated, ...body } = row;
  return body;
}

/**
 * Every row by the app's own read policy (records/, the domain models' restore): what the app
 * could not read after the import is refused now, with where and why, before anything is written.
 */
function checkStagedRows(staged: StagedWorkspace): void {
  const { rows } = staged;
  if (rows.workspaces.length !== 1) throw new WorkspaceFileProblem('invalidRow', `the file holds ${rows.workspaces.length} workspaces instead of one`);
  checkRecords('workspaces', WORKSPACE_FORMAT, rows.workspaces);
  checkRecords('importBatches', IMPORT_BATCH_FORMAT, rows.importBatches);
  checkRecords('dictionaries', DICTIONARIES_FORMAT, rows.dictionaries);
  checkRecords('mappingPresets', MAPPING_PRESET_FORMAT, rows.mappingPresets);
  const batchIds = new Set(rows.importBatches.map((batch) => batch.id));
  rows.blocks.forEach((row, index) => {
    const { columns, ...meta } = row;
    const loadedMeta = loadRecord(BLOCK_META_FORMAT, meta);
    if (!loadedMeta.ok) refuse('blocks', index, loadedMeta.reason);
    const loadedColumns = loadRecord(BLOCK_COLUMNS_FORMAT, { id: meta.id, kind: meta.kind, columns });
    if (!loadedColumns.ok) refuse('blocks', index, loadedColumns.reason);
    if (!batchIds.has(meta.batchId)) refuse('blocks', index, 'its import batch is not in the file');
  });
  rows.chains.forEach((row, index) => {
    const restored = restoreChain(chainBody(row));
    if (!restored.ok) refuse('chains', index, restored.message.en);
  });
  rows.chainVersions.forEach((row, index) => {
    const restored = restoreChain(row.snapshot);
    if (!restored.ok) refuse('chainVersions', index, restored.message.en);
  });
  rows.runs.forEach((row, index) => {
    const restored = restoreRunRecord(row);
    if (!restored.ok) refuse('runs', index, restored.message.en);
  });
  rows.audiences.forEach((row, index) => {
    const restored = restoreAudience(row);
    if (!restored.ok) refuse('audiences', index, restored.message.en);
  });
  rows.workspaceSettings.forEach((row, index) => {
    const format = typeof row.name === 'string' ? WORKSPACE_SETTING_FORMATS[row.name] : undefined;
    if (!format) return refuse('workspaceSettings', index, `a setting this ChainLab does not know (${String(row.name)})`);
    const loaded = loadSettingValue(format, typeof row.format === 'number' ? row.format : undefined, row.value);
    if (!loaded.ok) refuse('workspaceSettings', index, loaded.reason);
  });
}

/** Mapping presets are shared by all workspaces: one the user already has (same kind, header and name) is not added twice. */
async function newMappingPresets(db: ChainLabDatabase, presets: readonly Record<string, unknown>[]): Promise<MappingPreset[]> {
  const have = new Set((await db.mappingPresets.toArray()).map((preset) => `${preset.kind}\u0000${preset.headerSignature}\u0000${preset.name}`));
  const added: MappingPreset[] = [];
  for (const raw of presets) {
    const preset = raw as unknown as MappingPreset;
    const key = `${preset.kind}\u0000${preset.headerSignature}\u0000${preset.name}`;
    if (have.has(key)) continue;
    have.add(key);
    added.push({ ...preset, id: newId() });
  }
  return added;
}

/**
 * The staged file as a new workspace: every row checked first, then all written in one
 * transaction under new ids and a name not yet used — the storage filling up or any failure
 * midway leaves the database exactly as it was.
 */
export async function writeImportedWorkspace(db: ChainLabDatabase, staged: StagedWorkspace): Promise<ImportedWorkspace> {
  checkStagedRows(staged);
  const { rows } = staged;
  const source = rows.workspaces[0] as unknown as Workspace;
  const remap = createIdRemap();
  const tables = [db.workspaces, db.blockColumns, db.mappingPresets, ...WORKSPACE_SCOPED_TABLES.map((table) => db[table])];
  return db.transaction('rw', tables, async () => {
    const now = Date.now();
    const workspace: Workspace = { ...source, id: newId(), name: await unusedName(db, source.name), createdAt: now, updatedAt: now };
    await db.workspaces.add(workspace);
    const moved = moveScopedRows(rows as unknown as ScopedRows, workspace.id, remap);
    await db.blockColumns.bulkAdd(moved.blocks.map((block) => ({ id: block.id, kind: block.kind, columns: block.columns }) as BlockColumnsRecord));
    await writeMovedRows(db, moved);
    const presets = await newMappingPresets(db, rows.mappingPresets);
    await db.mappingPresets.bulkAdd(presets);
    return {
      workspaceId: workspace.id,
      name: workspace.name,
      customers: rows.blocks.filter((block) => block.kind === 'customers').reduce((sum, block) => sum + Number(block.count), 0),
      events: rows.blocks.filter((block) => block.kind === 'events').reduce((sum, block) => sum + Number(block.count), 0),
      chains: rows.chains.length,
      runs: rows.runs.length,
      audiences: rows.audiences.length,
      mappingPresets: presets.length,
      isPseudonymised: staged.header.isPseudonymised,
    };
  });
}
