/**
 * The R package `rfm` (rsquaredacademy, v0.3) quantile breaks, reproduced to the bit so that
 * scores match it row for row:
 * - `bins()` takes `quantile(x, probs = seq(0, 1, length.out = n + 1))`, drops the first and
 *   last, and adds 1;
 * - `seq(0, 1, length.out = n + 1)` computes its inner values as `k * (1 / n)` (so the third
 *   fifth is 0.6000000000000001, not 0.6), which can move an interpolated break by one ulp;
 * - `quantile(type = 7)` is R's "completely back-compatible" branch: index = 1 + (n − 1) p,
 *   and when the index is not whole and the two neighbours differ, (1 − h) x[lo] + h x[hi]
 *   (not x[lo] + h (x[hi] − x[lo]), which rounds differently).
 */

/** R's `quantile(x, p, type = 7)` for values sorted ascending (no NaN). */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const index = 1 + Math.max(n - 1, 0) * p;
  return interpolate(index, sorted[Math.floor(index) - 1]!, sorted[Math.ceil(index) - 1]!);
}

/** R's type-7 step between the order statistics x[lo] and x[hi] around the 1-based `index`. */
function interpolate(index: number, lower: number, upper: number): number {
  const lo = Math.floor(index);
  if (index > lo && upper !== lower) {
    const h = index - lo;
    return (1 - h) * lower + h * upper;
  }
  return lower;
}

/** The probabilities `seq(0, 1, length.out = levels + 1)` without 0 and 1, computed as R does. */
export function innerProbabilities(levels: number): number[] {
  const step = 1 / levels;
  return Array.from({ length: levels - 1 }, (_, k) => (k + 1) * step);
}

/** The package's inner breaks for `levels` scores: quantile(k / levels) + 1, k = 1 … levels − 1. */
export function rfmPackageBreaks(sorted: ArrayLike<number>, levels: number): number[] {
  return innerProbabilities(levels).map((p) => quantileType7(sorted, p) + 1);
}

/**
 * The same breaks from unsorted values without sorting them: only the few order statistics the
 * quantiles need are found — by counting when the values are whole numbers in a small range
 * (days, order counts), else by one multi-position quickselect on a copy. O(n), not O(n log n).
 */
export function rfmPackageBreaksUnsorted(values: Float64Array, levels: number): number[] {
  const n = values.length;
  if (n === 0) return [];
  const indexes = innerProbabilities(levels).map((p) => 1 + (n - 1) * p);
  const positions = [...new Set(indexes.flatMap((index) => [Math.floor(index) - 1, Math.ceil(index) - 1]))].sort((a, b) => a - b);
  const statistic = orderStatistics(values, positions);
  return indexes.map((index) => interpolate(index, statistic.get(Math.floor(index) - 1)!, statistic.get(Math.ceil(index) - 1)!) + 1);
}

/** The values at the given 0-based positions of the sorted order (positions ascending). */
function orderStatistics(values: Float64Array, positions: number[]): Map<number, number> {
  const counted = countedStatistics(values, positions);
  if (counted) return counted;
  const work = Float64Array.from(values);
  multiSelect(work, 0, work.length - 1, positions);
  return new Map(positions.map((position) => [position, work[position]!]));
}

const MAX_COUNTING_RANGE = 1 << 22;

/** Order statistics of whole numbers by a histogram; null when the values do not suit it. */
function countedStatistics(values: Float64Array, positions: number[]): Map<number, number> | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isInteger(value)) return null;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const range = max - min + 1;
  if (range > MAX_COUNTING_RANGE || range > 8 * values.length + 1024) return null;
  const counts = new Int32Array(range);
  for (let i = 0; i < values.length; i++) counts[values[i]! - min]!++;
  const found = new Map<number, number>();
  let seen = 0;
  let next = 0;
  for (let slot = 0; slot < range && next < positions.length; slot++) {
    seen += counts[slot]!;
    while (next < positions.length && positions[next]! < seen) found.set(positions[next++]!, slot + min);
  }
  return found;
}

/**
 * Rearranges values[left … right] so that every wanted position holds what sorting would put
 * there: Hoare partitions around a median-of-three pivot, recursing only into the sides that
 * hold wanted positions.
 */
function multiSelect(values: Float64Array, left: number, right: number, positions: number[]): void {
  const wanted = positions.filter((position) => position >= left && position <= right);
  if (wanted.length === 0 || right <= left) return;
  const middle = (left + right) >>> 1;
  const a = values[left]!;
  const b = values[middle]!;
  const c = values[right]!;
  const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
  let i = left;
  let j = right;
  while (i <= j) {
    while (values[i]! < pivot) i++;
    while (values[j]! > pivot) j--;
    if (i <= j) {
      const swap = values[i]!;
      values[i] = values[j]!;
      values[j] = swap;
      i++;
      j--;
    }
  }
  // Between j and i everything equals the pivot and is already in its sorted place.
  multiSelect(values, left, j, wanted);
  multiSelect(values, i, right, wanted);
}
