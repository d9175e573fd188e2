import { newId } from '../database';
import type { ChainLabDatabase } from '../schema';
import type { BlockMeta, ChainRecord, ChainVersionRecord, StoredAudienceRow, WorkspaceDictionaries, WorkspaceSettingRecord } from '../schema';
import type { ImportBatch } from '../../domain';
import type { SimulationRunRecord } from '../../domain/simulation';

/**
 * The rows of one workspace, and the one place that moves them to another workspace under new
 * ids — duplicating a workspace and importing a workspace file both go through here, so both
 * keep every reference between rows intact.
 */
export interface ScopedRows {
  importBatches: ImportBatch[];
  /** block metadata; an imported block carries its columns in `columns` */
  blocks: (BlockMeta & { columns?: unknown })[];
  dictionaries: WorkspaceDictionaries[];
  chains: ChainRecord[];
  chainVersions: ChainVersionRecord[];
  runs: SimulationRunRecord[];
  workspaceSettings: WorkspaceSettingRecord[];
  audiences: StoredAudienceRow[];
}

/** Old id → new id, the same new id every time an old one is met. */
export function createIdRemap(): (oldId: string) => string {
  const newIds = new Map<string, string>();
  return (oldId) => {
    let mapped = newIds.get(oldId);
    if (!mapped) {
      mapped = newId();
      newIds.set(oldId, mapped);
    }
    return mapped;
  };
}

/**
 * The rows rewritten for workspace `toId`: batches, blocks, chains, versions and runs get new
 * ids (and every reference to them follows); audience ids are per workspace and kept, so the
 * conditions and chains that name them still hold.
 */
export function moveScopedRows(rows: ScopedRows, toId: string, remap: (oldId: string) => string): ScopedRows {
  return {
    importBatches: rows.importBatches.map((batch) => ({ ...batch, id: remap(batch.id), workspaceId: toId })),
    blocks: rows.blocks.map((block) => ({ ...block, id: remap(block.id), workspaceId: toId, batchId: remap(block.batchId) })),
    dictionaries: rows.dictionaries.map((dictionaries) => ({ ...dictionaries, workspaceId: toId })),
    chains: rows.chains.map((chain) => ({ ...chain, id: remap(chain.id), workspaceId: toId })),
    chainVersions: rows.chainVersions.map((version) => ({
      ...version,
      id: remap(version.id),
      chainId: remap(version.chainId),
      workspaceId: toId,
      snapshot: { ...version.snapshot, id: remap(version.snapshot.id) },
    })),
    // a run names the batches its data came from (to tell when the data changed since): they follow
    runs: rows.runs.map((run) => ({ ...run, id: remap(run.id), workspaceId: toId, inputs: run.inputs && Array.isArray(run.inputs.batchIds) ? { ...run.inputs, batchIds: run.inputs.batchIds.map(remap) } : run.inputs })),
    workspaceSettings: rows.workspaceSettings.map((setting) => ({ ...setting, workspaceId: toId })),
    audiences: rows.audiences.map((audience) => ({ ...audience, workspaceId: toId })),
  };
}

/** Writes moved rows (moveScopedRows) as they are; the caller holds the transaction. Block columns are the caller's. */
export async function writeMovedRows(db: ChainLabDatabase, rows: ScopedRows): Promise<void> {
  await db.importBatches.bulkAdd(rows.importBatches);
  await db.blocks.bulkAdd(rows.blocks.map(({ columns: _columns, ...meta }) => meta));
  await db.dictionaries.bulkAdd(rows.dictionaries);
  await db.chains.bulkAdd(rows.chains);
  await db.chainVersions.bulkAdd(rows.chainVersions);
  await db.runs.bulkAdd(rows.runs);
  await db.workspaceSettings.bulkAdd(rows.workspaceSettings);
  await db.audiences.bulkAdd(rows.audiences);
}
