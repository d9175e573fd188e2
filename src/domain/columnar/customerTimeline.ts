import type { EventBlock } from './eventBlock';

/**
 * One customer's events in time order, gathered from the event blocks without copying the store:
 * the per-customer cursor the simulator and (issue 15) audience counts walk. Blocks are sorted
 * by (customer, time) within one import batch, so the blocks of a batch form one sorted *run*;
 * a reader keeps one position per run and, asked for customers in ascending index order, finds
 * each customer's rows with a binary search from where the previous customer ended — linear over
 * the whole store, and cheap when a shard asks only for every n-th customer.
 *
 * Order within a timeline is canonical, whatever the order of the input rows or of the event-type
 * list: time, then event-type NAME, then amount (none last), then the rows' order in the blocks.
 * So the same data read from a shuffled file simulates identically (simulation.md invariant 5).
 */
export interface CustomerTimeline {
  customer: number;
  length: number;
  ts: Float64Array;
  /** workspace event-type index */
  type: Uint16Array;
  /** NaN = none */
  amount: Float64Array;
  /** where each event lives (block index into `blocks`, row in the block): its props */
  block: Int32Array;
  row: Int32Array;
  blocks: readonly EventBlock[];
}

export interface TimelineReader {
  readonly blocks: readonly EventBlock[];
  /** Fills and returns the reader's timeline with `customer`'s events; ask in ascending customer order (a lower index restarts the scan). */
  read(customer: number): CustomerTimeline;
}

interface RunCursor {
  blocks: number[];
  /** position: index into `blocks`, row in that block */
  at: number;
  row: number;
}

/** Rank of each event-type index when the names are sorted: the canonical order of simultaneous events. */
export function eventTypeRanks(eventTypes: readonly string[]): Uint16Array {
  const order = eventTypes.map((name, index) => ({ name, index })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index));
  const ranks = new Uint16Array(eventTypes.length);
  order.forEach((entry, rank) => {
    ranks[entry.index] = rank;
  });
  return ranks;
}

function isBlockAfter(previous: EventBlock, next: EventBlock): boolean {
  if (previous.count === 0 || next.count === 0) return true;
  const lastCustomer = previous.customer[previous.count - 1]!;
  const firstCustomer = next.customer[0]!;
  if (firstCustomer !== lastCustomer) return firstCustomer > lastCustomer;
  return next.ts[0]! >= previous.ts[previous.count - 1]!;
}

/** Consecutive blocks that continue each other's (customer, time) order form one run. */
function findRuns(blocks: readonly EventBlock[]): number[][] {
  const runs: number[][] = [];
  blocks.forEach((block, index) => {
    if (block.count === 0) return;
    const current = runs[runs.length - 1];
    if (current && isBlockAfter(blocks[current[current.length - 1]!]!, block)) current.push(index);
    else runs.push([index]);
  });
  return runs;
}

function lowerBound(values: Int32Array, target: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function createTimelineReader(blocks: readonly EventBlock[], eventTypes: readonly string[]): TimelineReader {
  const ranks = eventTypeRanks(eventTypes);
  let runs: RunCursor[] = [];
  let lastCustomer = Number.POSITIVE_INFINITY;
  const timeline: CustomerTimeline = { customer: -1, length: 0, ts: new Float64Array(64), type: new Uint16Array(64), amount: new Float64Array(64), block: new Int32Array(64), row: new Int32Array(64), blocks };

  function restart(): void {
    runs = findRuns(blocks).map((run) => ({ blocks: run, at: 0, row: 0 }));
  }

  function ensureRoom(size: number): void {
    if (size <= timeline.ts.length) return;
    let capacity = timeline.ts.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Float64Array | Uint16Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(array);
      return next;
    };
    timeline.ts = grow(timeline.ts, (n) => new Float64Array(n));
    timeline.type = grow(timeline.type, (n) => new Uint16Array(n));
    timeline.amount = grow(timeline.amount, (n) => new Float64Array(n));
    timeline.block = grow(timeline.block, (n) => new Int32Array(n));
    timeline.row = grow(timeline.row, (n) => new Int32Array(n));
  }

  /** Appends the run's rows of `customer` and leaves the cursor after them. */
  function collect(run: RunCursor, customer: number): void {
    while (run.at < run.blocks.length) {
      const blockIndex = run.blocks[run.at]!;
      const block = blocks[blockIndex]!;
      if (block.customer[block.count - 1]! < customer) {
        run.at++;
        run.row = 0;
        continue;
      }
      const first = lowerBound(block.customer, customer, run.row, block.count);
      const end = lowerBound(block.customer, customer + 1, first, block.count);
      const length = timeline.length;
      ensureRoom(length + end - first);
      for (let row = first; row < end; row++) {
        const at = length + row - first;
        timeline.ts[at] = block.ts[row]!;
        timeline.type[at] = block.type[row]!;
        timeline.amount[at] = block.amount[row]!;
        timeline.block[at] = blockIndex;
        timeline.row[at] = row;
      }
      timeline.length = length + end - first;
      run.row = end;
      if (end < block.count) return;
      run.at++;
      run.row = 0;
    }
  }

  return {
    blocks,
    read(customer) {
      if (customer < lastCustomer) restart();
      lastCustomer = customer;
      timeline.customer = customer;
      timeline.length = 0;
      for (const run of runs) collect(run, customer);
      if (!isCanonical(timeline, ranks)) sortCanonical(timeline, ranks);
      return timeline;
    },
  };
}

function compareRows(timeline: CustomerTimeline, ranks: Uint16Array, a: number, b: number): number {
  const { ts, type, amount } = timeline;
  if (ts[a] !== ts[b]) return ts[a]! - ts[b]!;
  const rankA = ranks[type[a]!]!;
  const rankB = ranks[type[b]!]!;
  if (rankA !== rankB) return rankA - rankB;
  const amountA = amount[a]!;
  const amountB = amount[b]!;
  if (amountA === amountB) return 0;
  if (amountA !== amountA) return 1;
  if (amountB !== amountB) return -1;
  return amountA - amountB;
}

function isCanonical(timeline: CustomerTimeline, ranks: Uint16Array): boolean {
  const { ts } = timeline;
  for (let i = 1; i < timeline.length; i++) {
    if (ts[i]! > ts[i - 1]!) continue;
    if (ts[i]! < ts[i - 1]! || compareRows(timeline, ranks, i - 1, i) > 0) return false;
  }
  return true;
}

/** Stable sort of the timeline's rows (ties keep block order). */
function sortCanonical(timeline: CustomerTimeline, ranks: Uint16Array): void {
  const n = timeline.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareRows(timeline, ranks, a, b) || a - b);
  const ts = Float64Array.from(order, (i) => timeline.ts[i]!);
  const type = Uint16Array.from(order, (i) => timeline.type[i]!);
  const amount = Float64Array.from(order, (i) => timeline.amount[i]!);
  const block = Int32Array.from(order, (i) => timeline.block[i]!);
  const row = Int32Array.from(order, (i) => timeline.row[i]!);
  timeline.ts.set(ts);
  timeline.type.set(type);
  timeline.amount.set(amount);
  timeline.block.set(block);
  timeline.row.set(row);
}
