import type { CrmEvent } from '../model';
import { buildDictColumns, dictRecordAt, type DictColumn } from './dictColumn';

/**
 * Events as columns (data-model.md "Storage"). Rows are sorted by (customer, ts) so that one
 * customer's events are contiguous and a block covers a small customer-index range: the
 * customer card finds a timeline by that range instead of scanning every event.
 * `customer` indexes the workspace's customer list, `type` the workspace's event-type list.
 * `amount` is NaN where the event has none. The block belongs to one import batch.
 */
export interface EventBlock {
  count: number;
  ts: Float64Array;
  amount: Float64Array;
  customer: Int32Array;
  type: Uint16Array;
  props: Record<string, DictColumn>;
}

/** An event whose customer and type are already resolved to dictionary indexes. */
export interface IndexedEvent {
  customer: number;
  type: number;
  ts: number;
  amount?: number;
  props: Record<string, string>;
}

export interface EventBlockStats {
  count: number;
  minTs: number;
  maxTs: number;
  minCustomer: number;
  maxCustomer: number;
  /** event-type index → count */
  typeCounts: Record<number, number>;
  /** Σ amount of `order` events minus `return` amounts is computed by readers; this is Σ amount. */
  amountSum: number;
}

export const DEFAULT_EVENT_BLOCK_SIZE = 32_768;

/**
 * The (customer, ts, type) order of `events` as indexes. A counting sort by customer index
 * (stable, linear) followed by sorting each customer's own run, which is usually already in
 * time order: far cheaper than comparing a million objects.
 */
export function eventSortOrder(events: readonly IndexedEvent[]): Uint32Array {
  let maxCustomer = -1;
  for (const event of events) if (event.customer > maxCustomer) maxCustomer = event.customer;
  const starts = new Uint32Array(maxCustomer + 2);
  for (const event of events) starts[event.customer + 1]! += 1;
  for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
  const next = starts.slice();
  const order = new Uint32Array(events.length);
  events.forEach((event, index) => {
    order[next[event.customer]!++] = index;
  });
  for (let c = 0; c <= maxCustomer; c++) sortRun(events, order, starts[c]!, starts[c + 1]!);
  return order;
}

function isBefore(a: IndexedEvent, b: IndexedEvent): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.type < b.type);
}

function sortRun(events: readonly IndexedEvent[], order: Uint32Array, from: number, to: number): void {
  let isSorted = true;
  for (let i = from + 1; i < to && isSorted; i++) isSorted = !isBefore(events[order[i]!]!, events[order[i - 1]!]!);
  if (isSorted) return;
  const run = Array.from(order.subarray(from, to)).sort((a, b) => events[a]!.ts - events[b]!.ts || events[a]!.type - events[b]!.type || a - b);
  order.set(run, from);
}

/** Sorts by (customer, ts) and cuts into blocks of at most `blockSize` rows. */
export function buildEventBlocks(events: readonly IndexedEvent[], blockSize = DEFAULT_EVENT_BLOCK_SIZE): EventBlock[] {
  const order = eventSortOrder(events);
  const blocks: EventBlock[] = [];
  for (let start = 0; start < events.length; start += blockSize) {
    const rows = order.subarray(start, Math.min(start + blockSize, events.length));
    blocks.push(buildEventBlock(Array.from(rows, (index) => events[index]!)));
  }
  return blocks;
}

/** A block with room for `capacity` rows, its columns zeroed, without props. */
export function allocateEventBlock(capacity: number, count = capacity): EventBlock {
  return { count, ts: new Float64Array(capacity), amount: new Float64Array(capacity), customer: new Int32Array(capacity), type: new Uint16Array(capacity), props: {} };
}

/** Rows are taken in the given order. */
export function buildEventBlock(rows: readonly IndexedEvent[]): EventBlock {
  const count = rows.length;
  const block = allocateEventBlock(count);
  block.props = buildDictColumns(count, (row) => rows[row]!.props);
  for (let row = 0; row < count; row++) {
    const event = rows[row]!;
    block.ts[row] = event.ts;
    block.amount[row] = event.amount ?? Number.NaN;
    block.customer[row] = event.customer;
    block.type[row] = event.type;
  }
  return block;
}

export function eventBlockStats(block: EventBlock): EventBlockStats {
  const stats: EventBlockStats = {
    count: block.count,
    minTs: Number.POSITIVE_INFINITY,
    maxTs: Number.NEGATIVE_INFINITY,
    minCustomer: Number.POSITIVE_INFINITY,
    maxCustomer: Number.NEGATIVE_INFINITY,
    typeCounts: {},
    amountSum: 0,
  };
  for (let row = 0; row < block.count; row++) {
    const ts = block.ts[row]!;
    const customer = block.customer[row]!;
    const type = block.type[row]!;
    const amount = block.amount[row]!;
    if (ts < stats.minTs) stats.minTs = ts;
    if (ts > stats.maxTs) stats.maxTs = ts;
    if (customer < stats.minCustomer) stats.minCustomer = customer;
    if (customer > stats.maxCustomer) stats.maxCustomer = customer;
    stats.typeCounts[type] = (stats.typeCounts[type] ?? 0) + 1;
    if (!Number.isNaN(amount)) stats.amountSum += amount;
  }
  return stats;
}

/** Rows of `customer` in a block sorted by (customer, ts): [first, end). */
export function customerRowRange(block: EventBlock, customer: number): [number, number] {
  const first = lowerBound(block.customer, customer, block.count);
  const end = lowerBound(block.customer, customer + 1, block.count);
  return [first, end];
}

function lowerBound(values: Int32Array, target: number, length: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Decodes one row back into an event, with ids and type names from the dictionaries. */
export function eventAt(
  block: EventBlock,
  row: number,
  customerIds: ArrayLike<string>,
  eventTypes: readonly string[],
): CrmEvent {
  const amount = block.amount[row]!;
  const event: CrmEvent = {
    customerId: customerIds[block.customer[row]!] ?? '',
    type: eventTypes[block.type[row]!] ?? 'unknown',
    ts: block.ts[row]!,
    props: dictRecordAt(block.props, row),
  };
  if (!Number.isNaN(amount)) event.amount = amount;
  return event;
}
