import type { RunReport } from './runReport';

/**
 * The what-if table: one row per variant run (same data and seed), one column per figure, the
 * best value of each column marked. "Best" per column, from a marketer's side:
 * - reach (customers reached): highest — the chain touches more of the customers it is for;
 * - messages: lowest — fewer messages for the customers reached is less pressure and less cost;
 * - cost: lowest;
 * - cap hits (messages the frequency cap stopped): lowest — fewer collisions between messages;
 * - conversions (replayed, organic): highest;
 * - projected conversions: highest (only when the runs had the projection on; otherwise the
 *   column is null for every row and nothing is marked).
 * Ties share the mark; a column where every row has the same value marks nothing (there is
 * nothing to choose). Rows without a value (null) never win.
 */
export const VARIANT_COLUMNS = ['reach', 'messages', 'cost', 'capHits', 'conversions', 'projectedConversions'] as const;
export type VariantColumn = (typeof VARIANT_COLUMNS)[number];

export const BEST_IS: Record<VariantColumn, 'highest' | 'lowest'> = {
  reach: 'highest',
  messages: 'lowest',
  cost: 'lowest',
  capHits: 'lowest',
  conversions: 'highest',
  projectedConversions: 'highest',
};

export interface VariantRow {
  /** the variant's position in the what-if spec */
  index: number;
  values: Record<VariantColumn, number | null>;
  isBest: Record<VariantColumn, boolean>;
}

function columnValues(report: RunReport): Record<VariantColumn, number | null> {
  const isProjected = report.inputs ? report.inputs.projection : report.totals.projected !== undefined;
  return {
    reach: report.totals.customersReached,
    messages: report.totals.messages,
    cost: report.totals.cost,
    capHits: report.overlap?.capHits ?? 0,
    conversions: report.totals.conversions,
    projectedConversions: isProjected ? (report.totals.projected?.conversions ?? 0) : null,
  };
}

function bestValue(values: readonly (number | null)[], bestIs: 'highest' | 'lowest'): number | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2) return null;
  const best = bestIs === 'highest' ? Math.max(...present) : Math.min(...present);
  const worst = bestIs === 'highest' ? Math.min(...present) : Math.max(...present);
  return best === worst ? null : best;
}

function byColumn<T>(make: (column: VariantColumn) => T): Record<VariantColumn, T> {
  return { reach: make('reach'), messages: make('messages'), cost: make('cost'), capHits: make('capHits'), conversions: make('conversions'), projectedConversions: make('projectedConversions') };
}

/** Rows in the order given; `reports[i]` is the run of variant i. */
export function variantTable(reports: readonly RunReport[]): VariantRow[] {
  const values = reports.map(columnValues);
  const best = byColumn((column) => bestValue(values.map((row) => row[column]), BEST_IS[column]));
  return values.map((row, index) => ({
    index,
    values: row,
    isBest: byColumn((column) => best[column] !== null && row[column] === best[column]),
  }));
}
