import type { CustomerBlock, EventBlock } from '../../domain';
import { plausibleSpan, type PlausibleSpan, type PlausibleWindow } from '../../domain/time';
import { BLOCK_COLUMNS_FORMAT } from '../records/blockFormats';
import { BLOCK_META_FORMAT } from '../records/catalogueFormats';
import { idOf, requiredRows } from '../records/readRecords';
import type { BlockKind, BlockMeta, ChainLabDatabase } from '../schema';

/** Ids of the batches whose rows are visible: finished ones. Running or failed batches are not. */
export async function liveBatchIds(db: ChainLabDatabase, workspaceId: string): Promise<Set<string>> {
  const batches = await db.importBatches.where('workspaceId').equals(workspaceId).toArray();
  return new Set(batches.filter((batch) => batch.status === 'done').map((batch) => batch.id));
}

/** Metadata of the live blocks of one kind, in write order. Reads no columns. */
export async function listBlockMetas(db: ChainLabDatabase, workspaceId: string, kind: BlockKind): Promise<BlockMeta[]> {
  const live = await liveBatchIds(db, workspaceId);
  const metas = await db.blocks
    .where('[workspaceId+kind+seq]')
    .between([workspaceId, kind, -Infinity], [workspaceId, kind, Infinity])
    .toArray();
  return requiredRows('blocks', BLOCK_META_FORMAT, metas.filter((meta) => live.has(meta.batchId)), idOf);
}

export async function nextBlockSeq(db: ChainLabDatabase, workspaceId: string, kind: BlockKind): Promise<number> {
  const last = await db.blocks
    .where('[workspaceId+kind+seq]')
    .between([workspaceId, kind, -Infinity], [workspaceId, kind, Infinity])
    .last();
  return last ? last.seq + 1 : 0;
}

/** The blocks' columns, each checked against its format; a block that cannot be read stops the read (readRecords.ts). */
async function readColumns(db: ChainLabDatabase, metas: readonly BlockMeta[]) {
  const records = (await db.blockColumns.bulkGet(metas.map((meta) => meta.id))).filter((record) => record !== undefined);
  return requiredRows('blockColumns', BLOCK_COLUMNS_FORMAT, records, idOf);
}

export async function readEventColumns(db: ChainLabDatabase, metas: readonly BlockMeta[]): Promise<EventBlock[]> {
  return (await readColumns(db, metas)).flatMap((record) => (record.kind === 'events' ? [record.columns] : []));
}

export async function readCustomerColumns(db: ChainLabDatabase, metas: readonly BlockMeta[]): Promise<CustomerBlock[]> {
  return (await readColumns(db, metas)).flatMap((record) => (record.kind === 'customers' ? [record.columns] : []));
}

/**
 * The first and last plausible instant of these event blocks (a row dated 9999 or 1900 left out),
 * and how many rows lie outside. Blocks whose statistics lie wholly inside the window give their
 * span unread; only the others are scanned.
 */
export async function plausibleEventSpan(db: ChainLabDatabase, eventMetas: readonly BlockMeta[], window: PlausibleWindow): Promise<PlausibleSpan> {
  const isInside = (meta: BlockMeta) => Boolean(meta.stats) && meta.stats!.minTs >= window.from && meta.stats!.maxTs <= window.to;
  const inside = eventMetas.filter((meta) => meta.count > 0 && isInside(meta));
  const straddling = eventMetas.filter((meta) => meta.count > 0 && !isInside(meta));
  const straddlingColumns = straddling.length ? (await readEventColumns(db, straddling)).map((block) => block.ts.subarray(0, block.count)) : [];
  return plausibleSpan([...inside.map((meta) => [meta.stats!.minTs, meta.stats!.maxTs]), ...straddlingColumns], window);
}
