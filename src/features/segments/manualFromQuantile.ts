import type { RfmBreaks, RfmManualBreaks } from '../../domain/rfm';

/**
 * Manual cut points that reproduce quantile breaks as closely as "≤ cut" bands can: the
 * package's intervals are [b, …), so for whole measures the cut below b is ceil(b) − 1; money is
 * rounded to three significant digits. Cut points are kept strictly increasing.
 */
export function manualFromQuantile(breaks: RfmBreaks, levels: number): RfmManualBreaks {
  return {
    recency: increasing(breaks.recency.cuts.map((b) => Math.ceil(b) - 1), levels),
    frequency: increasing(breaks.frequency.cuts.map((b) => Math.max(1, Math.ceil(b) - 1)), levels),
    monetary: increasing(breaks.monetary.cuts.map((b) => Number(b.toPrecision(3))), levels),
  };
}

function increasing(cuts: number[], levels: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < levels - 1; i++) {
    const previous = result.at(-1);
    const value = cuts[i] ?? (previous === undefined ? 1 : previous + 1);
    result.push(previous !== undefined && value <= previous ? previous + 1 : value);
  }
  return result;
}
