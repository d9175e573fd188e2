import {
  buildCustomerBlocks,
  buildEventBlocks,
  customerAt,
  customerRowRange,
  eventAt,
  eventBlockStats,
  indexEvents,
  planCustomers,
  type CrmEvent,
  type Customer,
  type CustomerBlock,
  type CustomerPlan,
  type EventBlock,
  type ImportBatch,
  type ImportCounts,
  type BatchSource,
} from '../../domain';
import { buildCustomerBlock } from '../../domain/columnar/customerBlock';
import { plausibleWindow } from '../../domain/time';
import type { Dataset } from '../../engine/port';
import { newId } from '../database';
import { DICTIONARIES_FORMAT } from '../records/catalogueFormats';
import { requiredRows } from '../records/readRecords';
import type { BlockMeta, ChainLabDatabase } from '../schema';
import { listBlockMetas, nextBlockSeq, plausibleEventSpan, readCustomerColumns, readEventColumns } from './blockStore';

export type { Dataset } from '../../engine/port';

export async function loadEventTypes(db: ChainLabDatabase, workspaceId: string): Promise<string[]> {
  const record = await db.dictionaries.get(workspaceId);
  return record ? requiredRows('dictionaries', DICTIONARIES_FORMAT, [record], () => workspaceId)[0]!.eventTypes : [];
}

export async function loadCustomerBlocks(db: ChainLabDatabase, workspaceId: string): Promise<CustomerBlock[]> {
  return readCustomerColumns(db, await listBlockMetas(db, workspaceId, 'customers'));
}

export async function loadDataset(db: ChainLabDatabase, workspaceId: string): Promise<Dataset> {
  const [customers, eventMetas, eventTypes] = await Promise.all([
    loadCustomerBlocks(db, workspaceId),
    listBlockMetas(db, workspaceId, 'events'),
    loadEventTypes(db, workspaceId),
  ]);
  return { customers, events: await readEventColumns(db, eventMetas), eventTypes };
}

/** One customer by workspace index, reading only the block that holds it. */
export async function loadCustomer(db: ChainLabDatabase, workspaceId: string, index: number): Promise<Customer | undefined> {
  const metas = await listBlockMetas(db, workspaceId, 'customers');
  const meta = metas.find((m) => m.start !== undefined && m.start <= index && index < m.start + m.count);
  if (!meta) return undefined;
  const [block] = await readCustomerColumns(db, [meta]);
  return block ? customerAt(block, index - block.start) : undefined;
}

/**
 * One customer's events, oldest first. Only the blocks whose customer range holds the
 * customer are read (blocks are sorted by customer), not every event of the workspace.
 */
export async function loadTimeline(
  db: ChainLabDatabase,
  workspaceId: string,
  customer: { index: number; id: string },
): Promise<CrmEvent[]> {
  const metas = (await listBlockMetas(db, workspaceId, 'events')).filter(
    (meta) => meta.stats && meta.stats.minCustomer <= customer.index && customer.index <= meta.stats.maxCustomer,
  );
  const [blocks, eventTypes] = await Promise.all([readEventColumns(db, metas), loadEventTypes(db, workspaceId)]);
  const ids = { length: customer.index + 1, [customer.index]: customer.id } as ArrayLike<string>;
  const events: CrmEvent[] = [];
  for (const block of blocks) {
    const [first, end] = customerRowRange(block, customer.index);
    for (let row = first; row < end; row++) events.push(eventAt(block, row, ids, eventTypes));
  }
  return events.sort((a, b) => a.ts - b.ts);
}

export interface WorkspaceStats {
  customers: number;
  events: number;
  firstTs: number | null;
  lastTs: number | null;
  /**
   * The last event inside the plausible dates (a row dated 9999 left out): what "end of data"
   * and every default date are taken from; null without such events.
   */
  lastPlausibleTs: number | null;
  /** the first event inside the plausible dates; null without such events */
  firstPlausibleTs: number | null;
  /** events dated outside the plausible dates (kept, but no range or default date is taken from them) */
  outsidePlausible: number;
  eventTypes: { type: string; count: number }[];
}

/** Counts from block metadata (instant even for millions of events); only blocks holding a far date are read. */
export async function loadWorkspaceStats(db: ChainLabDatabase, workspaceId: string, now = Date.now()): Promise<WorkspaceStats> {
  const [customerMetas, eventMetas, eventTypes] = await Promise.all([
    listBlockMetas(db, workspaceId, 'customers'),
    listBlockMetas(db, workspaceId, 'events'),
    loadEventTypes(db, workspaceId),
  ]);
  const counts = new Map<number, number>();
  let firstTs = Number.POSITIVE_INFINITY;
  let lastTs = Number.NEGATIVE_INFINITY;
  let events = 0;
  for (const meta of eventMetas) {
    if (!meta.stats) continue;
    events += meta.count;
    firstTs = Math.min(firstTs, meta.stats.minTs);
    lastTs = Math.max(lastTs, meta.stats.maxTs);
    for (const [type, count] of Object.entries(meta.stats.typeCounts)) {
      counts.set(Number(type), (counts.get(Number(type)) ?? 0) + count);
    }
  }
  const plausible = await plausibleEventSpan(db, eventMetas, plausibleWindow(now));
  return {
    customers: customerMetas.reduce((sum, meta) => sum + meta.count, 0),
    events,
    firstTs: events ? firstTs : null,
    lastTs: events ? lastTs : null,
    lastPlausibleTs: Number.isFinite(plausible.last) ? plausible.last : null,
    firstPlausibleTs: Number.isFinite(plausible.first) ? plausible.first : null,
    outsidePlausible: plausible.outside,
    eventTypes: [...counts]
      .map(([type, count]) => ({ type: eventTypes[type] ?? `#${type}`, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

export interface DataBatchInput {
  workspaceId: string;
  sourceName: string;
  kind: BatchSource;
  mapping?: Record<string, string>;
  counts?: ImportCounts;
  report?: unknown;
  customers: readonly Customer[];
  events: readonly CrmEvent[];
}

export interface DataBatchResult {
  batch: ImportBatch;
  newCustomers: number;
  mergedCustomers: number;
  /** customers created only because an event referred to them */
  minimalCustomers: number;
}

/**
 * Writes customers and events as one batch, atomically: blocks, dictionaries, the batch
 * record and the workspace's data version change in one transaction or not at all.
 * Customers whose id already exists are merged into the stored record (its block rewritten).
 */
export async function writeDataBatch(db: ChainLabDatabase, input: DataBatchInput): Promise<DataBatchResult> {
  const tables = [db.workspaces, db.blocks, db.blockColumns, db.dictionaries, db.importBatches];
  return db.transaction('rw', tables, async () => {
    const customerMetas = await listBlockMetas(db, input.workspaceId, 'customers');
    const storedBlocks = await readCustomerColumns(db, customerMetas);
    const plan = planCustomers(storedBlocks, input.customers, input.events);
    const eventTypes = await loadEventTypes(db, input.workspaceId);
    const indexedEvents = indexEvents(input.events, plan.indexOf, eventTypes);

    const batch = newBatch(input, plan);
    await db.importBatches.add(batch);
    await rewriteMergedCustomers(db, customerMetas, storedBlocks, plan.merges);
    await addCustomerBlocks(db, batch, buildCustomerBlocks(plan.newCustomers, plan.firstNewIndex));
    await addEventBlocks(db, batch, buildEventBlocks(indexedEvents));
    await db.dictionaries.put({ workspaceId: input.workspaceId, eventTypes });
    const workspace = await db.workspaces.get(input.workspaceId);
    if (!workspace) throw new Error(`Workspace ${input.workspaceId} does not exist.`);
    await db.workspaces.update(input.workspaceId, { dataVersion: workspace.dataVersion + 1, updatedAt: Date.now() });
    return {
      batch,
      newCustomers: plan.newCustomers.length - plan.minimalCustomers,
      mergedCustomers: plan.merges.size,
      minimalCustomers: plan.minimalCustomers,
    };
  });
}

function newBatch(input: DataBatchInput, plan: CustomerPlan): ImportBatch {
  const now = Date.now();
  const accepted = plan.newCustomers.length - plan.minimalCustomers + input.events.length;
  return {
    id: newId(),
    workspaceId: input.workspaceId,
    sourceName: input.sourceName,
    kind: input.kind,
    mapping: input.mapping ?? {},
    counts: input.counts ?? { read: accepted + plan.merges.size, accepted, merged: plan.merges.size, rejected: 0 },
    status: 'done',
    createdAt: now,
    finishedAt: now,
    report: input.report,
  };
}

async function rewriteMergedCustomers(
  db: ChainLabDatabase,
  metas: BlockMeta[],
  blocks: CustomerBlock[],
  merges: Map<number, Customer>,
): Promise<void> {
  for (const [position, block] of blocks.entries()) {
    const touched = [...merges.keys()].filter((index) => block.start <= index && index < block.start + block.count);
    if (touched.length === 0) continue;
    const customers = Array.from({ length: block.count }, (_, row) => merges.get(block.start + row) ?? customerAt(block, row));
    await db.blockColumns.put({ id: metas[position]!.id, kind: 'customers', columns: buildCustomerBlock(customers, block.start) });
  }
}

async function addCustomerBlocks(db: ChainLabDatabase, batch: ImportBatch, blocks: CustomerBlock[]): Promise<void> {
  let seq = await nextBlockSeq(db, batch.workspaceId, 'customers');
  for (const columns of blocks) {
    const id = newId();
    await db.blocks.add({ id, workspaceId: batch.workspaceId, batchId: batch.id, kind: 'customers', seq: seq++, count: columns.count, start: columns.start });
    await db.blockColumns.add({ id, kind: 'customers', columns });
  }
}

async function addEventBlocks(db: ChainLabDatabase, batch: ImportBatch, blocks: EventBlock[]): Promise<void> {
  let seq = await nextBlockSeq(db, batch.workspaceId, 'events');
  for (const columns of blocks) {
    const id = newId();
    await db.blocks.add({ id, workspaceId: batch.workspaceId, batchId: batch.id, kind: 'events', seq: seq++, count: columns.count, stats: eventBlockStats(columns) });
    await db.blockColumns.add({ id, kind: 'events', columns });
  }
}
