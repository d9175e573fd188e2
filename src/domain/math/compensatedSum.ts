/**
 * Sums of money over millions of rows, kept as double-double pairs (a `hi` and a `lo` array,
 * one slot per customer, group or cell): Knuth's two-sum keeps each addition's rounding error in
 * `lo`, so a sum is exact to about 30 digits before its one final rounding (`sumValue`) and does
 * not depend on the order the rows came in.
 */
export function addToSum(hi: Float64Array, lo: Float64Array, slot: number, value: number): void {
  const a = hi[slot]!;
  const s = a + value;
  const virtual = s - a;
  const error = a - (s - virtual) + (value - virtual);
  const low = lo[slot]! + error;
  const high = s + low;
  hi[slot] = high;
  lo[slot] = low - (high - s);
}

/** The sum in a slot, rounded once. */
export function sumValue(hi: Float64Array, lo: Float64Array, slot: number): number {
  return hi[slot]! + lo[slot]!;
}

/** Adds slot `from` of (hi, lo) into slot `to` of (intoHi, intoLo): running totals of cells. */
export function addSumTo(hi: Float64Array, lo: Float64Array, from: number, intoHi: Float64Array, intoLo: Float64Array, to: number): void {
  addToSum(intoHi, intoLo, to, hi[from]!);
  addToSum(intoHi, intoLo, to, lo[from]!);
}
