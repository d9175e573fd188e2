import type { CohortRow, CohortTable } from '../../domain/metrics';

/**
 * The colour scale of the cohort table: a cell's shade grows with its value, from near white
 * to a mid blue, and dark text stays readable on every shade (contrast ≥ 7:1). Retention is
 * scaled to the largest value after the first period (which is 100 % by definition and would
 * flatten every other cell); LTV to the largest value anywhere. Small cohorts are not shaded.
 */
export type CohortView = 'retention' | 'ltv';

const HUE = 210;
const LIGHTEST = 97;
const DARKEST = 66;

export function cohortCells(row: CohortRow, view: CohortView): number[] {
  return view === 'retention' ? row.retention : row.ltv;
}

export function scaleMaximum(table: CohortTable, view: CohortView): number {
  let max = 0;
  for (const row of table.cohorts) {
    if (row.isSmallSample) continue;
    const cells = cohortCells(row, view);
    for (let k = view === 'retention' ? 1 : 0; k < cells.length; k++) if (cells[k]! > max) max = cells[k]!;
  }
  return max;
}

/** `hsl(…)` of a value on a scale 0 … max; values beyond either end are clamped. */
export function cellColor(value: number, max: number): string {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const lightness = LIGHTEST - share * (LIGHTEST - DARKEST);
  return `hsl(${HUE}, 85%, ${lightness.toFixed(1)}%)`;
}
