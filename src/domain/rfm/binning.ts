import type { RfmBin, RfmEmptyReason, RfmLevels, RfmMeasure, RfmMeasureBreaks, RfmMethod, RfmScoring } from './types';
import { rfmPackageBreaksUnsorted } from './quantile';

/**
 * Turning one measure's values into scores 1 … levels (higher = better), for the three methods
 * of rfm-cjm.md. Recency is inverted: a smaller number of days is better.
 *
 * - quantile (R `rfm` v0.3): intervals `[lower_i, upper_i)` with lower = (min, b1 …) and
 *   upper = (b1 …, max + 1); the interval index i is the score (levels + 1 − i for recency).
 *   Since every value lies in [min, max], i = 1 + #{breaks ≤ value}.
 * - manual: the textbook reads cut points as "≤ 7, 7–30, 30–90, > 90 days", so a value equal
 *   to a cut point belongs to the lower group: i = 1 + #{cuts < value}.
 * - ntile: SQL `NTILE(levels) OVER (ORDER BY value)` — ascending for frequency and monetary,
 *   descending for recency — with ties broken by the customer's index (stable, deterministic):
 *   the first N mod levels groups get one customer more.
 */

/** Index 1 … cuts.length + 1 of `value` among ascending cut points. */
export function intervalIndex(value: number, cuts: readonly number[], isUpperInclusive: boolean): number {
  let index = 1;
  if (isUpperInclusive) {
    for (let k = 0; k < cuts.length; k++) if (cuts[k]! < value) index++;
  } else {
    for (let k = 0; k < cuts.length; k++) if (cuts[k]! <= value) index++;
  }
  return index;
}

/** Score from an interval index counted from the smallest values. */
export function indexToScore(measure: RfmMeasure, index: number, levels: number): number {
  return measure === 'recency' ? levels + 1 - index : index;
}

/** Whether a method's cut points include the value equal to them in the lower interval. */
export function isUpperInclusive(method: RfmMethod): boolean {
  return method === 'manual';
}

/** Score of one value with known cut points (quantile or manual). */
export function scoreWithCuts(measure: RfmMeasure, value: number, cuts: readonly number[], method: RfmMethod, levels: number): number {
  return indexToScore(measure, intervalIndex(value, cuts, isUpperInclusive(method)), levels);
}

/** Group (1-based) of the 0-based position `position` of `count` rows split like SQL NTILE(groups). */
export function ntileGroup(position: number, count: number, groups: number): number {
  const size = Math.floor(count / groups);
  const larger = count % groups;
  const largerRows = larger * (size + 1);
  if (position < largerRows) return Math.floor(position / (size + 1)) + 1;
  return larger + Math.floor((position - largerRows) / size) + 1;
}

/** The cut points a measure would use for these values (quantile or manual); [] for ntile. */
export function cutsFor(measure: RfmMeasure, values: Float64Array, scoring: RfmScoring): number[] {
  if (scoring.method === 'quantile') return rfmPackageBreaksUnsorted(values, scoring.levels);
  if (scoring.method === 'manual') return [...(scoring.manualBreaks?.[measure] ?? [])];
  return [];
}

/**
 * Scores every value (written to `scores`, same order as `values`) and describes the bins.
 * `tieKeys` orders equal values for ntile (the customers' indexes).
 */
export function binMeasure(
  measure: RfmMeasure,
  values: Float64Array,
  tieKeys: Int32Array,
  scoring: RfmScoring,
  scores: Uint8Array,
): RfmMeasureBreaks {
  if (scoring.method === 'ntile') return binByNtile(measure, values, tieKeys, scoring.levels, scores);
  const cuts = cutsFor(measure, values, scoring);
  const isInclusive = isUpperInclusive(scoring.method);
  const levels = scoring.levels;
  for (let i = 0; i < values.length; i++) scores[i] = indexToScore(measure, intervalIndex(values[i]!, cuts, isInclusive), levels);
  const bins = tallyBins(levels, values, scores);
  describeCutBins(bins, measure, cuts, scoring.method, levels, values.length);
  return { measure, method: scoring.method, cuts, bins, hasSplitTies: false };
}

/** One bin per score with its customers and value range (typed-array tallies, objects at the end). */
function tallyBins(levels: number, values: Float64Array, scores: Uint8Array): RfmBin[] {
  const counts = new Int32Array(levels + 1);
  const mins = new Float64Array(levels + 1).fill(Number.POSITIVE_INFINITY);
  const maxes = new Float64Array(levels + 1).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < values.length; i++) {
    const score = scores[i]!;
    const value = values[i]!;
    counts[score]!++;
    if (value < mins[score]!) mins[score] = value;
    if (value > maxes[score]!) maxes[score] = value;
  }
  return Array.from({ length: levels }, (_, i) => {
    const score = i + 1;
    const customers = counts[score]!;
    return {
      score,
      lower: null,
      upper: null,
      isLowerInclusive: true,
      isUpperInclusive: false,
      customers,
      minValue: customers ? mins[score]! : null,
      maxValue: customers ? maxes[score]! : null,
      empty: null,
    };
  });
}

function describeCutBins(bins: RfmBin[], measure: RfmMeasure, cuts: number[], method: RfmMethod, levels: RfmLevels, count: number): void {
  const isInclusive = isUpperInclusive(method);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const bin of bins) {
    if (bin.minValue !== null && bin.minValue < min) min = bin.minValue;
    if (bin.maxValue !== null && bin.maxValue > max) max = bin.maxValue;
  }
  for (let index = 1; index <= levels; index++) {
    const bin = bins[indexToScore(measure, index, levels) - 1]!;
    if (method === 'quantile') {
      bin.lower = index === 1 ? (count ? min : null) : cuts[index - 2]!;
      bin.upper = index === levels ? (count ? max + 1 : null) : cuts[index - 1]!;
    } else {
      bin.lower = index === 1 ? null : cuts[index - 2]!;
      bin.upper = index === levels ? null : cuts[index - 1]!;
    }
    bin.isLowerInclusive = !isInclusive;
    bin.isUpperInclusive = isInclusive;
  }
  for (const bin of bins) if (bin.customers === 0) bin.empty = emptyReason(bin, count);
}

function emptyReason(bin: RfmBin, count: number): RfmEmptyReason {
  if (count === 0) return 'fewCustomers';
  if (bin.lower !== null && bin.upper !== null && bin.lower >= bin.upper) return 'equalBreaks';
  return 'noValues';
}

function binByNtile(measure: RfmMeasure, values: Float64Array, tieKeys: Int32Array, levels: RfmLevels, scores: Uint8Array): RfmMeasureBreaks {
  const order = ntileOrder(measure, values, tieKeys);
  const count = values.length;
  for (let position = 0; position < count; position++) scores[order[position]!] = ntileGroup(position, count, levels);
  const bins = tallyBins(levels, values, scores);
  let hasSplitTies = false;
  for (let position = 1; position < count; position++) {
    const previous = order[position - 1]!;
    const current = order[position]!;
    if (scores[previous] !== scores[current] && values[previous] === values[current]) hasSplitTies = true;
  }
  for (const bin of bins) {
    bin.lower = bin.minValue;
    bin.upper = bin.maxValue;
    bin.isUpperInclusive = true;
    if (bin.customers === 0) bin.empty = 'fewCustomers';
  }
  const cuts = bins
    .filter((bin) => bin.customers > 0)
    .map((bin) => bin.minValue!)
    .sort((a, b) => a - b)
    .slice(1);
  return { measure, method: 'ntile', cuts, bins, hasSplitTies };
}

/** Positions sorted by value (descending for recency: the longest ago is the worst group), ties by key. */
function ntileOrder(measure: RfmMeasure, values: Float64Array, tieKeys: Int32Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sign = measure === 'recency' ? -1 : 1;
  return order.sort((a, b) => sign * (values[a]! - values[b]!) || tieKeys[a]! - tieKeys[b]!);
}
