import type { Chain } from '../chains';
import { createTimelineReader, type CustomerBlock, type EventBlock } from '../columnar';
import { hashString } from '../random';
import type { ShardContext } from './context';
import { RunCounters } from './counters';
import { CustomerIds } from './customerIds';
import { CustomerRun } from './customerRun';
import { averageOrderValueBefore, type SimulationGlobals } from './globals';
import { planSimulation, type SimulationPlan } from './plan';
import { createSegmentSource, customerCountOf, historyOf } from './segmentSource';
import type { SimulationSettings } from './settings';
import type { SimulationSums } from './sums';
import type { TraceEntry } from './trace';
import { rfmDayScales } from '../rfm';

/**
 * Running the engine over data: the pure entry points (no storage, no workers — those wrap
 * these). `computeSimulationGlobals` over ALL the data once, then `runSimulationShard` over any
 * subset of customers (a hash shard for processes and machines, an index range for Web
 * Workers, one customer for a trace); `mergeSums` adds the shards up.
 */
export interface SimulationData {
  customers: readonly CustomerBlock[];
  events: readonly EventBlock[];
  eventTypes: readonly string[];
}

export interface ShardOptions {
  /** only customers whose stable shard (hash of the id modulo `count`) is `index` */
  shard?: { index: number; count: number };
  /** only customers with an index in [from, to) */
  range?: { from: number; to: number };
  /** only these customer indexes (ascending) */
  only?: readonly number[];
  /** record this customer's trace (by id) */
  traceCustomerId?: string | null;
  /**
   * record the heat map's customer-day rows (`sums.customerDays`); default true. Runs whose sums
   * are not saved (the command line's report, a trace, the customers at a node) say false: at
   * 100,000 customers the rows are ~800,000 and building them is about a fifth of the engine's time.
   */
  customerDays?: boolean;
  /** record the traces of every customer this says yes to (tests of the invariants) */
  isTraced?(customerId: string): boolean;
  onProgress?(done: number, total: number): void;
  /** checked between customers: true stops the shard (its sums are then incomplete) */
  isCancelled?(): boolean;
  /** called after each customer: the screens' "customers at a node" list reads the counters here, the per-customer export their trace (it may empty it) */
  afterCustomer?(customer: number, customerId: string, counters: RunCounters, trace: TraceEntry[]): void;
}

/** Which of `count` shards a customer id belongs to: stable across runs, machines and input order. */
export function shardOfCustomer(customerId: string, count: number): number {
  return hashString(customerId) % count;
}

/** Whether the run needs values computed from every customer (RFM scales, the average order value): if not, `computeSimulationGlobals` reads no data. */
export function needsGlobalData(plan: SimulationPlan): boolean {
  return plan.needsSegments || plan.settings.projection;
}

export function computeSimulationGlobals(data: SimulationData | null, plan: SimulationPlan): SimulationGlobals {
  const { settings, period } = plan;
  if (!data || !needsGlobalData(plan)) return { version: 1, averageOrderValue: Number.NaN, rfm: null };
  // only the projection prices orders with it
  const averageOrderValue = settings.projection ? averageOrderValueBefore(data.events, data.eventTypes, period.startTs) : Number.NaN;
  if (!plan.needsSegments) return { version: 1, averageOrderValue, rfm: null };
  const history = historyOf(data.events, data.eventTypes, customerCountOf(data.customers, data.events), settings.timeZone);
  // scores at any moment of the period read the end of the previous day; segment triggers start from the night before the period
  const rfm = rfmDayScales(history, settings.rfm.scoring, settings.rfm.periodDays, period.fromDay - 2, period.toDay - 1);
  return { version: 1, averageOrderValue, rfm };
}

function selectedCustomers(ids: CustomerIds, options: ShardOptions): ArrayLike<number> {
  if (options.only) return [...options.only];
  const from = Math.max(options.range?.from ?? 0, 0);
  const to = Math.min(options.range?.to ?? ids.count, ids.count);
  // everyone in the range: made at its final length (pushing 100,000 numbers one by one copies the array as it grows)
  if (!options.shard) {
    const everyone = new Int32Array(Math.max(to - from, 0));
    for (let k = 0; k < everyone.length; k++) everyone[k] = from + k;
    return everyone;
  }
  const selected: number[] = [];
  for (let c = from; c < to; c++) {
    if (options.shard && shardOfCustomer(ids.idOf(c), options.shard.count) !== options.shard.index) continue;
    selected.push(c);
  }
  return selected;
}

/** Whether the customer's trace is recorded; reads their id only when some option asks by id. */
function isTracedCustomer(ids: CustomerIds, customer: number, options: ShardOptions): boolean {
  if (options.traceCustomerId == null && !options.isTraced) return false;
  const id = ids.idOf(customer);
  return options.traceCustomerId === id || (options.isTraced?.(id) ?? false);
}

/** Profile block and row of each customer, asked in ascending order (linear over the blocks). */
export function profileLocator(customers: readonly CustomerBlock[]): (customer: number) => { block: CustomerBlock | null; row: number } {
  const sorted = [...customers].sort((a, b) => a.start - b.start);
  let at = 0;
  const found = { block: null as CustomerBlock | null, row: 0 };
  return (customer) => {
    if (at < sorted.length && sorted[at]!.start > customer) at = 0;
    while (at < sorted.length && sorted[at]!.start + sorted[at]!.count <= customer) at++;
    const block = sorted[at];
    found.block = block && block.start <= customer ? block : null;
    found.row = found.block ? customer - found.block.start : 0;
    return found;
  };
}

export function runSimulationShard(data: SimulationData, plan: SimulationPlan, globals: SimulationGlobals, options: ShardOptions = {}): SimulationSums {
  const counters = new RunCounters(plan, options.customerDays ?? true);
  const segments = plan.needsSegments ? createSegmentSource(data.customers, data.events, data.eventTypes, plan.settings, globals.rfm) : null;
  const context: ShardContext = { plan, globals, segments, counters };
  const ids = CustomerIds.fromProfiles(data.customers, customerCountOf(data.customers, data.events));
  const run = new CustomerRun(context, ids);
  const reader = createTimelineReader(data.events, data.eventTypes);
  const locate = profileLocator(data.customers);
  const selected = selectedCustomers(ids, options);
  const trace: TraceEntry[] = [];
  for (let k = 0; k < selected.length; k++) {
    if (k % 1024 === 0) {
      if (options.isCancelled?.()) break;
      options.onProgress?.(k, selected.length);
    }
    const customer = selected[k]!;
    const profile = locate(customer);
    run.run(customer, reader.read(customer), profile.block, profile.row, isTracedCustomer(ids, customer, options) ? trace : null);
    options.afterCustomer?.(customer, ids.idOf(customer), counters, trace);
  }
  options.onProgress?.(selected.length, selected.length);
  return counters.toSums(trace);
}

/** A whole run in one call (tests, small data): globals, one shard of everyone. */
export function simulate(data: SimulationData, chains: readonly Chain[], settings: SimulationSettings, options: ShardOptions = {}): { plan: SimulationPlan; globals: SimulationGlobals; sums: SimulationSums } {
  const plan = planSimulation(chains, data.eventTypes, settings);
  const globals = computeSimulationGlobals(data, plan);
  return { plan, globals, sums: runSimulationShard(data, plan, globals, options) };
}
