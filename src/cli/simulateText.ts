import type { SimulationReport } from '../domain/simulation';
import { textTable } from './textTable';

/** The readable summary `chainlab simulate` prints without --json. */
function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length ? entries.map(([key, value]) => `${key} ${value}`).join(', ') : '—';
}

function money(value: number): string {
  return value.toFixed(2);
}

function rateText(figure: { value: number | null; numerator: number; denominator: number }): string {
  return figure.value === null ? '—' : `${(figure.value * 100).toFixed(1)}% (${figure.numerator}/${figure.denominator})`;
}

function chainText(chain: SimulationReport['chains'][number]): string[] {
  const rows = [
    ['node', 'entered', 'waiting', 'ended', 'left by port', 'sent', 'suppressed'],
    ...Object.entries(chain.nodes).map(([id, node]) => [id, String(node.entered), String(node.waiting), String(node.ended), counts(node.left), counts(node.sent), counts(node.suppressed)]),
  ];
  return [
    `Chain "${chain.name}" (${chain.id}): ${chain.customers} customers entered ${chain.entries} times; ${chain.messages} messages, ${chain.suppressed} suppressed, cost ${money(chain.cost)}`,
    textTable(rows, (column) => column > 0 && column < 4),
    `treatment ${chain.treatment.customers} customers, ${chain.treatment.conversions} conversions; control ${chain.control.customers} customers, ${chain.control.conversions} conversions`,
    '',
  ];
}

export function simulationText(report: SimulationReport): string {
  const { totals } = report;
  const projected = report.inputs.projection
    ? [`projected (drawn from response rates, not measured): open rate ${rateText(totals.rates.openRate)}, click rate ${rateText(totals.rates.clickRate)}, ${totals.projected.conversions} orders, revenue ${money(totals.projected.revenue)}`]
    : [];
  const trace = 'trace' in report && report.trace ? ['Trace', ...(report.trace.length ? report.trace.map((entry) => `${entry.ts}  ${entry.chainId}/${entry.nodeId}  ${entry.decision}: ${entry.reason}`) : ['(no decisions for this customer)']), ''] : [];
  return [
    `Simulated ${report.period.from} … ${report.period.to} (${report.inputs.timeZone}), seed ${report.seed}: ${totals.customers} customers`,
    ...report.warnings.map((warning) => `warning: ${warning}`),
    '',
    ...report.chains.flatMap(chainText),
    `Totals: ${totals.customersReached} customers reached, ${totals.messages} messages (${counts(totals.sent)}), ${totals.suppressed} suppressed (${counts(totals.suppressedByReason)}), cost ${money(totals.cost)}`,
    `replayed (goal events after a message; they happened anyway): ${totals.conversions} conversions, revenue ${money(totals.revenue)}, ${rateText(totals.rates.replayedConversionRate)} of messages`,
    ...projected,
    `overlap: ${report.overlap.customersInSeveralChains} customers in several chains, ${report.overlap.capHits} cap hits, ${report.overlap.customerDaysWithSeveralMessages} customer-days with more than one message`,
    '',
    ...trace,
  ].join('\n');
}
