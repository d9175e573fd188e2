import type { ChainFigures, DayFigures, NodeFigures, RunReport, TotalFigures } from './runReport';

/** Small run reports for the view-model tests (and, later, the screens' tests). */
export function nodeFigures(figures: Partial<NodeFigures> = {}): NodeFigures {
  return { entered: 0, left: {}, waiting: 0, ended: 0, suppressed: {}, sent: {}, withheld: {}, conversions: 0, ...figures };
}

export function dayFigures(date: string, figures: Partial<DayFigures> = {}): DayFigures {
  return { date, entries: 0, messages: {}, conversions: 0, cost: 0, revenue: 0, suppressed: 0, ...figures };
}

export function runReport(parts: { chains?: ChainFigures[]; days?: DayFigures[]; totals?: Partial<TotalFigures>; capHits?: number; projection?: boolean; period?: RunReport['period'] } = {}): RunReport {
  const projection = parts.projection ?? false;
  return {
    period: parts.period ?? { from: '2025-03-01', to: '2025-03-31' },
    chains: parts.chains ?? [],
    days: parts.days ?? [],
    totals: { customersReached: 0, messages: 0, suppressed: 0, cost: 0, conversions: 0, revenue: 0, sent: {}, projected: { conversions: 0, revenue: 0 }, ...parts.totals },
    overlap: { capHits: parts.capHits ?? 0 },
    inputs: { projection },
  };
}
