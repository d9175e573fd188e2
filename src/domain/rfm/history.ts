import { allocateEventBlock, type EventBlock } from '../columnar';
import { ORDER_EVENT, RETURN_EVENT, type CrmEvent } from '../model';

/**
 * Every customer's orders and returns, prepared once for many RFM evaluations: a compressed
 * sparse row layout (customer c's orders are rows `orderStart[c] … orderStart[c + 1] − 1`,
 * sorted by time) with running sums of the amounts. Any window of a customer's history is then
 * two binary searches away, and its sum one subtraction — O(log k) per customer and date,
 * whatever the window.
 *
 * The running sums are double-double (a `hi` and a `lo` Float64Array): a window's sum is then
 * exact to about 30 digits before its final rounding, i.e. the correctly rounded sum of the
 * amounts — what R's long-double `sum()` gives — so scores compare bit for bit at the breaks.
 * An order or return without an amount counts as 0.
 */
export interface RfmHistory {
  customerCount: number;
  /** IANA zone that turns instants into local days (recency, the period's edges). */
  timeZone: string;
  orders: TimedAmounts;
  returns: TimedAmounts;
  /** Latest order instant (ms UTC) over all customers; NaN without orders. */
  lastOrderTs: number;
}

export interface TimedAmounts {
  /** customerCount + 1 offsets into `ts`. */
  start: Int32Array;
  /** ms UTC, ascending within each customer. */
  ts: Float64Array;
  /** Running sums before row i: sumHi[i] + sumLo[i] = Σ amounts of rows 0 … i − 1. Length rows + 1. */
  sumHi: Float64Array;
  sumLo: Float64Array;
}

/** Rows of one kind (orders or returns) in any order: customer index, instant, amount (NaN = none). */
export interface AmountRows {
  customer: Int32Array;
  ts: Float64Array;
  amount: Float64Array;
  count: number;
}

/** Builds the history from unsorted rows. */
export function buildRfmHistory(input: { customerCount: number; timeZone: string; orders: AmountRows; returns: AmountRows }): RfmHistory {
  const orders = toTimedAmounts(input.orders, input.customerCount);
  let lastOrderTs = Number.NaN;
  for (let i = 0; i < orders.ts.length; i++) {
    const ts = orders.ts[i]!;
    if (!(ts <= lastOrderTs)) lastOrderTs = ts;
  }
  return {
    customerCount: input.customerCount,
    timeZone: input.timeZone,
    orders,
    returns: toTimedAmounts(input.returns, input.customerCount),
    lastOrderTs,
  };
}

function toTimedAmounts(rows: AmountRows, customerCount: number): TimedAmounts {
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < rows.count; i++) start[rows.customer[i]! + 1]!++;
  for (let c = 0; c < customerCount; c++) start[c + 1]! += start[c]!;
  const cursor = start.slice(0, customerCount);
  const ts = new Float64Array(rows.count);
  const amount = new Float64Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    const position = cursor[rows.customer[i]!]!++;
    ts[position] = rows.ts[i]!;
    amount[position] = rows.amount[i]!;
  }
  for (let c = 0; c < customerCount; c++) sortRun(ts, amount, start[c]!, start[c + 1]!);
  const { hi, lo } = runningSums(amount);
  return { start, ts, sumHi: hi, sumLo: lo };
}

/** Sorts one customer's rows by time, when they are not already (rows of several imports). */
function sortRun(ts: Float64Array, amount: Float64Array, from: number, to: number): void {
  let isSorted = true;
  for (let i = from + 1; i < to && isSorted; i++) isSorted = ts[i - 1]! <= ts[i]!;
  if (isSorted) return;
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => ts[a]! - ts[b]! || a - b);
  const sortedTs = order.map((i) => ts[i]!);
  const sortedAmount = order.map((i) => amount[i]!);
  ts.set(sortedTs, from);
  amount.set(sortedAmount, from);
}

/** Double-double running sums (Knuth's two-sum keeps each addition's rounding error in `lo`). */
function runningSums(amount: Float64Array): { hi: Float64Array; lo: Float64Array } {
  const hi = new Float64Array(amount.length + 1);
  const lo = new Float64Array(amount.length + 1);
  let sumHi = 0;
  let sumLo = 0;
  for (let i = 0; i < amount.length; i++) {
    const value = amount[i]!;
    if (value === value) {
      const s = sumHi + value;
      const virtual = s - sumHi;
      const error = sumHi - (s - virtual) + (value - virtual);
      sumLo += error;
      sumHi = s + sumLo;
      sumLo -= sumHi - s;
    }
    hi[i + 1] = sumHi;
    lo[i + 1] = sumLo;
  }
  return { hi, lo };
}

/** Σ amounts of rows from … to − 1, rounded once. */
export function rangeSum(rows: TimedAmounts, from: number, to: number): number {
  if (to <= from) return 0;
  const a = rows.sumHi[to]!;
  const b = -rows.sumHi[from]!;
  const s = a + b;
  const virtual = s - a;
  const error = a - (s - virtual) + (b - virtual);
  return s + (error + (rows.sumLo[to]! - rows.sumLo[from]!));
}

/**
 * Σ orders rows [orderFrom, orderTo) − Σ returns rows [returnFrom, returnTo), rounded once: two
 * separately rounded sums subtracted would differ in the last bit from the one-pass scan, and
 * customers with equal net revenue must tie at the breaks.
 */
export function netRangeSum(orders: TimedAmounts, orderFrom: number, orderTo: number, returns: TimedAmounts, returnFrom: number, returnTo: number): number {
  const ordered = orders.sumHi[orderTo]! - orders.sumHi[orderFrom]!;
  const orderedError = additionError(orders.sumHi[orderTo]!, -orders.sumHi[orderFrom]!, ordered);
  const returned = returns.sumHi[returnTo]! - returns.sumHi[returnFrom]!;
  const returnedError = additionError(returns.sumHi[returnTo]!, -returns.sumHi[returnFrom]!, returned);
  const net = ordered - returned;
  const netError = additionError(ordered, -returned, net);
  const low = orders.sumLo[orderTo]! - orders.sumLo[orderFrom]! - (returns.sumLo[returnTo]! - returns.sumLo[returnFrom]!);
  return net + (netError + orderedError - returnedError + low);
}

/** The exact rounding error of `sum = a + b` (Knuth's two-sum). */
function additionError(a: number, b: number, sum: number): number {
  const virtual = sum - a;
  return a - (sum - virtual) + (b - virtual);
}

/** First row of `customer` with ts ≥ `instant` (its end row when none). */
export function firstRowAtOrAfter(rows: TimedAmounts, customer: number, instant: number): number {
  let low = rows.start[customer]!;
  let high = rows.start[customer + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows.ts[middle]! < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Orders and returns of a workspace's event blocks (every other event type is skipped). */
export function rfmHistoryFromBlocks(
  blocks: readonly EventBlock[],
  eventTypes: readonly string[],
  customerCount: number,
  timeZone: string,
): RfmHistory {
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  const returnType = eventTypes.indexOf(RETURN_EVENT);
  let orderCount = 0;
  let returnCount = 0;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      if (type === orderType) orderCount++;
      else if (type === returnType) returnCount++;
    }
  }
  const orders = allocateRows(orderCount);
  const returns = allocateRows(returnCount);
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      const target = type === orderType ? orders : type === returnType ? returns : null;
      if (!target) continue;
      const i = target.count++;
      target.customer[i] = block.customer[row]!;
      target.ts[i] = block.ts[row]!;
      target.amount[i] = type === returnType ? Math.abs(block.amount[row]!) : block.amount[row]!;
    }
  }
  return buildRfmHistory({ customerCount, timeZone, orders, returns });
}

function allocateRows(count: number): AmountRows {
  return { customer: new Int32Array(count), ts: new Float64Array(count), amount: new Float64Array(count), count: 0 };
}

/**
 * Only the orders and returns of event blocks, as one compact block (types: 0 order, 1 return;
 * no props). What RFM needs of a workspace, kept in memory instead of every event.
 */
export function orderBlockFromBlocks(blocks: readonly EventBlock[], eventTypes: readonly string[]): EventsAsBlock {
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  const returnType = eventTypes.indexOf(RETURN_EVENT);
  let count = 0;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      if (type === orderType || type === returnType) count++;
    }
  }
  const compact = allocateEventBlock(count);
  let i = 0;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      if (type !== orderType && type !== returnType) continue;
      compact.ts[i] = block.ts[row]!;
      compact.amount[i] = block.amount[row]!;
      compact.customer[i] = block.customer[row]!;
      compact.type[i] = type === orderType ? 0 : 1;
      i++;
    }
  }
  return { block: compact, eventTypes: [ORDER_EVENT, RETURN_EVENT], customerIds: [] };
}

/** Orders and returns of plain events as one event block (types: 0 order, 1 return), with the customer ids it indexes. */
export interface EventsAsBlock {
  block: EventBlock;
  eventTypes: string[];
  customerIds: string[];
}

export interface OrderBlockWriter {
  /** One order or return row; a return's amount is stored as its absolute value. */
  add(customer: number, ts: number, amount: number, isReturn: boolean): void;
  /** The block of the rows added (types: 0 order, 1 return), trimmed to their count. */
  finish(): EventBlock;
}

/** Collects up to `capacity` order and return rows into one event block for RFM. */
export function orderBlockWriter(capacity: number): OrderBlockWriter {
  const block = allocateEventBlock(capacity, 0);
  return {
    add(customer, ts, amount, isReturn) {
      const row = block.count++;
      block.customer[row] = customer;
      block.ts[row] = ts;
      block.amount[row] = isReturn ? Math.abs(amount) : amount;
      block.type[row] = isReturn ? 1 : 0;
    },
    finish() {
      if (block.count === capacity) return block;
      return { ...block, ts: block.ts.slice(0, block.count), amount: block.amount.slice(0, block.count), customer: block.customer.slice(0, block.count), type: block.type.slice(0, block.count) };
    },
  };
}

/**
 * Orders and returns of plain events (the command line reads files into these) as a block.
 * Customers are numbered in the order of `customerIds` first, then of their first event.
 */
export function rfmBlockFromEvents(events: readonly CrmEvent[], customerIds: readonly string[] = []): EventsAsBlock {
  const ids = [...customerIds];
  const indexOf = new Map<string, number>();
  ids.forEach((id, index) => indexOf.set(id, index));
  const writer = orderBlockWriter(events.length);
  for (const event of events) {
    let index = indexOf.get(event.customerId);
    if (index === undefined) {
      index = ids.length;
      indexOf.set(event.customerId, index);
      ids.push(event.customerId);
    }
    const isReturn = event.type === RETURN_EVENT;
    if (event.type === ORDER_EVENT || isReturn) writer.add(index, event.ts, event.amount ?? Number.NaN, isReturn);
  }
  return { block: writer.finish(), eventTypes: [ORDER_EVENT, RETURN_EVENT], customerIds: ids };
}

/** A history of plain events (see `rfmBlockFromEvents` for how customers are numbered). */
export function rfmHistoryFromEvents(
  events: readonly CrmEvent[],
  timeZone: string,
  customerIds: readonly string[] = [],
): { history: RfmHistory; customerIds: string[] } {
  const { block, eventTypes, customerIds: ids } = rfmBlockFromEvents(events, customerIds);
  return { history: rfmHistoryFromBlocks([block], eventTypes, ids.length, timeZone), customerIds: ids };
}
