import { addSumTo, addToSum, sumValue } from '../math/compensatedSum';
import { CRM_CHANNELS, NOT_CRM, type CrmChannel } from './crmChannels';
import { firstRowOnOrAfter, type MetricsHistory } from './history';

/**
 * The base's totals (metrics.md "Totals as of D") over a window of days, for every customer
 * or per group of a cut (RFM segment, lifecycle status, journey stage, audience), in one pass
 * over each customer's rows.
 *
 * A window holds the local days `fromDay … toDay − 1`; `fromDay` null is all history, which
 * is metrics.md's "as of D" with toDay = D. For a shorter window (the screen's "last 3 months")
 * buyers, orders, revenue and returns are those dated in it, and the churned share stays a
 * state at the window's end: buyers (over all history before toDay) whose last order is more
 * than `churnDays` (T3) days before toDay, ÷ those buyers.
 */
export interface MetricsWindow {
  fromDay: number | null;
  toDay: number;
}

/** Customers split into groups: `groupOf[c]` is c's group, −1 = left out. */
export interface CustomerGrouping {
  groupCount: number;
  groupOf: Int32Array;
}

export interface CrmChannelTotals {
  channel: CrmChannel;
  orders: number;
  revenue: number;
}

/** Orders from CRM channels (metrics.md); present only when some order in the window has an attribution prop. */
export interface CrmTotals {
  /** orders with any attribution prop (CRM or not) */
  attributedOrders: number;
  orders: number;
  /** gross revenue of those orders */
  revenue: number;
  /** ÷ all orders in the window */
  shareOfOrders: number | null;
  /** ÷ gross revenue in the window */
  shareOfRevenue: number | null;
  channels: CrmChannelTotals[];
}

export interface MetricsTotals {
  /** customers in the group (every customer without a cut), buyers or not */
  customers: number;
  buyers: number;
  orders: number;
  grossRevenue: number;
  returns: number;
  returnedAmount: number;
  netRevenue: number;
  repeatBuyers: number;
  /** buyers over all history before the window's end: the churned share's denominator */
  buyersToDate: number;
  churnedBuyers: number;
  /** buyers with 1, 2, 3, 4 and 5 or more orders in the window */
  ordersPerBuyer: number[];
  /** gross revenue ÷ orders */
  aov: number | null;
  /** orders ÷ buyers */
  purchaseFrequency: number | null;
  /** buyers with ≥ 2 orders ÷ buyers */
  repeatRate: number | null;
  /** net revenue ÷ buyers */
  arpu: number | null;
  /** churned buyers ÷ buyersToDate */
  churnedShare: number | null;
  crm: CrmTotals | null;
}

/** §7.5: a rate over fewer than this many is shown greyed with its n. */
export const SMALL_SAMPLE_SIZE = 30;

export function isSmallSample(denominator: number): boolean {
  return denominator < SMALL_SAMPLE_SIZE;
}

/** The denominator of each rate, for "n = …" and the small-sample flag. */
export const RATE_DENOMINATORS = {
  aov: 'orders',
  purchaseFrequency: 'buyers',
  repeatRate: 'buyers',
  arpu: 'buyers',
  churnedShare: 'buyersToDate',
} as const satisfies Record<string, keyof MetricsTotals>;

export const ORDERS_PER_BUYER_BUCKETS = 5;
const CHANNELS = CRM_CHANNELS.length;

interface Accumulators {
  customers: Int32Array;
  buyers: Int32Array;
  orders: Int32Array;
  returns: Int32Array;
  repeat: Int32Array;
  toDate: Int32Array;
  churned: Int32Array;
  perBuyer: Int32Array;
  attributed: Int32Array;
  crmOrders: Int32Array;
  gross: [Float64Array, Float64Array];
  returned: [Float64Array, Float64Array];
  crmRevenue: [Float64Array, Float64Array];
}

function accumulators(groups: number): Accumulators {
  const pair = (size: number): [Float64Array, Float64Array] => [new Float64Array(size), new Float64Array(size)];
  return {
    customers: new Int32Array(groups),
    buyers: new Int32Array(groups),
    orders: new Int32Array(groups),
    returns: new Int32Array(groups),
    repeat: new Int32Array(groups),
    toDate: new Int32Array(groups),
    churned: new Int32Array(groups),
    perBuyer: new Int32Array(groups * ORDERS_PER_BUYER_BUCKETS),
    attributed: new Int32Array(groups),
    crmOrders: new Int32Array(groups * CHANNELS),
    gross: pair(groups),
    returned: pair(groups),
    crmRevenue: pair(groups * CHANNELS),
  };
}

export interface TotalsOptions {
  /** T3: a buyer whose last order is more days than this before the window's end is churned */
  churnDays: number;
  /** groups to total separately; without it, one total of every customer */
  grouping?: CustomerGrouping;
}

/** Totals of each group (one entry without a grouping). */
export function computeTotals(history: MetricsHistory, window: MetricsWindow, options: TotalsOptions): MetricsTotals[] {
  const groupCount = options.grouping?.groupCount ?? 1;
  const groupOf = options.grouping?.groupOf;
  const sums = accumulators(groupCount);
  for (let c = 0; c < history.customerCount; c++) {
    const group = groupOf ? (groupOf[c] ?? -1) : 0;
    if (group < 0) continue;
    sums.customers[group]!++;
    addOrders(history, c, group, window, options.churnDays, sums);
    addReturns(history, c, group, window, sums);
  }
  return Array.from({ length: groupCount }, (_, group) => totalsOf(sums, group));
}

function addOrders(history: MetricsHistory, c: number, group: number, window: MetricsWindow, churnDays: number, sums: Accumulators): void {
  const { orders } = history;
  const first = orders.start[c]!;
  const end = orders.start[c + 1]!;
  if (first === end || orders.day[first]! >= window.toDay) return;
  const to = orders.day[end - 1]! < window.toDay ? end : firstRowOnOrAfter(orders, c, window.toDay);
  sums.toDate[group]!++;
  if (window.toDay - orders.day[to - 1]! > churnDays) sums.churned[group]!++;
  const from = window.fromDay === null ? first : firstRowOnOrAfter(orders, c, window.fromDay);
  const count = to - from;
  if (count <= 0) return;
  sums.buyers[group]!++;
  sums.orders[group]! += count;
  if (count >= 2) sums.repeat[group]!++;
  sums.perBuyer[group * ORDERS_PER_BUYER_BUCKETS + Math.min(count, ORDERS_PER_BUYER_BUCKETS) - 1]!++;
  // Two-sum in locals, written to the group once per customer.
  let hi = 0;
  let lo = 0;
  for (let i = from; i < to; i++) {
    const amount = orders.amount[i]!;
    const total = hi + amount;
    const virtual = total - hi;
    lo += hi - (total - virtual) + (amount - virtual);
    hi = total;
    const code = orders.crm[i]!;
    if (code === 0) continue;
    sums.attributed[group]!++;
    if (code === NOT_CRM) continue;
    const slot = group * CHANNELS + code - 2;
    sums.crmOrders[slot]!++;
    addToSum(sums.crmRevenue[0], sums.crmRevenue[1], slot, amount);
  }
  addToSum(sums.gross[0], sums.gross[1], group, hi);
  addToSum(sums.gross[0], sums.gross[1], group, lo);
}

function addReturns(history: MetricsHistory, c: number, group: number, window: MetricsWindow, sums: Accumulators): void {
  const { returns } = history;
  const first = returns.start[c]!;
  const end = returns.start[c + 1]!;
  if (first === end) return;
  const from = window.fromDay === null ? first : firstRowOnOrAfter(returns, c, window.fromDay);
  const to = firstRowOnOrAfter(returns, c, window.toDay);
  for (let i = from; i < to; i++) addToSum(sums.returned[0], sums.returned[1], group, returns.amount[i]!);
  if (to > from) sums.returns[group]! += to - from;
}

/** n ÷ d, null when d is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function totalsOf(sums: Accumulators, group: number): MetricsTotals {
  const buyers = sums.buyers[group]!;
  const orders = sums.orders[group]!;
  const grossRevenue = sumValue(sums.gross[0], sums.gross[1], group);
  const returnedAmount = sumValue(sums.returned[0], sums.returned[1], group);
  // (hi_g + lo_g) − (hi_r + lo_r) with the low parts first: one rounding less than two sums subtracted
  const netRevenue = sums.gross[0][group]! - sums.returned[0][group]! + (sums.gross[1][group]! - sums.returned[1][group]!);
  const buyersToDate = sums.toDate[group]!;
  return {
    customers: sums.customers[group]!,
    buyers,
    orders,
    grossRevenue,
    returns: sums.returns[group]!,
    returnedAmount,
    netRevenue,
    repeatBuyers: sums.repeat[group]!,
    buyersToDate,
    churnedBuyers: sums.churned[group]!,
    ordersPerBuyer: Array.from(sums.perBuyer.subarray(group * ORDERS_PER_BUYER_BUCKETS, (group + 1) * ORDERS_PER_BUYER_BUCKETS)),
    aov: ratio(grossRevenue, orders),
    purchaseFrequency: ratio(orders, buyers),
    repeatRate: ratio(sums.repeat[group]!, buyers),
    arpu: ratio(netRevenue, buyers),
    churnedShare: ratio(sums.churned[group]!, buyersToDate),
    crm: crmTotalsOf(sums, group, orders, grossRevenue),
  };
}

function crmTotalsOf(sums: Accumulators, group: number, orders: number, grossRevenue: number): CrmTotals | null {
  const attributedOrders = sums.attributed[group]!;
  if (attributedOrders === 0) return null;
  const channels = CRM_CHANNELS.map((channel, index) => {
    const slot = group * CHANNELS + index;
    return { channel, orders: sums.crmOrders[slot]!, revenue: sumValue(sums.crmRevenue[0], sums.crmRevenue[1], slot) };
  });
  const revenueHi = new Float64Array(1);
  const revenueLo = new Float64Array(1);
  let crmOrders = 0;
  for (let index = 0; index < CHANNELS; index++) {
    const slot = group * CHANNELS + index;
    crmOrders += sums.crmOrders[slot]!;
    addSumTo(sums.crmRevenue[0], sums.crmRevenue[1], slot, revenueHi, revenueLo, 0);
  }
  const revenue = sumValue(revenueHi, revenueLo, 0);
  return {
    attributedOrders,
    orders: crmOrders,
    revenue,
    shareOfOrders: ratio(crmOrders, orders),
    shareOfRevenue: ratio(revenue, grossRevenue),
    channels: channels.filter((channel) => channel.orders > 0),
  };
}
