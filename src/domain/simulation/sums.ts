import type { TraceEntry } from './trace';

/**
 * What a run (or a shard of one) counted: nothing but sums over customers — counts, and money in
 * integer units (money.ts) — so the sums of shards add up to the sums of the whole run, in any
 * order, to the bit (simulation.md "Scale", invariant 5). `mergeSums` adds them; report.ts
 * turns them into the JSON of cli.md (rates, ROMI and money as decimals are derived there).
 * Keys are the chains' own node, port, edge and channel ids, so the shape is self-describing.
 */
export const SUPPRESSION_REASONS = ['no_channel', 'no_consent', 'consent_unknown', 'no_contact', 'frequency_cap', 'quiet_hours'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export const REFUSAL_REASONS = ['re_entry', 'already_in_chain'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const GROUPS = ['treatment', 'control', 'holdout'] as const;
export type GroupName = (typeof GROUPS)[number];

/** Outcomes the projection drew for sent messages (all `projected`). */
export interface ProjectedSums {
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  /** projected orders that happened within the period */
  conversions: number;
  revenue: number;
}

export interface NodeSums {
  entered: number;
  left: Record<string, number>;
  waiting: number;
  ended: number;
  /** of `ended`: left the chain here because the goal event happened (exit on goal) */
  endedByGoal: number;
  /** messages a guard stopped; triggers: entries refused by the re-entry rules */
  suppressed: Record<string, number>;
  /** messages sent, by channel */
  sent: Record<string, number>;
  /** messages not sent because the customer is in the control group or a holdout branch */
  withheld: Record<string, number>;
  /** replayed conversions attributed to this message (last touch) and their revenue */
  conversions: number;
  revenue: number;
  projected: ProjectedSums;
}

/** One comparison group of a chain: customers (distinct per chain), entries, who converted within the chain's window. */
export interface GroupSums {
  customers: number;
  entries: number;
  converted: number;
  conversions: number;
  revenue: number;
  projectedConversions: number;
  projectedRevenue: number;
}

export interface ChainSums {
  id: string;
  name: string;
  nodes: Record<string, NodeSums>;
  edges: Record<string, number>;
  entries: number;
  customers: number;
  messages: number;
  suppressed: number;
  cost: number;
  conversions: number;
  revenue: number;
  groups: Record<GroupName, GroupSums>;
}

export interface DaySums {
  date: string;
  entries: number;
  messages: Record<string, number>;
  suppressed: number;
  conversions: number;
  revenue: number;
  cost: number;
  projectedConversions: number;
  projectedRevenue: number;
}

export interface TotalSums {
  customersReached: number;
  messages: number;
  sent: Record<string, number>;
  suppressed: number;
  suppressedByReason: Record<string, number>;
  withheld: number;
  cost: number;
  conversions: number;
  revenue: number;
  projected: ProjectedSums;
  groups: Record<GroupName, GroupSums>;
}

export interface OverlapSums {
  customersInSeveralChains: number;
  /** "i+j" (chain indexes, i < j) → customers who entered both */
  chainPairs: Record<string, number>;
  capHits: number;
  /** "i>j" → messages of chain i stopped by the cap while chain j's messages filled the window */
  capHitsByPair: Record<string, number>;
  customerDaysWithMessages: number;
  customerDaysWithSeveralMessages: number;
}

/**
 * Messages per customer-day (the results page's heat map), sparse — only customer-days with a
 * message — and columnar, so 100 000 customers stay small when saved: row i is customer index
 * `customer[i]` (the store's index, stable for the data version), day `day[i]` of the period
 * (0 = its first day, as `days`), `messages[i]` messages. Rows are in customer order, then day.
 * null: not recorded (a run saved before ChainLab kept these rows, or a report read back).
 */
export interface CustomerDaySums {
  customer: number[];
  day: number[];
  messages: number[];
}

export interface SimulationSums {
  customers: number;
  chains: ChainSums[];
  days: DaySums[];
  totals: TotalSums;
  overlap: OverlapSums;
  customerDays: CustomerDaySums | null;
  trace: TraceEntry[];
}

export function emptyProjected(): ProjectedSums {
  return { delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, conversions: 0, revenue: 0 };
}

export function emptyGroup(): GroupSums {
  return { customers: 0, entries: 0, converted: 0, conversions: 0, revenue: 0, projectedConversions: 0, projectedRevenue: 0 };
}

export function emptyGroups(): Record<GroupName, GroupSums> {
  return { treatment: emptyGroup(), control: emptyGroup(), holdout: emptyGroup() };
}

type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

/**
 * Adds two values of the same shape: numbers add, records add key by key (a key only one side
 * has is kept), arrays add element by element, texts must be equal (ids, names, dates).
 */
function addJson(a: Json, b: Json, path: string): Json {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new Error(`cannot add ${path}: ${a.length} and ${b.length} items`);
    return a.map((item, index) => addJson(item, b[index]!, `${path}[${index}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const result: Record<string, Json> = { ...a };
    for (const key of Object.keys(b)) result[key] = key in a ? addJson(a[key]!, b[key]!, `${path}.${key}`) : b[key]!;
    return result;
  }
  if (a === b) return a;
  throw new Error(`cannot add ${path}: ${JSON.stringify(a)} and ${JSON.stringify(b)} differ`);
}

/** Two sets of customer-day rows, each in customer order, as one in customer order (so any sharding gives the same rows). */
function mergeCustomerDays(a: CustomerDaySums | null, b: CustomerDaySums | null): CustomerDaySums | null {
  if (!a || !b) return null;
  const merged: CustomerDaySums = { customer: [], day: [], messages: [] };
  let i = 0;
  let j = 0;
  while (i < a.customer.length || j < b.customer.length) {
    const takeA = j >= b.customer.length || (i < a.customer.length && a.customer[i]! <= b.customer[j]!);
    const from = takeA ? a : b;
    const at = takeA ? i++ : j++;
    merged.customer.push(from.customer[at]!);
    merged.day.push(from.day[at]!);
    merged.messages.push(from.messages[at]!);
  }
  return merged;
}

/** The sums of two disjoint sets of customers of the same run. Traces are concatenated; customer-day rows merged in customer order. */
export function mergeSums(a: SimulationSums, b: SimulationSums): SimulationSums {
  const { trace: traceA, customerDays: daysA, ...restA } = a;
  const { trace: traceB, customerDays: daysB, ...restB } = b;
  const merged = addJson(restA as unknown as Json, restB as unknown as Json, 'sums') as unknown as Omit<SimulationSums, 'trace' | 'customerDays'>;
  return { ...merged, customerDays: mergeCustomerDays(daysA, daysB), trace: [...traceA, ...traceB] };
}

/** Record keys in a fixed order (sorted), so equal sums serialise to equal bytes whatever order keys were added in. */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}
