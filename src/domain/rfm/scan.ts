import type { EventBlock } from '../columnar';
import { addToSum as addTo } from '../math/compensatedSum';
import { localDayNumber } from '../time';
import type { WindowBounds } from './measures';

/**
 * Every customer's measures in one pass over the event blocks — the batch path (the Segments
 * screen, the command line), as fast as a group-by: no per-customer history is built. Rows may
 * come in any order (blocks of several imports overlap); amounts are summed in double-double,
 * so the result is the correctly rounded sum whatever the order, exactly what the as-of path
 * (`measureCustomer` over an RfmHistory) gives. A property test holds the two paths equal.
 */
export interface RfmMeasures {
  /** Days since the last order in the period; −1 when none. */
  recency: Int32Array;
  frequency: Int32Array;
  /** Net revenue in the period (orders − returns). */
  revenue: Float64Array;
  scored: number;
}

interface Sums {
  count: Int32Array;
  lastTs: Float64Array;
  orderHi: Float64Array;
  orderLo: Float64Array;
  returnHi: Float64Array;
  returnLo: Float64Array;
}

/** Adds a double-double (hi, lo) to customer c's double-double sum. */
function addPair(hiSums: Float64Array, loSums: Float64Array, c: number, hi: number, lo: number): void {
  addTo(hiSums, loSums, c, hi);
  loSums[c]! += lo;
}

/**
 * One block. Rows of a customer are usually consecutive (blocks are sorted by customer), so a
 * customer's run of orders is summed in local variables and written to the arrays once per run.
 */
function scanBlock(block: EventBlock, orderType: number, returnType: number, bounds: WindowBounds, sums: Sums): void {
  const { type, ts, customer, amount } = block;
  const { startTs, endTs } = bounds;
  let runCustomer = -1;
  let runCount = 0;
  let runLast = Number.NEGATIVE_INFINITY;
  let runHi = 0;
  let runLo = 0;
  for (let row = 0; row < block.count; row++) {
    const kind = type[row]!;
    if (kind !== orderType && kind !== returnType) continue;
    const instant = ts[row]!;
    if (instant < startTs || instant >= endTs) continue;
    const c = customer[row]!;
    const value = amount[row]!;
    if (kind !== orderType) {
      if (value === value) addTo(sums.returnHi, sums.returnLo, c, value < 0 ? -value : value);
      continue;
    }
    if (c !== runCustomer) {
      flush(sums, runCustomer, runCount, runLast, runHi, runLo);
      runCustomer = c;
      runCount = 0;
      runLast = Number.NEGATIVE_INFINITY;
      runHi = 0;
      runLo = 0;
    }
    runCount++;
    if (instant > runLast) runLast = instant;
    if (value === value) {
      // Knuth's two-sum: the rounding error of each addition is kept in runLo
      const total = runHi + value;
      const virtual = total - runHi;
      runLo += runHi - (total - virtual) + (value - virtual);
      runHi = total;
    }
  }
  flush(sums, runCustomer, runCount, runLast, runHi, runLo);
}

/** Writes a customer's run of orders into the totals (a plain function: locals stay in registers). */
function flush(sums: Sums, c: number, count: number, last: number, hi: number, lo: number): void {
  if (count === 0) return;
  sums.count[c]! += count;
  if (last > sums.lastTs[c]!) sums.lastTs[c] = last;
  addPair(sums.orderHi, sums.orderLo, c, hi, lo);
}

/** Measures of every customer from event blocks; `orderType` / `returnType` are type indexes (−1: none). */
export function measureBlocks(
  blocks: readonly EventBlock[],
  orderType: number,
  returnType: number,
  customerCount: number,
  timeZone: string,
  bounds: WindowBounds,
): RfmMeasures {
  const sums: Sums = {
    count: new Int32Array(customerCount),
    lastTs: new Float64Array(customerCount).fill(Number.NEGATIVE_INFINITY),
    orderHi: new Float64Array(customerCount),
    orderLo: new Float64Array(customerCount),
    returnHi: new Float64Array(customerCount),
    returnLo: new Float64Array(customerCount),
  };
  if (orderType >= 0) for (const block of blocks) scanBlock(block, orderType, returnType, bounds, sums);
  const recency = new Int32Array(customerCount).fill(-1);
  const revenue = new Float64Array(customerCount);
  let scored = 0;
  for (let c = 0; c < customerCount; c++) {
    if (sums.count[c] === 0) continue;
    scored++;
    recency[c] = bounds.asOfDay - localDayNumber(sums.lastTs[c]!, timeZone);
    revenue[c] = netOf(sums, c);
  }
  return { recency, frequency: sums.count, revenue, scored };
}

/** (orderHi + orderLo) − (returnHi + returnLo), rounded once. */
function netOf(sums: Sums, c: number): number {
  const a = sums.orderHi[c]!;
  const b = -sums.returnHi[c]!;
  if (b === 0 && sums.returnLo[c] === 0) return a + sums.orderLo[c]!;
  const s = a + b;
  const virtual = s - a;
  const error = a - (s - virtual) + (b - virtual);
  return s + (error + (sums.orderLo[c]! - sums.returnLo[c]!));
}

/** The latest order instant in the blocks (NaN without orders): the default analysis date is the local day after it. */
export function lastOrderInstant(blocks: readonly EventBlock[], orderType: number): number {
  let last = Number.NaN;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      if (block.type[row] === orderType && !(block.ts[row]! <= last)) last = block.ts[row]!;
    }
  }
  return last;
}
