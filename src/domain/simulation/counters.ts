import { MESSAGE_CHANNELS } from '../chains';
import { formatEpochDay } from '../time';
import type { RuntimeChain, SimulationPlan } from './plan';
import { GROUPS, REFUSAL_REASONS, SUPPRESSION_REASONS, type ChainSums, type CustomerDaySums, type DaySums, type GroupSums, type NodeSums, type ProjectedSums, type SimulationSums } from './sums';
import type { TraceEntry } from './trace';

/**
 * The shard's tallies while customers run: flat typed arrays indexed by node, port, edge, day and
 * channel (a customer's step costs an array increment, not a map lookup), turned into the keyed
 * `SimulationSums` once at the end. Money is in integer units (money.ts).
 */
export const REASONS = [...SUPPRESSION_REASONS, ...REFUSAL_REASONS] as const;
export type Reason = (typeof REASONS)[number];
export const REASON_INDEX = Object.fromEntries(REASONS.map((reason, index) => [reason, index])) as Record<Reason, number>;
const CHANNELS = MESSAGE_CHANNELS.length;
/** projected columns: delivered, opened, clicked, unsubscribed, conversions, revenue */
export const PROJECTED = { delivered: 0, opened: 1, clicked: 2, unsubscribed: 3, conversions: 4, revenue: 5 } as const;
const PROJECTED_COLUMNS = 6;
/** group columns: customers, entries, converted, conversions, revenue, projected conversions, projected revenue */
export const GROUP_COLUMN = { customers: 0, entries: 1, converted: 2, conversions: 3, revenue: 4, projectedConversions: 5, projectedRevenue: 6 } as const;
const GROUP_COLUMNS = 7;
/**
 * What a chain counts per node: one array each, indexed by the node's index. `enteredByTrigger`
 * counts entries at trigger nodes only; arrivals along edges are the `left` counts of the ports
 * leading there (see `ChainCounters.entered`).
 */
const NODE_TALLIES = ['enteredByTrigger', 'waiting', 'ended', 'endedByGoal', 'sent', 'conversions', 'revenue'] as const;
/** What a run counts per day of the period (messages, per day and channel, stand apart): one array each, indexed by period day. */
const DAY_TALLIES = ['entries', 'suppressed', 'conversions', 'revenue', 'cost', 'projectedConversions', 'projectedRevenue'] as const;

/** One zeroed array of `length` per name, so the counters that share an index are declared once. */
function tallies<Name extends string>(names: readonly Name[], length: number): Record<Name, Float64Array> {
  const arrays: Partial<Record<Name, Float64Array>> = {};
  for (const name of names) arrays[name] = new Float64Array(length);
  return arrays as Record<Name, Float64Array>;
}

/**
 * One chain's tallies. A step along an edge counts only the port it leaves by (`left`): the
 * edge's count and the next node's arrivals are sums of port counts, added up when asked for
 * rather than kept per step (two fewer increments per step of every customer).
 */
export class ChainCounters {
  /** per node: entered at a trigger, waiting at the end, ended, ended by the goal, sent, conversions and revenue attributed */
  readonly byNode: Record<(typeof NODE_TALLIES)[number], Float64Array>;
  readonly portOffset: Int32Array;
  /** per port (portOffset[node] + port): steps taken out of it along its edge; a dead end is not counted */
  readonly left: Float64Array;
  readonly reasons: Float64Array;
  readonly withheld: Float64Array;
  readonly projected: Float64Array;
  /** per node, per edge: the ports (indexes into `left`) whose steps arrive there, go along it */
  private readonly portsInto: number[][];
  private readonly portsAlong: number[][];
  readonly groups = new Float64Array(GROUPS.length * GROUP_COLUMNS);
  entries = 0;
  customers = 0;
  messages = 0;
  suppressedMessages = 0;
  cost = 0;
  conversionsTotal = 0;
  revenueTotal = 0;

  constructor(chain: RuntimeChain) {
    const nodes = chain.nodes.length;
    this.byNode = tallies(NODE_TALLIES, nodes);
    this.portOffset = new Int32Array(nodes + 1);
    chain.nodes.forEach((node, index) => {
      this.portOffset[index + 1] = this.portOffset[index]! + node.ports.length;
    });
    this.left = new Float64Array(this.portOffset[nodes]!);
    this.reasons = new Float64Array(nodes * REASONS.length);
    this.withheld = new Float64Array(nodes * 2);
    this.projected = new Float64Array(nodes * PROJECTED_COLUMNS);
    this.portsInto = chain.nodes.map(() => []);
    this.portsAlong = chain.edgeIds.map(() => []);
    // a port has a next node exactly when it has an edge (compileChain): both lists hold the ports a step is taken from
    for (const node of chain.nodes) {
      node.next.forEach((next, port) => {
        if (next >= 0) this.portsInto[next]!.push(this.portOffset[node.index]! + port);
      });
      node.edge.forEach((edge, port) => {
        if (edge >= 0) this.portsAlong[edge]!.push(this.portOffset[node.index]! + port);
      });
    }
  }

  /** Arrivals at `node`: entries when it is a trigger, plus the steps along edges into it. */
  entered(node: number): number {
    return this.byNode.enteredByTrigger[node]! + this.sumLeft(this.portsInto[node]!);
  }

  /** Steps along edge `edge` (its index in the chain's edges). */
  edgeCount(edge: number): number {
    return this.sumLeft(this.portsAlong[edge]!);
  }

  private sumLeft(ports: readonly number[]): number {
    let total = 0;
    for (const port of ports) total += this.left[port]!;
    return total;
  }
}

export class RunCounters {
  readonly chains: ChainCounters[];
  readonly days: number;
  readonly byDay: Record<(typeof DAY_TALLIES)[number], Float64Array>;
  /** messages per period day and channel: day * channels + channel */
  readonly dayMessages: Float64Array;
  readonly sentByChannel = new Float64Array(CHANNELS);
  readonly reasons = new Float64Array(REASONS.length);
  readonly projected = new Float64Array(PROJECTED_COLUMNS);
  readonly chainPairs: Float64Array;
  readonly capPairs: Float64Array;
  customers = 0;
  customersReached = 0;
  withheld = 0;
  customersInSeveralChains = 0;
  capHits = 0;
  customerDaysWithMessages = 0;
  customerDaysWithSeveralMessages = 0;
  /** one row per customer-day with messages (the heat map): customer index, period day, messages; null when the run does not record them */
  private readonly customerDays: CustomerDayLog | null;

  constructor(
    readonly plan: SimulationPlan,
    recordsCustomerDays = true,
  ) {
    this.customerDays = recordsCustomerDays ? new CustomerDayLog() : null;
    this.chains = plan.chains.map((chain) => new ChainCounters(chain));
    this.days = plan.period.days;
    this.byDay = tallies(DAY_TALLIES, this.days);
    this.dayMessages = new Float64Array(this.days * CHANNELS);
    const chains = plan.chains.length;
    this.chainPairs = new Float64Array(chains * chains);
    this.capPairs = new Float64Array(chains * chains);
  }

  noteCustomerDay(customer: number, day: number, messages: number): void {
    this.customerDays?.add(customer, day, messages);
  }

  toSums(trace: TraceEntry[]): SimulationSums {
    const { plan } = this;
    const chains = plan.chains.map((chain) => chainSums(chain, this.chains[chain.index]!));
    const totalGroups = sumGroups(this.chains);
    return {
      customers: this.customers,
      chains,
      days: Array.from({ length: this.days }, (_, day) => this.daySums(day)),
      totals: {
        customersReached: this.customersReached,
        messages: sum(this.sentByChannel),
        sent: channelRecord(this.sentByChannel, 0),
        suppressed: SUPPRESSION_REASONS.reduce((total, reason) => total + this.reasons[REASON_INDEX[reason]]!, 0),
        suppressedByReason: sparse(SUPPRESSION_REASONS.map((reason) => [reason, this.reasons[REASON_INDEX[reason]]!])),
        withheld: this.withheld,
        cost: sum(this.byDay.cost),
        conversions: sum(this.byDay.conversions),
        revenue: sum(this.byDay.revenue),
        projected: projectedSums(this.projected, 0),
        groups: totalGroups,
      },
      overlap: {
        customersInSeveralChains: this.customersInSeveralChains,
        chainPairs: pairRecord(this.chainPairs, chains.length, '+'),
        capHits: this.capHits,
        capHitsByPair: pairRecord(this.capPairs, chains.length, '>'),
        customerDaysWithMessages: this.customerDaysWithMessages,
        customerDaysWithSeveralMessages: this.customerDaysWithSeveralMessages,
      },
      customerDays: this.customerDays ? this.customerDays.toSums() : null,
      trace,
    };
  }

  private daySums(day: number): DaySums {
    const { byDay } = this;
    return {
      date: formatEpochDay(this.plan.period.fromDay + day),
      entries: byDay.entries[day]!,
      messages: channelRecord(this.dayMessages, day * CHANNELS),
      suppressed: byDay.suppressed[day]!,
      conversions: byDay.conversions[day]!,
      revenue: byDay.revenue[day]!,
      cost: byDay.cost[day]!,
      projectedConversions: byDay.projectedConversions[day]!,
      projectedRevenue: byDay.projectedRevenue[day]!,
    };
  }
}

/**
 * The heat map's rows while customers run, in fixed-size typed chunks: growing plain arrays row by
 * row (three pushes per customer-day, copied on every growth) cost a quarter of a whole run; the
 * arrays of the sums are made once, at their final length, at the end.
 */
const DAY_LOG_CHUNK_ROWS = 1 << 15;

export class CustomerDayLog {
  private readonly chunks: Int32Array[] = [];
  private rows = 0;

  add(customer: number, day: number, messages: number): void {
    const at = (this.rows % DAY_LOG_CHUNK_ROWS) * 3;
    if (at === 0) this.chunks.push(new Int32Array(DAY_LOG_CHUNK_ROWS * 3));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[at] = customer;
    chunk[at + 1] = day;
    chunk[at + 2] = messages;
    this.rows++;
  }

  toSums(): CustomerDaySums {
    const customer = presizedArray(this.rows);
    const day = presizedArray(this.rows);
    const messages = presizedArray(this.rows);
    for (let row = 0; row < this.rows; row++) {
      const chunk = this.chunks[Math.floor(row / DAY_LOG_CHUNK_ROWS)]!;
      const at = (row % DAY_LOG_CHUNK_ROWS) * 3;
      customer[row] = chunk[at]!;
      day[row] = chunk[at + 1]!;
      messages[row] = chunk[at + 2]!;
    }
    return { customer, day, messages };
  }
}

/** An array of `length` numbers to be filled in (zeros until then): allocated once instead of grown push by push. */
export function presizedArray(length: number): number[] {
  return new Array<number>(length).fill(0);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function sparse(entries: [string, number][]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [key, value] of entries) if (value !== 0) record[key] = value;
  return record;
}

function channelRecord(values: Float64Array, offset: number): Record<string, number> {
  return sparse(MESSAGE_CHANNELS.map((channel, index) => [channel, values[offset + index]!]));
}

function pairRecord(values: Float64Array, chains: number, joiner: string): Record<string, number> {
  const entries: [string, number][] = [];
  for (let a = 0; a < chains; a++) for (let b = 0; b < chains; b++) entries.push([`${a}${joiner}${b}`, values[a * chains + b]!]);
  return sparse(entries);
}

function projectedSums(values: Float64Array, offset: number): ProjectedSums {
  return {
    delivered: values[offset + PROJECTED.delivered]!,
    opened: values[offset + PROJECTED.opened]!,
    clicked: values[offset + PROJECTED.clicked]!,
    unsubscribed: values[offset + PROJECTED.unsubscribed]!,
    conversions: values[offset + PROJECTED.conversions]!,
    revenue: values[offset + PROJECTED.revenue]!,
  };
}

function groupSums(values: Float64Array, group: number): GroupSums {
  const at = group * GROUP_COLUMNS;
  return {
    customers: values[at + GROUP_COLUMN.customers]!,
    entries: values[at + GROUP_COLUMN.entries]!,
    converted: values[at + GROUP_COLUMN.converted]!,
    conversions: values[at + GROUP_COLUMN.conversions]!,
    revenue: values[at + GROUP_COLUMN.revenue]!,
    projectedConversions: values[at + GROUP_COLUMN.projectedConversions]!,
    projectedRevenue: values[at + GROUP_COLUMN.projectedRevenue]!,
  };
}

function sumGroups(chains: readonly ChainCounters[]): Record<(typeof GROUPS)[number], GroupSums> {
  const total = new Float64Array(GROUPS.length * GROUP_COLUMNS);
  for (const chain of chains) for (let i = 0; i < total.length; i++) total[i]! += chain.groups[i]!;
  return { treatment: groupSums(total, 0), control: groupSums(total, 1), holdout: groupSums(total, 2) };
}

export function groupIndex(column: number, group: number): number {
  return group * GROUP_COLUMNS + column;
}

export function projectedIndex(node: number, column: number): number {
  return node * PROJECTED_COLUMNS + column;
}

function nodeSums(chain: RuntimeChain, counters: ChainCounters, index: number): NodeSums {
  const node = chain.nodes[index]!;
  const left: Record<string, number> = {};
  node.ports.forEach((port, at) => {
    left[port] = counters.left[counters.portOffset[index]! + at]!;
  });
  const channel = node.message?.channel;
  const { byNode } = counters;
  return {
    entered: counters.entered(index),
    left,
    waiting: byNode.waiting[index]!,
    ended: byNode.ended[index]!,
    endedByGoal: byNode.endedByGoal[index]!,
    suppressed: sparse(REASONS.map((reason, at) => [reason, counters.reasons[index * REASONS.length + at]!])),
    sent: channel ? sparse([[channel, byNode.sent[index]!]]) : {},
    withheld: sparse([
      ['control', counters.withheld[index * 2]!],
      ['holdout', counters.withheld[index * 2 + 1]!],
    ]),
    conversions: byNode.conversions[index]!,
    revenue: byNode.revenue[index]!,
    projected: projectedSums(counters.projected, index * PROJECTED_COLUMNS),
  };
}

function chainSums(chain: RuntimeChain, counters: ChainCounters): ChainSums {
  const nodes: Record<string, NodeSums> = {};
  chain.nodes.forEach((node) => {
    nodes[node.id] = nodeSums(chain, counters, node.index);
  });
  const edges: Record<string, number> = {};
  chain.edgeIds.forEach((id, index) => {
    edges[id] = (edges[id] ?? 0) + counters.edgeCount(index);
  });
  return {
    id: chain.id,
    name: chain.name,
    nodes,
    edges,
    entries: counters.entries,
    customers: counters.customers,
    messages: counters.messages,
    suppressed: counters.suppressedMessages,
    cost: counters.cost,
    conversions: counters.conversionsTotal,
    revenue: counters.revenueTotal,
    groups: { treatment: groupSums(counters.groups, 0), control: groupSums(counters.groups, 1), holdout: groupSums(counters.groups, 2) },
  };
}
