/**
 * Money in a run is counted in whole ten-thousandths (1.2345 → 12345 units): integer sums are
 * exact and associative, so shards added in any order — and a merge of their JSON outputs —
 * give the same bytes as one run (simulation.md invariant 5). Amounts are rounded to four
 * decimals once, when they enter a sum; totals stay exact up to 900 billion.
 */
export const MONEY_UNITS = 10_000;

export function toUnits(amount: number): number {
  return amount === amount ? Math.round(amount * MONEY_UNITS) : 0;
}

export function fromUnits(units: number): number {
  return units / MONEY_UNITS;
}
