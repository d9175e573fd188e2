import type { Chain } from '../../domain/chains';

/** The parts of `chainlab simulate --json` the invariants read. */
export interface SimulateReport {
  period: { from: string; to: string };
  chains: { id: string; nodes: Record<string, NodeCounts>; edges: Record<string, number> }[];
  days: DayCounts[];
  totals: { messages: number; suppressed: number; conversions: number; revenue: number; cost: number; customersReached: number; projected: { conversions: number } };
}

interface NodeCounts {
  entered: number;
  left: Record<string, number>;
  waiting: number;
  ended: number;
  sent: Record<string, number>;
  suppressed: Record<string, number>;
}

interface DayCounts {
  date: string;
  entries: number;
  messages: Record<string, number>;
  conversions: number;
  revenue: number;
  cost: number;
  suppressed: number;
  projected: { conversions: number };
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};

/** Money is summed in floating point over days and over the whole run: equal to a cent's hundredth. */
const sameMoney = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/**
 * What must hold in any simulate report, whatever the data (h-robust's check.py, kept here so tests
 * run it): per node, entered = Σ left + waiting + ended; what leaves by a port crosses its edges;
 * what enters a node came in by its edges; the totals are the sums of the days and of the nodes;
 * no day outside the period has activity; counts are whole and not negative. Returns what is broken.
 */
export function brokenInvariants(report: SimulateReport, chains: readonly Chain[]): string[] {
  const broken: string[] = [];
  const byId = new Map(chains.map((chain) => [chain.id, chain]));
  let sentByNodes = 0;
  let suppressedByMessages = 0;
  let enteredTriggers = 0;
  for (const result of report.chains) {
    const chain = byId.get(result.id);
    if (!chain) {
      broken.push(`chain ${result.id} is not one of the chain files`);
      continue;
    }
    const kinds = new Map(chain.nodes.map((node) => [node.id, node.kind]));
    for (const [nodeId, node] of Object.entries(result.nodes)) {
      const where = `${result.id}/${nodeId}`;
      const accounted = sum(Object.values(node.left)) + node.waiting + node.ended;
      if (node.entered !== accounted) broken.push(`${where}: entered ${node.entered} ≠ left + waiting + ended ${accounted}`);
      const counts = { entered: node.entered, waiting: node.waiting, ended: node.ended, ...node.left, ...node.sent, ...node.suppressed };
      for (const [name, count] of Object.entries(counts)) if (!Number.isInteger(count) || count < 0) broken.push(`${where}.${name} = ${count}`);
      sentByNodes += sum(Object.values(node.sent));
      if (kinds.get(nodeId) === 'message') suppressedByMessages += sum(Object.values(node.suppressed));
      if (kinds.get(nodeId) === 'trigger') enteredTriggers += node.entered;
    }
    const byPort = new Map<string, number>();
    const intoNode = new Map<string, number>();
    for (const edge of chain.edges) {
      const crossed = result.edges[edge.id] ?? 0;
      const port = `${edge.source}.${edge.sourcePort}`;
      byPort.set(port, (byPort.get(port) ?? 0) + crossed);
      intoNode.set(edge.target, (intoNode.get(edge.target) ?? 0) + crossed);
    }
    for (const [port, crossed] of byPort) {
      const [source, name] = port.split('.') as [string, string];
      const left = result.nodes[source]?.left[name] ?? 0;
      if (left !== crossed) broken.push(`${result.id}/${port}: left ${left} ≠ Σ its edges ${crossed}`);
    }
    for (const node of chain.nodes) {
      if (node.kind === 'trigger') continue;
      const entered = result.nodes[node.id]?.entered ?? 0;
      if (entered !== (intoNode.get(node.id) ?? 0)) broken.push(`${result.id}/${node.id}: entered ${entered} ≠ Σ incoming edges ${intoNode.get(node.id) ?? 0}`);
    }
  }
  const { from, to } = report.period;
  const dates = report.days.map((day) => day.date);
  if (dates.some((date, index) => index > 0 && date <= dates[index - 1]!)) broken.push('days are not in order or repeat a date');
  for (const day of report.days) {
    const active = day.entries || sum(Object.values(day.messages)) || day.conversions || day.cost || day.revenue;
    if ((day.date < from || day.date > to) && active) broken.push(`activity on ${day.date}, outside ${from} … ${to}`);
  }
  const { totals } = report;
  const daysMessages = sum(report.days.map((day) => sum(Object.values(day.messages))));
  if (totals.messages !== daysMessages) broken.push(`totals.messages ${totals.messages} ≠ Σ days ${daysMessages}`);
  if (totals.messages !== sentByNodes) broken.push(`totals.messages ${totals.messages} ≠ Σ nodes sent ${sentByNodes}`);
  if (totals.suppressed !== suppressedByMessages) broken.push(`totals.suppressed ${totals.suppressed} ≠ Σ message nodes suppressed ${suppressedByMessages}`);
  const daysSuppressed = sum(report.days.map((day) => day.suppressed));
  if (totals.suppressed !== daysSuppressed) broken.push(`totals.suppressed ${totals.suppressed} ≠ Σ days ${daysSuppressed}`);
  const daysConversions = sum(report.days.map((day) => day.conversions));
  if (totals.conversions !== daysConversions) broken.push(`totals.conversions ${totals.conversions} ≠ Σ days ${daysConversions}`);
  const daysProjected = sum(report.days.map((day) => day.projected.conversions));
  if (totals.projected.conversions !== daysProjected) broken.push(`totals.projected.conversions ${totals.projected.conversions} ≠ Σ days ${daysProjected}`);
  const daysEntries = sum(report.days.map((day) => day.entries));
  if (daysEntries !== enteredTriggers) broken.push(`Σ days entries ${daysEntries} ≠ Σ triggers entered ${enteredTriggers}`);
  const daysCost = sum(report.days.map((day) => day.cost));
  if (!sameMoney(totals.cost, daysCost)) broken.push(`totals.cost ${totals.cost} ≠ Σ days ${daysCost}`);
  const daysRevenue = sum(report.days.map((day) => day.revenue));
  if (!sameMoney(totals.revenue, daysRevenue)) broken.push(`totals.revenue ${totals.revenue} ≠ Σ days ${daysRevenue}`);
  for (const name of ['customersReached', 'messages', 'suppressed', 'conversions'] as const) {
    if (!Number.isInteger(totals[name]) || totals[name] < 0) broken.push(`totals.${name} = ${totals[name]}`);
  }
  return broken;
}
