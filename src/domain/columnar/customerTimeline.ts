import type { EventBlock } from './eventBlock';

/**
 * One customer's events in time order, gathered from the event blocks without copying the store:
 * the per-customer cursor the simulator and (issue 15) audience counts walk. Blocks are sorted
 * by (customer, time) within one import batch, so the blocks of a batch form one sorted *run*;
 * a reader keeps one position per run and, asked for customers in ascending index order, finds
 * each customer's rows from where the previous customer ended (a binary search only when
 * customers are skipped, as in a shard) — linear over the whole store. When all of a customer's
 * rows sit in one block, already in canonical order (the usual case), the timeline points into
 * that block: nothing is copied. Otherwise they are copied into the reader's own arrays.
 *
 * Order within a timeline is canonical, whatever the order of the input rows or of the event-type
 * list: time, then event-type NAME, then amount (none last), then the rows' order in the blocks.
 * So the same data read from a shuffled file simulates identically (simulation.md invariant 5).
 */
export interface CustomerTimeline {
  customer: number;
  /** the customer's events are rows [start, end) of the arrays */
  start: number;
  end: number;
  ts: Float64Array;
  /** workspace event-type index */
  type: Uint16Array;
  /** NaN = none */
  amount: Float64Array;
  /** where each event lives (block index into `blocks`, row in the block), for its props; null: row i is row i of blocks[directBlock] */
  block: Int32Array | null;
  row: Int32Array | null;
  directBlock: number;
  blocks: readonly EventBlock[];
}

/** The block and row of timeline row `index` (for its props). */
export function timelineBlock(timeline: CustomerTimeline, index: number): EventBlock {
  return timeline.blocks[timeline.block ? timeline.block[index]! : timeline.directBlock]!;
}

export function timelineRow(timeline: CustomerTimeline, index: number): number {
  return timeline.row ? timeline.row[index]! : index;
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

/** The first index in [from, to) of the ascending `values` holding `target` or more (`to` if none). */
export function lowerBound(values: Int32Array, target: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The end of `customer`'s rows that start at `first` in the ascending `values` (`first` if there
 * are none). A galloping search: a customer has tens to hundreds of rows, and stepping over them
 * one by one would read the whole customer column once more per run.
 */
export function endOfCustomerRows(values: Int32Array, customer: number, first: number, to: number): number {
  if (first >= to || values[first] !== customer) return first;
  // values[known] is the customer's; values[known + step] is not (or out of range) when the loop ends
  let known = first;
  let step = 1;
  while (known + step < to && values[known + step] === customer) {
    known += step;
    step *= 2;
  }
  return lowerBound(values, customer + 1, known + 1, Math.min(known + step, to));
}

interface Scratch {
  length: number;
  ts: Float64Array;
  type: Uint16Array;
  amount: Float64Array;
  block: Int32Array;
  row: Int32Array;
}

function newScratch(capacity: number): Scratch {
  return { length: 0, ts: new Float64Array(capacity), type: new Uint16Array(capacity), amount: new Float64Array(capacity), block: new Int32Array(capacity), row: new Int32Array(capacity) };
}

function ensureRoom(scratch: Scratch, size: number): void {
  if (size <= scratch.ts.length) return;
  let capacity = scratch.ts.length;
  while (capacity < size) capacity *= 2;
  const next = newScratch(capacity);
  next.ts.set(scratch.ts);
  next.type.set(scratch.type);
  next.amount.set(scratch.amount);
  next.block.set(scratch.block);
  next.row.set(scratch.row);
  Object.assign(scratch, next, { length: scratch.length });
}

/** A customer's rows in one block: [first, end) of `blocks[block]`. */
interface Piece {
  block: number;
  first: number;
  end: number;
}

export function createTimelineReader(blocks: readonly EventBlock[], eventTypes: readonly string[]): TimelineReader {
  const ranks = eventTypeRanks(eventTypes);
  let runs: RunCursor[] = [];
  let lastCustomer = Number.POSITIVE_INFINITY;
  const scratch = newScratch(64);
  const pieces: Piece[] = [];
  let pieceCount = 0;
  const timeline: CustomerTimeline = { customer: -1, start: 0, end: 0, ts: scratch.ts, type: scratch.type, amount: scratch.amount, block: null, row: null, directBlock: -1, blocks };

  function restart(): void {
    runs = findRuns(blocks).map((run) => ({ blocks: run, at: 0, row: 0 }));
  }

  function addPiece(block: number, first: number, end: number): void {
    if (pieceCount === pieces.length) pieces.push({ block, first, end });
    else {
      // field by field: an Object.assign from a literal would make an object per customer
      const piece = pieces[pieceCount]!;
      piece.block = block;
      piece.first = first;
      piece.end = end;
    }
    pieceCount++;
  }

  /** Notes the run's rows of `customer` and leaves the cursor after them. */
  function collect(run: RunCursor, customer: number): void {
    while (run.at < run.blocks.length) {
      const blockIndex = run.blocks[run.at]!;
      const block = blocks[blockIndex]!;
      if (block.customer[block.count - 1]! < customer) {
        run.at++;
        run.row = 0;
        continue;
      }
      // reading every customer in turn, the run is already at this customer: no search
      const first = block.customer[run.row]! >= customer ? run.row : lowerBound(block.customer, customer, run.row, block.count);
      const end = endOfCustomerRows(block.customer, customer, first, block.count);
      if (end > first) addPiece(blockIndex, first, end);
      run.row = end;
      if (end < block.count) return;
      run.at++;
      run.row = 0;
    }
  }

  function pointInto(piece: Piece): void {
    const block = blocks[piece.block]!;
    timeline.ts = block.ts;
    timeline.type = block.type;
    timeline.amount = block.amount;
    timeline.block = null;
    timeline.row = null;
    timeline.directBlock = piece.block;
    timeline.start = piece.first;
    timeline.end = piece.end;
  }

  function copyPieces(): void {
    scratch.length = 0;
    for (let p = 0; p < pieceCount; p++) {
      const { block: blockIndex, first, end } = pieces[p]!;
      const block = blocks[blockIndex]!;
      const at = scratch.length;
      ensureRoom(scratch, at + end - first);
      for (let row = first; row < end; row++) {
        const to = at + row - first;
        scratch.ts[to] = block.ts[row]!;
        scratch.type[to] = block.type[row]!;
        scratch.amount[to] = block.amount[row]!;
        scratch.block[to] = blockIndex;
        scratch.row[to] = row;
      }
      scratch.length = at + end - first;
    }
    Object.assign(timeline, { ts: scratch.ts, type: scratch.type, amount: scratch.amount, block: scratch.block, row: scratch.row, directBlock: -1, start: 0, end: scratch.length });
    sortCanonical(timeline, ranks);
  }

  return {
    blocks,
    read(customer) {
      if (customer < lastCustomer) restart();
      lastCustomer = customer;
      timeline.customer = customer;
      pieceCount = 0;
      for (const run of runs) collect(run, customer);
      if (pieceCount === 0) {
        timeline.start = timeline.end = 0;
        return timeline;
      }
      if (pieceCount === 1) {
        pointInto(pieces[0]!);
        if (isCanonical(timeline, ranks)) return timeline;
      }
      copyPieces();
      return timeline;
    },
  };
}

function isCanonical(timeline: CustomerTimeline, ranks: Uint16Array): boolean {
  const { ts } = timeline;
  for (let i = timeline.start + 1; i < timeline.end; i++) {
    if (ts[i]! > ts[i - 1]!) continue;
    if (ts[i]! < ts[i - 1]! || compareRows(timeline, ranks, i - 1, i) > 0) return false;
  }
  return true;
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

/** Stable insertion sort of the timeline's rows (ties keep block order): timelines are nearly sorted, so it is linear in practice. */
function sortCanonical(timeline: CustomerTimeline, ranks: Uint16Array): void {
  const { ts, type, amount } = timeline;
  const block = timeline.block!;
  const row = timeline.row!;
  for (let i = timeline.start + 1; i < timeline.end; i++) {
    if (compareRows(timeline, ranks, i - 1, i) <= 0) continue;
    const t = ts[i]!;
    const y = type[i]!;
    const a = amount[i]!;
    const b = block[i]!;
    const r = row[i]!;
    let j = i - 1;
    while (j >= timeline.start && isAfter(timeline, ranks, j, t, y, a)) {
      ts[j + 1] = ts[j]!;
      type[j + 1] = type[j]!;
      amount[j + 1] = amount[j]!;
      block[j + 1] = block[j]!;
      row[j + 1] = row[j]!;
      j--;
    }
    ts[j + 1] = t;
    type[j + 1] = y;
    amount[j + 1] = a;
    block[j + 1] = b;
    row[j + 1] = r;
  }
}

/** Whether row j comes strictly after the event (ts, type, amount). */
function isAfter(timeline: CustomerTimeline, ranks: Uint16Array, j: number, ts: number, type: number, amount: number): boolean {
  const at = timeline.ts[j]!;
  if (at !== ts) return at > ts;
  const rankJ = ranks[timeline.type[j]!]!;
  const rank = ranks[type]!;
  if (rankJ !== rank) return rankJ > rank;
  const amountJ = timeline.amount[j]!;
  if (amountJ === amount || (amountJ !== amountJ && amount !== amount)) return false;
  if (amountJ !== amountJ) return true;
  if (amount !== amount) return false;
  return amountJ > amount;
}
