import { MESSAGE_CHANNELS } from '../chains';
import { hashString } from '../random';
import type { SimulationPlan } from './plan';
import { formatUtcInstant } from '../time';
import { REASONS } from './counters';
import { fromUnits, toUnits } from './money';
import { rates, romi, type RateFigure, type RomiFigures } from './rates';
import { GROUPS, emptyProjected, type ChainSums, type DaySums, type GroupName, type GroupSums, type NodeSums, type OverlapSums, type ProjectedSums, type SimulationSums, type TotalSums } from './sums';
import { TRACE_DECISIONS, type TraceDecision, type TraceEntry } from './trace';

/**
 * The JSON a run prints (cli.md "simulate"), built from the sums and the run's description.
 * Money is printed as decimals (units / 10 000), sparse records in one fixed key order and the
 * derived figures (rates, ROMI) computed last, so a merge of shard outputs prints the very bytes
 * the unsharded run prints. `sumsFromReport` reads the additive part back for `--merge`.
 *
 * Every figure says what it rests on: counts, cost and conversions are REPLAYED from the
 * imported history; anything under `projected` comes from the response assumptions.
 */
export interface RunDescription {
  period: { from: string; to: string };
  seed: number;
  inputs: { timeZone: string; assumeReachable: boolean; projection: boolean; margin: number; fingerprint: string };
  warnings: string[];
}

export const BASIS = {
  replayed: 'measured by replaying the imported history: who entered, what was sent, suppressed and paid for, and the goal events that followed a message (the organic baseline: they would have happened anyway)',
  projected: 'drawn from the response assumptions (per-channel rates) with the run\'s seed: not measured, only as good as the assumptions',
} as const;

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** What a run was asked (period, seed, flags) and a fingerprint of its chains and settings: shards of one run share it, `--merge` checks it. */
export function describeRun(plan: SimulationPlan): RunDescription {
  const { settings } = plan;
  const text = JSON.stringify({ chains: plan.chains.map((chain) => chain.chain), settings });
  return {
    period: { from: settings.from, to: settings.to },
    seed: settings.seed,
    inputs: { timeZone: settings.timeZone, assumeReachable: settings.assumeReachable, projection: settings.projection, margin: settings.margin, fingerprint: `${hex(hashString(text))}${hex(hashString(`${text}\u0001`))}` },
    warnings: [...plan.warnings],
  };
}

const CHANNEL_ORDER: readonly string[] = MESSAGE_CHANNELS;
const REASON_ORDER: readonly string[] = REASONS;
const WITHHELD_ORDER = ['control', 'holdout'];

function ordered(record: Record<string, number>, order: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const key of order) if (record[key]) result[key] = record[key]!;
  for (const key of Object.keys(record).sort()) if (!(key in result) && record[key]) result[key] = record[key]!;
  return result;
}

function projectedJson(projected: ProjectedSums) {
  return { ...projected, revenue: fromUnits(projected.revenue) };
}

function groupJson(group: GroupSums) {
  return {
    customers: group.customers,
    entries: group.entries,
    converted: group.converted,
    conversionRate: group.customers ? group.converted / group.customers : null,
    conversions: group.conversions,
    revenue: fromUnits(group.revenue),
    revenuePerCustomer: group.customers ? fromUnits(group.revenue) / group.customers : null,
    projected: { conversions: group.projectedConversions, revenue: fromUnits(group.projectedRevenue) },
  };
}

function groupsJson(groups: Record<GroupName, GroupSums>) {
  return { treatment: groupJson(groups.treatment), control: groupJson(groups.control), holdout: groupJson(groups.holdout) };
}

function nodeJson(node: NodeSums) {
  return {
    entered: node.entered,
    left: node.left,
    waiting: node.waiting,
    ended: node.ended,
    suppressed: ordered(node.suppressed, REASON_ORDER),
    sent: ordered(node.sent, CHANNEL_ORDER),
    endedByGoal: node.endedByGoal,
    withheld: ordered(node.withheld, WITHHELD_ORDER),
    conversions: node.conversions,
    revenue: fromUnits(node.revenue),
    projected: projectedJson(node.projected),
  };
}

function chainJson(chain: ChainSums) {
  const nodes: Record<string, ReturnType<typeof nodeJson>> = {};
  for (const [id, node] of Object.entries(chain.nodes)) nodes[id] = nodeJson(node);
  return {
    id: chain.id,
    name: chain.name,
    nodes,
    edges: chain.edges,
    entries: chain.entries,
    customers: chain.customers,
    messages: chain.messages,
    suppressed: chain.suppressed,
    cost: fromUnits(chain.cost),
    conversions: chain.conversions,
    revenue: fromUnits(chain.revenue),
    ...groupsJson(chain.groups),
  };
}

function dayJson(day: DaySums) {
  return {
    date: day.date,
    entries: day.entries,
    messages: ordered(day.messages, CHANNEL_ORDER),
    conversions: day.conversions,
    revenue: fromUnits(day.revenue),
    cost: fromUnits(day.cost),
    suppressed: day.suppressed,
    projected: { conversions: day.projectedConversions, revenue: fromUnits(day.projectedRevenue) },
  };
}

function totalsJson(totals: TotalSums, customers: number, margin: number) {
  return {
    customersReached: totals.customersReached,
    messages: totals.messages,
    suppressed: totals.suppressed,
    cost: fromUnits(totals.cost),
    conversions: totals.conversions,
    revenue: fromUnits(totals.revenue),
    ...groupsJson(totals.groups),
    customers,
    sent: ordered(totals.sent, CHANNEL_ORDER),
    suppressedByReason: ordered(totals.suppressedByReason, REASON_ORDER),
    withheld: totals.withheld,
    projected: projectedJson(totals.projected),
    rates: rates(totals) satisfies Record<string, RateFigure>,
    romi: romi(totals, margin) satisfies RomiFigures,
  };
}

function pairList(record: Record<string, number>, joiner: string, chains: readonly ChainSums[], names: [string, string]) {
  return Object.entries(record)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ pair: key.split(joiner).map(Number) as [number, number], count }))
    .sort((a, b) => a.pair[0] - b.pair[0] || a.pair[1] - b.pair[1])
    .map(({ pair, count }) => ({ [names[0]]: chains[pair[0]]?.id ?? String(pair[0]), [names[1]]: chains[pair[1]]?.id ?? String(pair[1]), count }));
}

function overlapJson(overlap: OverlapSums, chains: readonly ChainSums[]) {
  return {
    customersInSeveralChains: overlap.customersInSeveralChains,
    chainPairs: pairList(overlap.chainPairs, '+', chains, ['a', 'b']).map(({ a, b, count }) => ({ chains: [a, b], customers: count })),
    capHits: overlap.capHits,
    capHitsByPair: pairList(overlap.capHitsByPair, '>', chains, ['chainId', 'byChainId']).map(({ chainId, byChainId, count }) => ({ chainId, byChainId, hits: count })),
    customerDaysWithMessages: overlap.customerDaysWithMessages,
    customerDaysWithSeveralMessages: overlap.customerDaysWithSeveralMessages,
  };
}

export function traceJson(entry: TraceEntry) {
  return { ts: formatUtcInstant(entry.ts), customerId: entry.customerId, chainId: entry.chainId, nodeId: entry.nodeId, decision: entry.decision, group: entry.group, reason: entry.reason.en, reasonRu: entry.reason.ru };
}

export type SimulationReport = ReturnType<typeof simulationReport>;

/** What a printed report says about its run (what `describeRun` gave when it was printed). */
export function describeRunOf(report: SimulationReport): RunDescription {
  return { period: report.period, seed: report.seed, inputs: report.inputs, warnings: report.warnings };
}

/** The cli.md JSON of a run. `includeTrace`: print the `trace` key (the run was asked for one). */
export function simulationReport(sums: SimulationSums, run: RunDescription, includeTrace: boolean) {
  return {
    period: run.period,
    seed: run.seed,
    chains: sums.chains.map(chainJson),
    days: sums.days.map(dayJson),
    totals: totalsJson(sums.totals, sums.customers, run.inputs.margin),
    overlap: overlapJson(sums.overlap, sums.chains),
    inputs: run.inputs,
    basis: BASIS,
    warnings: run.warnings,
    ...(includeTrace ? { trace: sums.trace.map(traceJson) } : {}),
  };
}

// ---------------------------------------------------------------- reading a report back (--merge)

function units(value: unknown): number {
  return toUnits(Number(value));
}

function groupFrom(json: ReturnType<typeof groupJson>): GroupSums {
  return { customers: json.customers, entries: json.entries, converted: json.converted, conversions: json.conversions, revenue: units(json.revenue), projectedConversions: json.projected.conversions, projectedRevenue: units(json.projected.revenue) };
}

function projectedFrom(json: ReturnType<typeof projectedJson>): ProjectedSums {
  return { ...emptyProjected(), ...json, revenue: units(json.revenue) };
}

function pairsFrom<T extends Record<string, unknown>>(list: T[], chains: readonly { id: string }[], a: keyof T, b: keyof T, count: keyof T, joiner: string): Record<string, number> {
  const index = (id: unknown) => chains.findIndex((chain) => chain.id === id);
  const record: Record<string, number> = {};
  for (const item of list) record[`${index(item[a])}${joiner}${index(item[b])}`] = Number(item[count]);
  return record;
}

function decisionOf(value: string): TraceDecision {
  return (TRACE_DECISIONS as readonly string[]).includes(value) ? (value as TraceDecision) : 'entered';
}

/** The sums a report was printed from (what `--merge` adds up). */
export function sumsFromReport(report: SimulationReport): SimulationSums {
  const chains: ChainSums[] = report.chains.map((chain) => {
    const nodes: Record<string, NodeSums> = {};
    for (const [id, node] of Object.entries(chain.nodes)) {
      nodes[id] = { entered: node.entered, left: node.left, waiting: node.waiting, ended: node.ended, endedByGoal: node.endedByGoal, suppressed: node.suppressed, sent: node.sent, withheld: node.withheld, conversions: node.conversions, revenue: units(node.revenue), projected: projectedFrom(node.projected) };
    }
    const groups = Object.fromEntries(GROUPS.map((group) => [group, groupFrom(chain[group])])) as Record<GroupName, GroupSums>;
    return { id: chain.id, name: chain.name, nodes, edges: chain.edges, entries: chain.entries, customers: chain.customers, messages: chain.messages, suppressed: chain.suppressed, cost: units(chain.cost), conversions: chain.conversions, revenue: units(chain.revenue), groups };
  });
  const totals = report.totals;
  return {
    customers: totals.customers,
    chains,
    days: report.days.map((day) => ({ date: day.date, entries: day.entries, messages: day.messages, suppressed: day.suppressed, conversions: day.conversions, revenue: units(day.revenue), cost: units(day.cost), projectedConversions: day.projected.conversions, projectedRevenue: units(day.projected.revenue) })),
    totals: {
      customersReached: totals.customersReached,
      messages: totals.messages,
      sent: totals.sent,
      suppressed: totals.suppressed,
      suppressedByReason: totals.suppressedByReason,
      withheld: totals.withheld,
      cost: units(totals.cost),
      conversions: totals.conversions,
      revenue: units(totals.revenue),
      projected: projectedFrom(totals.projected),
      groups: Object.fromEntries(GROUPS.map((group) => [group, groupFrom(totals[group])])) as Record<GroupName, GroupSums>,
    },
    overlap: {
      customersInSeveralChains: report.overlap.customersInSeveralChains,
      chainPairs: pairsFrom(report.overlap.chainPairs.map((pair) => ({ a: pair.chains[0], b: pair.chains[1], customers: pair.customers })), chains, 'a', 'b', 'customers', '+'),
      capHits: report.overlap.capHits,
      capHitsByPair: pairsFrom(report.overlap.capHitsByPair, chains, 'chainId', 'byChainId', 'hits', '>'),
      customerDaysWithMessages: report.overlap.customerDaysWithMessages,
      customerDaysWithSeveralMessages: report.overlap.customerDaysWithSeveralMessages,
    },
    // a printed report has no customer-day rows (cli.md): not recorded
    customerDays: null,
    trace: (report.trace ?? []).map((entry) => ({ ts: Date.parse(entry.ts), customerId: entry.customerId, chainId: entry.chainId, nodeId: entry.nodeId, decision: decisionOf(entry.decision), group: entry.group, reason: { en: entry.reason, ru: entry.reasonRu } })),
  };
}
