import { denseDictCodes, type EventBlock } from '../columnar';
import { ORDER_EVENT, RETURN_EVENT } from '../model';
import { addToSpan, emptySpan, localDayNumber, type PlausibleWindow } from '../time';
import { attributionPropRank, compileCrmMapping, crmChannelOfValue, crmCode, NO_ATTRIBUTION, type CrmChannelMapping } from './crmChannels';

/**
 * What the metrics need of a workspace, read once from its event blocks (no per-event
 * objects) and kept for every as-of date, cohort unit and cut: each customer's orders and
 * returns, by local day, in a compressed sparse row layout — customer c's orders are rows
 * `orders.start[c] … orders.start[c + 1] − 1`, oldest first.
 *
 * Definitions (metrics.md): orders are `order` events with an amount; an order event without
 * one is not an order (counted in `ordersWithoutAmount`, so the screen can say so). Returns are
 * `return` events; their amount counts as a positive sum taken off net revenue whatever its
 * sign in the file, and a return without an amount takes nothing off.
 *
 * "As of D" keeps what happened before the start of local day D; a row's instant is before
 * that start exactly when its local day is before D, so rows are kept by day and the as-of cut
 * is a comparison of day numbers.
 */
export interface DayAmounts {
  /** customerCount + 1 offsets */
  start: Int32Array;
  /** local day number of each row, ascending within a customer */
  day: Int32Array;
  amount: Float64Array;
}

export interface MetricsHistory {
  customerCount: number;
  timeZone: string;
  /** orders; `crm` is each order's CRM code (see crmChannels.ts) */
  orders: DayAmounts & { crm: Uint8Array };
  returns: DayAmounts;
  ordersWithoutAmount: number;
  /** local days of the first and last order; NaN without orders */
  firstOrderDay: number;
  lastOrderDay: number;
  /**
   * Local day of the last order inside the plausible dates (time/plausibleDates.ts): the
   * default as-of date is the day after it, so one order dated 9999-12-31 does not move it
   * eight thousand years on. NaN when no order is plausible; lastOrderDay without a window.
   */
  lastPlausibleOrderDay: number;
  /** orders dated outside the plausible dates (0 without a window) */
  ordersOutsidePlausible: number;
}

interface RowSink {
  count: number;
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  crm: Uint8Array;
}

function rowSink(count: number): RowSink {
  return { count: 0, customer: new Int32Array(count), day: new Int32Array(count), amount: new Float64Array(count), crm: new Uint8Array(count) };
}

/**
 * Each order row's CRM code in one block: every attribution prop column's dictionary is mapped
 * to channels once, then rows are table look-ups. Null when the block has no attribution prop.
 */
function blockCrmCodes(block: EventBlock, mapping: ReturnType<typeof compileCrmMapping>): Uint8Array | null {
  const columns = Object.keys(block.props)
    .map((key) => ({ key, rank: attributionPropRank(mapping, key) }))
    .filter((column) => column.rank >= 0)
    .sort((a, b) => a.rank - b.rank);
  if (columns.length === 0) return null;
  const codes = new Uint8Array(block.count);
  // Read in reverse rank order: a higher-ranked prop that names a channel overwrites a lower one.
  const bestChannel = new Int8Array(block.count).fill(-1);
  for (const { key } of columns.reverse()) {
    const column = block.props[key]!;
    const channelOfCode = Int8Array.from([-2, ...column.values.map((value) => crmChannelOfValue(mapping, value))]);
    const rowCodes = denseDictCodes(column, block.count);
    for (let row = 0; row < block.count; row++) {
      const channel = channelOfCode[rowCodes[row]!]!;
      if (channel === -2) continue;
      if (codes[row] === NO_ATTRIBUTION) codes[row] = crmCode(-1);
      if (channel >= 0) bestChannel[row] = channel;
    }
  }
  for (let row = 0; row < block.count; row++) if (bestChannel[row]! >= 0) codes[row] = crmCode(bestChannel[row]!);
  return codes;
}

/**
 * The metrics history of event blocks (in any order: blocks of several imports overlap).
 * `eventTypes` names the blocks' type indexes; `window` the plausible dates the default as-of
 * date is taken within (none: every order is plausible).
 */
export function metricsHistoryFromBlocks(
  blocks: readonly EventBlock[],
  eventTypes: readonly string[],
  customerCount: number,
  timeZone: string,
  crmMapping: CrmChannelMapping,
  window?: PlausibleWindow,
): MetricsHistory {
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  const returnType = eventTypes.indexOf(RETURN_EVENT);
  let orderCount = 0;
  let returnCount = 0;
  let ordersWithoutAmount = 0;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      if (type === returnType) returnCount++;
      else if (type === orderType) {
        if (Number.isNaN(block.amount[row]!)) ordersWithoutAmount++;
        else orderCount++;
      }
    }
  }
  const orders = rowSink(orderCount);
  const returns = rowSink(returnCount);
  const mapping = compileCrmMapping(crmMapping);
  const plausible = emptySpan();
  for (const block of blocks) {
    const crm = orderType >= 0 ? blockCrmCodes(block, mapping) : null;
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      if (type !== orderType && type !== returnType) continue;
      const amount = block.amount[row]!;
      const isReturn = type === returnType;
      if (!isReturn && Number.isNaN(amount)) continue;
      const sink = isReturn ? returns : orders;
      const i = sink.count++;
      sink.customer[i] = block.customer[row]!;
      sink.day[i] = localDayNumber(block.ts[row]!, timeZone);
      sink.amount[i] = isReturn ? (Number.isNaN(amount) ? 0 : Math.abs(amount)) : amount;
      if (crm && !isReturn) sink.crm[i] = crm[row]!;
      if (window && !isReturn) addToSpan(plausible, block.ts[row]!, window);
    }
  }
  const size = Math.max(customerCount, maxCustomer(orders) + 1, maxCustomer(returns) + 1);
  const history: MetricsHistory = {
    customerCount: size,
    timeZone,
    orders: byCustomer(orders, size),
    returns: byCustomer(returns, size),
    ordersWithoutAmount,
    firstOrderDay: Number.NaN,
    lastOrderDay: Number.NaN,
    lastPlausibleOrderDay: Number.NaN,
    ordersOutsidePlausible: plausible.outside,
  };
  for (let i = 0; i < orderCount; i++) {
    const day = orders.day[i]!;
    if (!(day >= history.firstOrderDay)) history.firstOrderDay = day;
    if (!(day <= history.lastOrderDay)) history.lastOrderDay = day;
  }
  history.lastPlausibleOrderDay = !window ? history.lastOrderDay : Number.isNaN(plausible.last) ? Number.NaN : localDayNumber(plausible.last, timeZone);
  return history;
}

function maxCustomer(rows: RowSink): number {
  let max = -1;
  for (let i = 0; i < rows.count; i++) if (rows.customer[i]! > max) max = rows.customer[i]!;
  return max;
}

/** Counting sort by customer (stable), then each customer's run by day when it is not already. */
function byCustomer(rows: RowSink, customerCount: number): DayAmounts & { crm: Uint8Array } {
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < rows.count; i++) start[rows.customer[i]! + 1]!++;
  for (let c = 0; c < customerCount; c++) start[c + 1]! += start[c]!;
  const cursor = start.slice(0, customerCount);
  const day = new Int32Array(rows.count);
  const amount = new Float64Array(rows.count);
  const crm = new Uint8Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    const at = cursor[rows.customer[i]!]!++;
    day[at] = rows.day[i]!;
    amount[at] = rows.amount[i]!;
    crm[at] = rows.crm[i]!;
  }
  for (let c = 0; c < customerCount; c++) sortRun(day, amount, crm, start[c]!, start[c + 1]!);
  return { start, day, amount, crm };
}

function sortRun(day: Int32Array, amount: Float64Array, crm: Uint8Array, from: number, to: number): void {
  let isSorted = true;
  for (let i = from + 1; i < to && isSorted; i++) isSorted = day[i - 1]! <= day[i]!;
  if (isSorted) return;
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => day[a]! - day[b]! || a - b);
  const days = order.map((i) => day[i]!);
  const amounts = order.map((i) => amount[i]!);
  const codes = order.map((i) => crm[i]!);
  day.set(days, from);
  amount.set(amounts, from);
  crm.set(codes, from);
}

/** First row of customer c whose day is ≥ `day` (its end row when none). */
export function firstRowOnOrAfter(rows: DayAmounts, c: number, day: number): number {
  let low = rows.start[c]!;
  let high = rows.start[c + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows.day[middle]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The default as-of day: the day after the last plausible order, else (every order dated
 * outside the plausible dates) after the last order; NaN without orders.
 */
export function defaultMetricsAsOfDay(history: MetricsHistory): number {
  return (Number.isNaN(history.lastPlausibleOrderDay) ? history.lastOrderDay : history.lastPlausibleOrderDay) + 1;
}

export interface CustomerOrdersAsOf {
  orders: number;
  /** Σ orders − Σ returns before D */
  netRevenue: number;
  /** local days; NaN without an order before D */
  firstOrderDay: number;
  lastOrderDay: number;
}

/** One customer's orders before day D, for the lists behind the dashboard's cells. */
export function customerOrdersAsOf(history: MetricsHistory, c: number, asOfDay: number): CustomerOrdersAsOf {
  const { orders, returns } = history;
  const first = orders.start[c]!;
  const end = firstRowOnOrAfter(orders, c, asOfDay);
  let net = 0;
  for (let i = first; i < end; i++) net += orders.amount[i]!;
  const returnEnd = firstRowOnOrAfter(returns, c, asOfDay);
  for (let i = returns.start[c]!; i < returnEnd; i++) net -= returns.amount[i]!;
  return {
    orders: end - first,
    netRevenue: net,
    firstOrderDay: end > first ? orders.day[first]! : Number.NaN,
    lastOrderDay: end > first ? orders.day[end - 1]! : Number.NaN,
  };
}
