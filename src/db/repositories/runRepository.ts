import type { SimulationRunRecord } from '../../domain/simulation';
import { plausibleWindow } from '../../domain/time';
import type { Dataset } from '../../engine/port';
import type { DatasetInfo } from '../../engine/simulate/simulateTypes';
import type { ChainLabDatabase } from '../schema';
import { liveBatchIds, listBlockMetas, plausibleEventSpan, readCustomerColumns, readEventColumns } from './blockStore';
import { loadEventTypes } from './datasetRepository';

/**
 * Saved simulation runs and what a run reads from the store. Runs are written as the domain's
 * versioned record and handed back raw: only `restoreRunRecord` (the use case) reads them, so a
 * record of an older or newer format is migrated or reported, never guessed at.
 *
 * A shard reads only the blocks that hold its customers (block metadata has each event block's
 * customer range), so the Web Workers of a run read the store once between them.
 */
export async function saveRun(db: ChainLabDatabase, record: SimulationRunRecord): Promise<void> {
  await db.runs.put(record);
}

export async function loadStoredRun(db: ChainLabDatabase, workspaceId: string, runId: string): Promise<unknown> {
  const row = await db.runs.get(runId);
  return row && row.workspaceId === workspaceId ? row : undefined;
}

/** Newest first. */
export async function listStoredRuns(db: ChainLabDatabase, workspaceId: string): Promise<unknown[]> {
  const rows = await db.runs.where('[workspaceId+createdAt]').between([workspaceId, -Infinity], [workspaceId, Infinity]).reverse().toArray();
  return rows;
}

export async function deleteStoredRun(db: ChainLabDatabase, workspaceId: string, runId: string): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const row = await db.runs.get(runId);
    if (row && row.workspaceId === workspaceId) await db.runs.delete(runId);
  });
}

/** Only the name changes: the stored record is otherwise kept exactly as it was written. */
export async function renameStoredRun(db: ChainLabDatabase, workspaceId: string, runId: string, name: string): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const row = await db.runs.get(runId);
    if (row && row.workspaceId === workspaceId) await db.runs.put({ ...row, name });
  });
}

/** What a run needs to know before reading any column: counts from block metadata; the plausible span reads only blocks that reach outside the plausible window. */
export async function loadDatasetInfo(db: ChainLabDatabase, workspaceId: string, now: number): Promise<DatasetInfo> {
  const [workspace, customerMetas, eventMetas, eventTypes, batches] = await Promise.all([
    db.workspaces.get(workspaceId),
    listBlockMetas(db, workspaceId, 'customers'),
    listBlockMetas(db, workspaceId, 'events'),
    loadEventTypes(db, workspaceId),
    liveBatchIds(db, workspaceId),
  ]);
  let customerCount = 0;
  for (const meta of customerMetas) customerCount = Math.max(customerCount, (meta.start ?? 0) + meta.count);
  for (const meta of eventMetas) if (meta.stats && meta.count) customerCount = Math.max(customerCount, meta.stats.maxCustomer + 1);
  const eventSpan = await plausibleEventSpan(db, eventMetas, plausibleWindow(now));
  return {
    customerCount,
    dataVersion: workspace?.dataVersion ?? 0,
    batchIds: [...batches].sort(),
    timeZone: workspace?.timeZone ?? 'UTC',
    eventSpan,
    eventTypes,
  };
}

/** The customer and event blocks holding customers [from, to). */
export async function loadDatasetSlice(db: ChainLabDatabase, workspaceId: string, range: { from: number; to: number }): Promise<Dataset> {
  const [customerMetas, eventMetas, eventTypes] = await Promise.all([listBlockMetas(db, workspaceId, 'customers'), listBlockMetas(db, workspaceId, 'events'), loadEventTypes(db, workspaceId)]);
  const customers = customerMetas.filter((meta) => (meta.start ?? 0) < range.to && (meta.start ?? 0) + meta.count > range.from);
  const events = eventMetas.filter((meta) => meta.count > 0 && (!meta.stats || (meta.stats.minCustomer < range.to && meta.stats.maxCustomer >= range.from)));
  const [customerBlocks, eventBlocks] = await Promise.all([readCustomerColumns(db, customers), readEventColumns(db, events)]);
  return { customers: customerBlocks, events: eventBlocks, eventTypes };
}
