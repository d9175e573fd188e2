import { monetaryValueOf, type RfmResult } from './computeRfm';
import { segmentOf, type CompiledSegmentMap } from './segmentMaps';

/**
 * What the Segments screen and the command line show about a result: each customer's segment,
 * totals per segment, the R × F heatmap and the movement between two dates. Segment codes: 0 …
 * S − 1 the map's segments, S "Others", S + 1 "No purchases" (no order in the period).
 */
export function othersCode(segmentCount: number): number {
  return segmentCount;
}

export function noPurchasesCode(segmentCount: number): number {
  return segmentCount + 1;
}

export function assignSegments(result: RfmResult, map: CompiledSegmentMap): Uint16Array {
  if (map.levels !== result.params.levels) throw new Error(`segment map has ${map.levels} levels, the result ${result.params.levels}`);
  const codes = new Uint16Array(result.customerCount);
  const none = noPurchasesCode(map.segmentCount);
  for (let c = 0; c < result.customerCount; c++) {
    codes[c] = result.frequency[c] === 0 ? none : segmentOf(map, result.r[c]!, result.f[c]!, result.m[c]!);
  }
  return codes;
}

export interface SegmentTotals {
  code: number;
  customers: number;
  orders: number;
  /** Net revenue in the period. */
  revenue: number;
  /** Σ days since the last order, over the segment's customers (for averages). */
  recencySum: number;
  /** Σ monetary values (total or average, as scored). */
  monetarySum: number;
}

/** Totals for every code 0 … S + 1, in that order. */
export function segmentTotals(result: RfmResult, codes: Uint16Array, segmentCount: number): SegmentTotals[] {
  const totals = Array.from({ length: segmentCount + 2 }, (_, code) => ({ code, customers: 0, orders: 0, revenue: 0, recencySum: 0, monetarySum: 0 }));
  for (let c = 0; c < result.customerCount; c++) {
    const total = totals[codes[c]!]!;
    total.customers++;
    const orders = result.frequency[c]!;
    if (orders === 0) continue;
    total.orders += orders;
    total.revenue += result.revenue[c]!;
    total.recencySum += result.recency[c]!;
    total.monetarySum += monetaryValueOf(result, c);
  }
  return totals;
}

export interface HeatmapCell {
  r: number;
  f: number;
  customers: number;
  revenue: number;
  /** Average monetary value (as scored) of the cell's customers; null when empty. */
  averageMonetary: number | null;
  /** The segment holding most of the cell's customers (ties: the earlier one); null when empty. */
  segment: number | null;
  /** Share of the cell's customers in that segment. */
  segmentShare: number;
}

/** R × F cells, r-major: cell (r, f) is at index (r − 1) · levels + (f − 1). */
export function rfHeatmap(result: RfmResult, codes: Uint16Array, segmentCount: number): HeatmapCell[] {
  const n = result.params.levels;
  const cells: HeatmapCell[] = [];
  for (let r = 1; r <= n; r++) {
    for (let f = 1; f <= n; f++) cells.push({ r, f, customers: 0, revenue: 0, averageMonetary: null, segment: null, segmentShare: 0 });
  }
  const bySegment = new Int32Array(n * n * (segmentCount + 1));
  const monetarySums = new Float64Array(n * n);
  for (let c = 0; c < result.customerCount; c++) {
    if (result.frequency[c] === 0) continue;
    const index = (result.r[c]! - 1) * n + (result.f[c]! - 1);
    const cell = cells[index]!;
    cell.customers++;
    cell.revenue += result.revenue[c]!;
    monetarySums[index]! += monetaryValueOf(result, c);
    bySegment[index * (segmentCount + 1) + codes[c]!]!++;
  }
  cells.forEach((cell, index) => {
    if (cell.customers === 0) return;
    cell.averageMonetary = monetarySums[index]! / cell.customers;
    let best = 0;
    for (let s = 1; s <= segmentCount; s++) if (bySegment[index * (segmentCount + 1) + s]! > bySegment[index * (segmentCount + 1) + best]!) best = s;
    cell.segment = best;
    cell.segmentShare = bySegment[index * (segmentCount + 1) + best]! / cell.customers;
  });
  return cells;
}

/** counts[from][to]: customers whose code was `from` at the first date and `to` at the second. */
export function transitionMatrix(fromCodes: Uint16Array, toCodes: Uint16Array, segmentCount: number): number[][] {
  if (fromCodes.length !== toCodes.length) throw new Error('transition: results of different workspaces');
  const size = segmentCount + 2;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let c = 0; c < fromCodes.length; c++) counts[fromCodes[c]!]![toCodes[c]!]!++;
  return counts;
}

export interface CustomerFilter {
  /** Segment code (0 … S + 1). */
  segment?: number;
  r?: number;
  f?: number;
  m?: number;
}

/** Customer indexes matching the filter, in index order. */
export function filterCustomers(result: RfmResult, codes: Uint16Array, filter: CustomerFilter): Int32Array {
  const matches: number[] = [];
  for (let c = 0; c < result.customerCount; c++) {
    if (filter.segment !== undefined && codes[c] !== filter.segment) continue;
    if (filter.r !== undefined && result.r[c] !== filter.r) continue;
    if (filter.f !== undefined && result.f[c] !== filter.f) continue;
    if (filter.m !== undefined && result.m[c] !== filter.m) continue;
    matches.push(c);
  }
  return Int32Array.from(matches);
}

export const RFM_SORT_FIELDS = ['recency', 'frequency', 'revenue', 'monetary', 'score'] as const;
export type RfmSortField = (typeof RFM_SORT_FIELDS)[number];

/** Sorts customer indexes in place by a measure (ties by index); "no purchases" go last. */
export function sortCustomers(result: RfmResult, indexes: Int32Array, field: RfmSortField, isDescending: boolean): Int32Array {
  const key = (c: number): number => {
    if (result.frequency[c] === 0) return Number.NaN;
    if (field === 'recency') return result.recency[c]!;
    if (field === 'frequency') return result.frequency[c]!;
    if (field === 'revenue') return result.revenue[c]!;
    if (field === 'monetary') return monetaryValueOf(result, c);
    return result.r[c]! * 100 + result.f[c]! * 10 + result.m[c]!;
  };
  const keys = new Float64Array(result.customerCount);
  for (const c of indexes) keys[c] = key(c);
  const sign = isDescending ? -1 : 1;
  return indexes.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) === Number.isNaN(kb) ? a - b : Number.isNaN(ka) ? 1 : -1;
    return sign * (ka - kb) || a - b;
  });
}
