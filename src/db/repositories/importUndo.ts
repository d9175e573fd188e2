import { buildCustomerBlock, customerAt, eventBlockStats, UserFacingError, type Customer, type EventBlock, type ImportBatch } from '../../domain';
import { DEFAULT_CUSTOMER_BLOCK_SIZE } from '../../domain/columnar/customerBlock';
import type { UndoResult } from '../../engine/import/importTypes';
import { newId } from '../database';
import type { BlockMeta, ChainLabDatabase } from '../schema';
import { listBlockMetas, nextBlockSeq, readCustomerColumns } from './blockStore';
import { previousValuesId, storedImportOf, type StoredImport } from './importRepository';

/**
 * Undo of any finished batch, from the import history — the last one or an older one — in one
 * transaction:
 * - its events go;
 * - stored customers it changed get their previous values back, unless a later import changed
 *   them too (then they keep their current values: undoing must not destroy later work);
 * - customers it added go, unless other imports refer to them (events of a later file about
 *   that customer, or later changes): those stay, now belonging to the earliest such import;
 * - customer indexes stay dense: when customers go from the middle, the later ones move up
 *   and every event block is renumbered (indexes keep their order, so blocks stay sorted).
 */
export type { UndoResult } from '../../engine/import/importTypes';

interface CustomerTableState {
  customers: (Customer | undefined)[];
  owner: string[];
}

async function loadCustomerState(db: ChainLabDatabase, metas: BlockMeta[]): Promise<CustomerTableState> {
  const blocks = await readCustomerColumns(db, metas);
  const size = blocks.reduce((end, block) => Math.max(end, block.start + block.count), 0);
  const state: CustomerTableState = { customers: new Array(size).fill(undefined), owner: new Array(size).fill('') };
  blocks.forEach((block, position) => {
    for (let row = 0; row < block.count; row++) {
      state.customers[block.start + row] = customerAt(block, row);
      state.owner[block.start + row] = metas[position]!.batchId;
    }
  });
  return state;
}

function changedOf(batch: ImportBatch): number[] {
  return storedImportOf(batch)?.changed ?? [];
}

/** Puts back the previous values of customers `target` changed; returns [restored, kept]. */
async function restorePrevious(db: ChainLabDatabase, target: ImportBatch, later: ImportBatch[], state: CustomerTableState): Promise<[number, number]> {
  const changed = changedOf(target);
  if (changed.length === 0) return [0, 0];
  const record = await db.blockColumns.get(previousValuesId(target.id));
  if (record?.kind !== 'customers') return [0, changed.length];
  const changedLater = new Set(later.flatMap(changedOf));
  let restored = 0;
  changed.forEach((index, row) => {
    if (changedLater.has(index) || !state.customers[index]) return;
    state.customers[index] = customerAt(record.columns, row);
    restored++;
  });
  return [restored, changed.length - restored];
}

/** For each customer, the position (in `batches`) of the earliest batch other than `target` that refers to it; -1 none. */
async function referencingBatches(db: ChainLabDatabase, batches: ImportBatch[], target: ImportBatch, eventMetas: BlockMeta[], size: number): Promise<Int32Array> {
  const position = new Map(batches.map((batch, i) => [batch.id, i]));
  const earliest = new Int32Array(size).fill(-1);
  const mark = (index: number, at: number) => {
    if (index < size && (earliest[index] === -1 || at < earliest[index]!)) earliest[index] = at;
  };
  const others = eventMetas.filter((meta) => meta.batchId !== target.id);
  const records = await db.blockColumns.bulkGet(others.map((meta) => meta.id));
  records.forEach((record, i) => {
    if (record?.kind !== 'events') return;
    const at = position.get(others[i]!.batchId)!;
    const customers = record.columns.customer;
    for (let row = 0; row < customers.length; row++) mark(customers[row]!, at);
  });
  batches.forEach((batch, at) => {
    if (batch.id !== target.id) for (const index of changedOf(batch)) mark(index, at);
  });
  return earliest;
}

/** old index → new index (-1 for removed), or undefined when nothing moves. */
function renumbering(size: number, removed: Set<number>): Int32Array | undefined {
  if (removed.size === 0) return undefined;
  const mapping = new Int32Array(size);
  let next = 0;
  for (let index = 0; index < size; index++) mapping[index] = removed.has(index) ? -1 : next++;
  return mapping;
}

async function rewriteCustomers(db: ChainLabDatabase, workspaceId: string, metas: BlockMeta[], state: CustomerTableState, mapping: Int32Array | undefined): Promise<void> {
  let seq = await nextBlockSeq(db, workspaceId, 'customers');
  await db.blockColumns.bulkDelete(metas.map((meta) => meta.id));
  await db.blocks.bulkDelete(metas.map((meta) => meta.id));
  let run: Customer[] = [];
  let runOwner = '';
  let runStart = 0;
  const flush = async () => {
    if (run.length === 0) return;
    const id = newId();
    const columns = buildCustomerBlock(run, runStart);
    await db.blockColumns.add({ id, kind: 'customers', columns });
    await db.blocks.add({ id, workspaceId, batchId: runOwner, kind: 'customers', seq: seq++, count: columns.count, start: columns.start });
    run = [];
  };
  for (let index = 0; index < state.customers.length; index++) {
    const customer = state.customers[index];
    if (!customer) continue;
    const newIndex = mapping ? mapping[index]! : index;
    const owner = state.owner[index]!;
    if (owner !== runOwner || run.length >= DEFAULT_CUSTOMER_BLOCK_SIZE || newIndex !== runStart + run.length) {
      await flush();
      runOwner = owner;
      runStart = newIndex;
    }
    run.push(customer);
  }
  await flush();
}

async function renumberEvents(db: ChainLabDatabase, metas: BlockMeta[], mapping: Int32Array, firstRemoved: number): Promise<void> {
  const affected = metas.filter((meta) => meta.stats && meta.stats.maxCustomer >= firstRemoved);
  const records = await db.blockColumns.bulkGet(affected.map((meta) => meta.id));
  for (const [i, record] of records.entries()) {
    if (record?.kind !== 'events') continue;
    const columns: EventBlock = { ...record.columns, customer: Int32Array.from(record.columns.customer, (index) => mapping[index]!) };
    await db.blockColumns.put({ id: record.id, kind: 'events', columns });
    await db.blocks.update(affected[i]!.id, { stats: eventBlockStats(columns) });
  }
}

async function remapChanged(db: ChainLabDatabase, batches: ImportBatch[], mapping: Int32Array): Promise<void> {
  for (const batch of batches) {
    const stored = storedImportOf(batch);
    if (!stored?.changed?.length) continue;
    const report: StoredImport = { ...stored, changed: stored.changed.map((index) => mapping[index]!) };
    await db.importBatches.update(batch.id, { report });
  }
}

export async function undoImportBatch(db: ChainLabDatabase, workspaceId: string, batchId: string): Promise<UndoResult> {
  const tables = [db.workspaces, db.importBatches, db.blocks, db.blockColumns, db.dictionaries];
  return db.transaction('rw', tables, async () => {
    const batches = (await db.importBatches.where('workspaceId').equals(workspaceId).toArray()).filter((batch) => batch.status === 'done').sort((a, b) => a.createdAt - b.createdAt);
    const target = batches.find((batch) => batch.id === batchId);
    if (!target) throw new UserFacingError('import.notUndoable', 'This import is not in the workspace any more, or was not finished.');
    const later = batches.slice(batches.indexOf(target) + 1);
    const [customerMetas, eventMetas] = await Promise.all([listBlockMetas(db, workspaceId, 'customers'), listBlockMetas(db, workspaceId, 'events')]);
    const state = await loadCustomerState(db, customerMetas);
    const [restoredCustomers, keptChanges] = await restorePrevious(db, target, later, state);
    const earliest = await referencingBatches(db, batches, target, eventMetas, state.customers.length);
    const removed = new Set<number>();
    let keptCustomers = 0;
    state.owner.forEach((owner, index) => {
      if (owner !== target.id) return;
      if (earliest[index]! >= 0) {
        state.owner[index] = batches[earliest[index]!]!.id;
        keptCustomers++;
      } else {
        removed.add(index);
        state.customers[index] = undefined;
      }
    });
    const mapping = renumbering(state.customers.length, removed);
    if (restoredCustomers > 0 || removed.size > 0 || keptCustomers > 0) await rewriteCustomers(db, workspaceId, customerMetas, state, mapping);
    const ownEvents = eventMetas.filter((meta) => meta.batchId === target.id);
    await db.blockColumns.bulkDelete([...ownEvents.map((meta) => meta.id), previousValuesId(target.id)]);
    await db.blocks.bulkDelete(ownEvents.map((meta) => meta.id));
    if (mapping) {
      await renumberEvents(db, eventMetas.filter((meta) => meta.batchId !== target.id), mapping, Math.min(...removed));
      await remapChanged(db, batches.filter((batch) => batch.id !== target.id), mapping);
    }
    const result: UndoResult = { removedEvents: ownEvents.reduce((sum, meta) => sum + meta.count, 0), removedCustomers: removed.size, keptCustomers, restoredCustomers, keptChanges };
    const stored = storedImportOf(target);
    const undo = { at: Date.now(), removedCustomers: removed.size, keptCustomers, restoredCustomers, keptChanges };
    await db.importBatches.update(target.id, { status: 'rolled_back', report: stored ? { ...stored, undo } : target.report });
    const workspace = await db.workspaces.get(workspaceId);
    if (workspace) await db.workspaces.update(workspaceId, { dataVersion: workspace.dataVersion + 1, updatedAt: Date.now() });
    return result;
  });
}
