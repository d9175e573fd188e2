import { compareRuns, type FigureDifference } from '../../../domain/runs';
import type { SimulationReport } from '../../../domain/simulation';

/**
 * Two saved runs side by side (issue 14 "compare"): the domain's comparison (other − base) and
 * what the page needs besides — the kind of each figure for formatting, the days both charts
 * share, and the chains both runs ran (their per-node deltas are drawn on the canvas).
 */
const MONEY_FIGURES = new Set(['cost', 'revenue', 'projectedRevenue']);

export interface ComparedRow extends FigureDifference {
  kind: 'count' | 'money';
  /** the i18n key and parameters of the figure's name */
  name: { key: string; channel?: string };
}

export function comparisonOf(base: SimulationReport, other: SimulationReport) {
  const comparison = compareRuns(base, other);
  const rows: ComparedRow[] = comparison.figures.map((figure) => ({
    ...figure,
    kind: MONEY_FIGURES.has(figure.figure) ? 'money' : 'count',
    name: figure.figure.startsWith('sent.') ? { key: 'runs.figure.sent', channel: figure.figure.slice('sent.'.length) } : { key: `runs.figure.${figure.figure}` },
  }));
  const sharedChains = base.chains.filter((chain) => other.chains.some((candidate) => candidate.id === chain.id)).map((chain) => ({ id: chain.id, name: chain.name }));
  return { rows, dates: comparison.days.days.map((day) => day.date), unplacedDates: comparison.days.unplacedDates, sharedChains, chains: comparison.chains };
}

/** Where the canvas draws the per-node deltas of `other` against `base` for one chain (the run-canvas part reads `?run=` and `?compare=`). */
export function canvasDeltaLinkOf(chainId: string, otherRunId: string, baseRunId: string): string {
  return `/chains/${encodeURIComponent(chainId)}?run=${encodeURIComponent(otherRunId)}&compare=${encodeURIComponent(baseRunId)}`;
}
