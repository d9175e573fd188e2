import {
  buildCustomerBlock,
  buildCustomerBlocks,
  customerAt,
  eventBlockStats,
  LISTED_REJECTS,
  UserFacingError,
  type CsvKind,
  type Customer,
  type CustomerBlock,
  type EventBlock,
  type FarDatesPolicy,
  type ImportBatch,
  type ImportCounts,
  type ImportReport,
  type RejectedRow,
} from '../../domain';
import { mergeCustomer } from '../../domain/customers/mergeCustomer';
import { cancelledError } from '../../engine/cancel';
import { newId } from '../database';
import type { BlockMeta, ChainLabDatabase } from '../schema';
import { listBlockMetas, nextBlockSeq, readCustomerColumns, readEventColumns } from './blockStore';
import { loadEventTypes } from './datasetRepository';

/**
 * Streaming, atomic import batches (data-model.md "Import rules", "Storage"). A batch is created
 * `running`; its event blocks are written while the file is still being read and stay invisible
 * (readers see only `done` batches). `commit` writes the new customers, merges into stored ones
 * (keeping their previous values for undo), extends the event-type list, flips the batch to
 * `done` and bumps the workspace's data version — all in one transaction. A cancelled, failed,
 * crashed or closed-tab import leaves a `running` (or `failed`) batch whose blocks `removeBatch`
 * deletes; `undoImportBatch` (importUndo.ts) takes a finished one back.
 *
 * One import or undo at a time per workspace (the worker holds a Web Lock); `commit` still checks
 * that the workspace did not change under it.
 */
export interface ImportSettings {
  kind: CsvKind;
  encoding?: string;
  delimiter?: string;
  hasHeader?: boolean;
  dateFormat?: string;
  timeZone: string;
  /** placeholder ids and the far-dates policy when the user changed them (absent in imports before issue 10: the defaults) */
  placeholderIds?: string[];
  farDates?: FarDatesPolicy;
  /** canonical field → source column name */
  mapping: Record<string, string>;
}

export interface ImportFileInfo {
  name: string;
  size: number;
  lastModified: number;
}

/** What an import batch keeps in `ImportBatch.report`. */
export interface StoredImport {
  settings: ImportSettings;
  file: ImportFileInfo;
  columns: string[];
  progress?: { rows: number; bytes: number };
  report?: ImportReport;
  /** rejected rows with their values (for the download), at most MAX_STORED_REJECTS */
  rejectedRows?: RejectedRow[];
  store?: { newCustomers: number; minimalCustomers: number; updatedCustomers: number };
  /** indexes of stored customers this batch changed; their previous values are in `prev:<batchId>` */
  changed?: number[];
  error?: string;
  undo?: { at: number; removedCustomers: number; keptCustomers: number; restoredCustomers: number; keptChanges: number };
}

export const MAX_STORED_REJECTS = LISTED_REJECTS;

export function storedImportOf(batch: ImportBatch): StoredImport | undefined {
  const report = batch.report as StoredImport | undefined;
  return report && typeof report === 'object' && 'settings' in report ? report : undefined;
}

export function previousValuesId(batchId: string): string {
  return `prev:${batchId}`;
}

export async function getImportBatch(db: ChainLabDatabase, batchId: string): Promise<ImportBatch | undefined> {
  return db.importBatches.get(batchId);
}

export async function listImportBatches(db: ChainLabDatabase, workspaceId: string): Promise<ImportBatch[]> {
  const batches = await db.importBatches.where('workspaceId').equals(workspaceId).toArray();
  return batches.sort((a, b) => b.createdAt - a.createdAt);
}

/** The stored customers and the end of the customer index space. */
export async function loadStoredCustomers(db: ChainLabDatabase, workspaceId: string): Promise<{ blocks: CustomerBlock[]; nextIndex: number }> {
  const blocks = await readCustomerColumns(db, await listBlockMetas(db, workspaceId, 'customers'));
  return { blocks, nextIndex: blocks.reduce((end, block) => Math.max(end, block.start + block.count), 0) };
}

export async function loadStoredEvents(db: ChainLabDatabase, workspaceId: string): Promise<EventBlock[]> {
  return readEventColumns(db, await listBlockMetas(db, workspaceId, 'events'));
}

export interface BeginImport {
  workspaceId: string;
  sourceName: string;
  settings: ImportSettings;
  file: ImportFileInfo;
  columns: string[];
}

export interface CommitImport {
  counts: ImportCounts;
  report: ImportReport;
  rejectedRows: RejectedRow[];
  /** new customers, numbered from `firstNewIndex` */
  newCustomers: Customer[];
  minimalCustomers: number;
  /** data from the file for customers already stored, by index */
  updates: Map<number, Customer>;
  /** the workspace's event types with the batch's new ones appended */
  eventTypes: string[];
}

function workspaceChanged(): UserFacingError {
  return new UserFacingError('import.workspaceChanged', 'The workspace changed while the file was imported (another tab?); nothing was stored. Import it again.');
}

/** Writes one import batch; see the module comment. */
export class ImportBatchWriter {
  private seq = 0;
  private blockCount = 0;

  private constructor(
    private readonly db: ChainLabDatabase,
    readonly batch: ImportBatch,
    /** event types and customer count when the batch began; commit checks nobody changed them */
    readonly eventTypes: string[],
    readonly firstNewIndex: number,
  ) {}

  static async begin(db: ChainLabDatabase, input: BeginImport): Promise<ImportBatchWriter> {
    const now = Date.now();
    const stored: StoredImport = { settings: input.settings, file: input.file, columns: input.columns, progress: { rows: 0, bytes: 0 } };
    const batch: ImportBatch = {
      id: newId(),
      workspaceId: input.workspaceId,
      sourceName: input.sourceName,
      kind: input.settings.kind,
      mapping: input.settings.mapping,
      counts: { read: 0, accepted: 0, merged: 0, rejected: 0 },
      status: 'running',
      createdAt: now,
      report: stored,
    };
    return db.transaction('rw', [db.importBatches, db.blocks, db.blockColumns, db.dictionaries, db.workspaces], async () => {
      if (!(await db.workspaces.get(input.workspaceId))) throw new UserFacingError('workspace.notFound', 'The workspace no longer exists.');
      await db.importBatches.add(batch);
      const [eventTypes, customers] = await Promise.all([loadEventTypes(db, input.workspaceId), listBlockMetas(db, input.workspaceId, 'customers')]);
      const writer = new ImportBatchWriter(db, batch, eventTypes, customers.reduce((end, meta) => Math.max(end, (meta.start ?? 0) + meta.count), 0));
      writer.seq = await nextBlockSeq(db, input.workspaceId, 'events');
      return writer;
    });
  }

  get blocksWritten(): number {
    return this.blockCount;
  }

  /** Stores event blocks of the running batch (invisible until commit) and the progress so far. */
  async writeEvents(blocks: readonly EventBlock[], progress: { rows: number; bytes: number }): Promise<void> {
    const { db, batch } = this;
    await db.transaction('rw', [db.importBatches, db.blocks, db.blockColumns], async () => {
      const current = await db.importBatches.get(batch.id);
      if (current?.status !== 'running') throw cancelledError();
      for (const columns of blocks) {
        const id = newId();
        await db.blockColumns.add({ id, kind: 'events', columns });
        await db.blocks.add({ id, workspaceId: batch.workspaceId, batchId: batch.id, kind: 'events', seq: this.seq++, count: columns.count, stats: eventBlockStats(columns) });
        this.blockCount++;
      }
      await db.importBatches.update(batch.id, { report: { ...(current.report as StoredImport), progress } });
    });
  }

  /** Makes the batch visible, atomically; see the module comment. */
  async commit(input: CommitImport): Promise<ImportBatch> {
    const { db, batch } = this;
    const tables = [db.workspaces, db.blocks, db.blockColumns, db.dictionaries, db.importBatches];
    return db.transaction('rw', tables, async () => {
      const current = await db.importBatches.get(batch.id);
      if (current?.status !== 'running') throw cancelledError();
      const storedTypes = await loadEventTypes(db, batch.workspaceId);
      if (storedTypes.some((type, i) => input.eventTypes[i] !== type) || storedTypes.length > input.eventTypes.length) throw workspaceChanged();
      const customerMetas = await listBlockMetas(db, batch.workspaceId, 'customers');
      const nextIndex = customerMetas.reduce((end, meta) => Math.max(end, (meta.start ?? 0) + meta.count), 0);
      if (nextIndex !== this.firstNewIndex) throw workspaceChanged();
      const changed = await mergeIntoStored(db, batch.id, customerMetas, input.updates);
      let seq = await nextBlockSeq(db, batch.workspaceId, 'customers');
      for (const columns of buildCustomerBlocks(input.newCustomers, this.firstNewIndex)) {
        const id = newId();
        await db.blockColumns.add({ id, kind: 'customers', columns });
        await db.blocks.add({ id, workspaceId: batch.workspaceId, batchId: batch.id, kind: 'customers', seq: seq++, count: columns.count, start: columns.start });
      }
      await db.dictionaries.put({ workspaceId: batch.workspaceId, eventTypes: input.eventTypes });
      const stored: StoredImport = {
        ...(current.report as StoredImport),
        report: input.report,
        rejectedRows: input.rejectedRows.slice(0, MAX_STORED_REJECTS),
        store: { newCustomers: input.newCustomers.length - input.minimalCustomers, minimalCustomers: input.minimalCustomers, updatedCustomers: changed.length },
        changed,
      };
      delete stored.progress;
      const done: Partial<ImportBatch> = { status: 'done', counts: input.counts, finishedAt: Date.now(), report: stored };
      await db.importBatches.update(batch.id, done);
      const workspace = await db.workspaces.get(batch.workspaceId);
      if (!workspace) throw new UserFacingError('workspace.notFound', 'The workspace no longer exists.');
      // A re-import that added and changed nothing leaves the data — and every cache keyed on its version — as it was.
      const hasChanged = this.blockCount > 0 || input.newCustomers.length > 0 || changed.length > 0 || input.eventTypes.length > storedTypes.length;
      if (hasChanged) await db.workspaces.update(batch.workspaceId, { dataVersion: workspace.dataVersion + 1, updatedAt: Date.now() });
      return { ...current, ...done };
    });
  }

  /** Gives up the batch: its blocks are deleted and it is marked failed (or rolled back when cancelled). */
  async abandon(reason: string, isCancel: boolean): Promise<void> {
    await removeBatch(this.db, this.batch.id, isCancel ? undefined : reason);
  }
}

/**
 * Merges file data into stored customers: rewrites the blocks holding them and keeps their
 * previous values (in `prev:<batchId>`, in the order of the returned index list) for undo.
 * Customers whose merged record equals the stored one are left alone.
 */
async function mergeIntoStored(db: ChainLabDatabase, batchId: string, metas: BlockMeta[], updates: Map<number, Customer>): Promise<number[]> {
  if (updates.size === 0) return [];
  const blocks = await readCustomerColumns(db, metas);
  const changed: number[] = [];
  const previous: Customer[] = [];
  for (const [position, block] of blocks.entries()) {
    let customers: Customer[] | undefined;
    for (let row = 0; row < block.count; row++) {
      const update = updates.get(block.start + row);
      if (!update) continue;
      const before = customerAt(block, row);
      const after = mergeCustomer(before, { ...update, id: before.id });
      if (JSON.stringify(after) === JSON.stringify(before)) continue;
      customers ??= Array.from({ length: block.count }, (_, r) => customerAt(block, r));
      customers[row] = after;
      changed.push(block.start + row);
      previous.push(before);
    }
    if (customers) await db.blockColumns.put({ id: metas[position]!.id, kind: 'customers', columns: buildCustomerBlock(customers, block.start) });
  }
  if (previous.length) await db.blockColumns.put({ id: previousValuesId(batchId), kind: 'customers', columns: buildCustomerBlock(previous, 0) });
  return changed;
}

/**
 * Deletes the blocks of a batch that never finished (cancelled, failed, interrupted) and marks
 * it rolled back — or failed, with `error`. Finished batches are undone with undoImportBatch.
 */
export async function removeBatch(db: ChainLabDatabase, batchId: string, error?: string): Promise<void> {
  await db.transaction('rw', [db.importBatches, db.blocks, db.blockColumns], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) return;
    if (batch.status === 'done') throw new UserFacingError('import.batchDone', 'This import is finished; undo it instead.');
    const ids = await db.blocks.where('batchId').equals(batchId).primaryKeys();
    await db.blockColumns.bulkDelete([...ids, previousValuesId(batchId)]);
    await db.blocks.bulkDelete(ids);
    const stored = storedImportOf(batch);
    const report = stored ? { ...stored, progress: undefined, ...(error ? { error } : {}) } : batch.report;
    await db.importBatches.update(batchId, { status: error ? 'failed' : 'rolled_back', finishedAt: Date.now(), report });
  });
}
