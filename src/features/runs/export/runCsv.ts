import type { Chain } from '../../../domain/chains';
import { csvText, type CsvValue } from '../../../domain/csv/csvWrite';
import { REASONS, type SimulationReport } from '../../../domain/simulation';
import { formatUtcInstant } from '../../../domain/time';
import type { CustomerPath } from '../../../engine/simulate/simulateTypes';
import { channelsOf } from '../results/resultsModel';

/**
 * The CSV exports of a run: per node and per day, with the column names of `chainlab simulate`'s
 * JSON (cli.md) so a file reads the same in any language, numbers unrounded (money in currency
 * units), texts (chain and node names the user typed) with spreadsheet formulas neutralised by
 * the domain's CSV writer. Columns are fixed by what either part of the run used, so every row
 * has every column.
 */
function union(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  return Object.assign({}, ...records) as Record<string, number>;
}

function portsText(left: Readonly<Record<string, number>>): string {
  return Object.entries(left)
    .map(([port, count]) => `${port}=${count}`)
    .join('; ');
}

/** One row per node of every chain of the run: who entered, left by port, waited, ended; messages sent by channel, suppressed by reason, withheld; conversions. */
export function nodeCsv(report: SimulationReport, chains: readonly Chain[]): string {
  const nodes = report.chains.flatMap((chain) => Object.values(chain.nodes));
  const channels = channelsOf(union(nodes.map((node) => node.sent)));
  const known: readonly string[] = REASONS;
  const reasons = [...known.filter((reason) => nodes.some((node) => reason in node.suppressed)), ...Object.keys(union(nodes.map((node) => node.suppressed))).filter((reason) => !known.includes(reason)).sort()];
  const header = ['chain_id', 'chain', 'node_id', 'node', 'kind', 'entered', 'left', 'waiting', 'ended', 'ended_by_goal', ...channels.map((channel) => `sent_${channel}`), ...reasons.map((reason) => `suppressed_${reason}`), 'withheld', 'conversions', 'revenue'];
  const rows: CsvValue[][] = [header];
  for (const chain of report.chains) {
    const definition = chains.find((candidate) => candidate.id === chain.id);
    for (const [nodeId, node] of Object.entries(chain.nodes)) {
      const described = definition?.nodes.find((candidate) => candidate.id === nodeId);
      const withheld = Object.values(node.withheld).reduce((sum, value) => sum + value, 0);
      rows.push([
        chain.id,
        chain.name,
        nodeId,
        described?.label || nodeId,
        described?.kind ?? '',
        node.entered,
        portsText(node.left),
        node.waiting,
        node.ended,
        node.endedByGoal,
        ...channels.map((channel) => (node.sent as Record<string, number>)[channel] ?? 0),
        ...reasons.map((reason) => (node.suppressed as Record<string, number>)[reason] ?? 0),
        withheld,
        node.conversions,
        node.revenue,
      ]);
    }
  }
  return csvText(rows);
}

/** One row per day of the run: entries, messages by channel, suppressed, conversions, revenue, cost; projected figures only when the run projected, in columns named `projected_…`. */
export function dayCsv(report: SimulationReport): string {
  const channels = channelsOf(union(report.days.map((day) => day.messages)));
  const isProjected = report.inputs.projection;
  const header = ['date', 'entries', ...channels.map((channel) => `messages_${channel}`), 'messages', 'suppressed', 'conversions', 'revenue', 'cost', ...(isProjected ? ['projected_conversions', 'projected_revenue'] : [])];
  const rows: CsvValue[][] = [header];
  for (const day of report.days) {
    const messages = day.messages as Record<string, number>;
    rows.push([
      day.date,
      day.entries,
      ...channels.map((channel) => messages[channel] ?? 0),
      Object.values(messages).reduce((sum, value) => sum + value, 0),
      day.suppressed,
      day.conversions,
      day.revenue,
      day.cost,
      ...(isProjected ? [day.projected.conversions, day.projected.revenue] : []),
    ]);
  }
  return csvText(rows);
}

/** A file name from the run's name: letters of any script, digits and dashes kept. */
export function exportFileName(runName: string, part: string, extension: string): string {
  const base = runName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'run';
  return `${base}-${part}.${extension}`;
}

/** One row per customer and chain: their group, the first and last step (UTC), messages sent and suppressed, and the path — each step as "node (decision)" in order. */
export function customerCsv(paths: readonly CustomerPath[], chains: readonly Chain[]): string {
  const labels = new Map<string, string>();
  for (const chain of chains) for (const node of chain.nodes) labels.set(`${chain.id}/${node.id}`, node.label || node.id);
  const names = new Map(chains.map((chain) => [chain.id, chain.name]));
  const rows: CsvValue[][] = [['customer_id', 'chain_id', 'chain', 'group', 'first_step_utc', 'last_step_utc', 'sent', 'suppressed', 'path']];
  for (const path of paths) {
    const steps = path.steps.map((step) => {
      const at = step.lastIndexOf(':');
      const nodeId = step.slice(0, at);
      return `${labels.get(`${path.chainId}/${nodeId}`) ?? nodeId} (${step.slice(at + 1)})`;
    });
    rows.push([path.customerId, path.chainId, names.get(path.chainId) ?? path.chainId, path.group, formatUtcInstant(path.from), formatUtcInstant(path.to), path.sent, path.suppressed, steps.join(' → ')]);
  }
  return csvText(rows);
}
