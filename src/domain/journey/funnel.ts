import { DAY_MS } from '../time';
import { furthestStageAt, isKnownAt, type JourneyIndex } from './journeyIndex';

/**
 * The funnel as of an instant (rfm-cjm.md "Journey (CJM) stages"):
 * - furthest: customers whose furthest stage is this one;
 * - reached: customers whose furthest stage is this one or a later one (cli.md), so reached
 *   never grows down the funnel and conversion = reached / reached of the previous stage;
 * - drop-off: reached of the previous stage − reached of this one;
 * - days from the previous stage: over customers who reached both stages, the previous one no
 *   later than this one, (first reach of this − first reach of previous) in days (fractional:
 *   a checkout-to-order gap of minutes is 0.01 days, not 0). Median and the quartiles (IQR);
 *   customers who skipped the previous stage or reached them out of order are not in it.
 * `customers` counts customers known as of the instant; `withoutStage` those of them in no
 * stage (possible only when the mapping leaves their events unassigned).
 */
export interface DaysSummary {
  /** customers measured */
  count: number;
  median: number;
  q1: number;
  q3: number;
}

export interface FunnelStage {
  stageId: string;
  reached: number;
  furthest: number;
  /** reached / previous stage's reached; null for the first stage or when nobody reached the previous one */
  conversionFromPrevious: number | null;
  dropOffFromPrevious: number | null;
  daysFromPrevious: DaysSummary | null;
}

export interface Funnel {
  at: number;
  customers: number;
  withoutStage: number;
  stages: FunnelStage[];
}

/** Linear-interpolation quantile (R type 7, numpy's default) of ascending values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function summarizeDays(values: Float64Array): DaysSummary | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort();
  return { count: sorted.length, median: quantileSorted(sorted, 0.5), q1: quantileSorted(sorted, 0.25), q3: quantileSorted(sorted, 0.75) };
}

export function funnelAt(index: JourneyIndex, at: number): Funnel {
  const S = index.stageCount;
  const furthest = new Array<number>(S).fill(0);
  const gaps = Array.from({ length: S }, () => new Float64Array(index.data.customerCount));
  const gapCounts = new Int32Array(S);
  let customers = 0;
  let withoutStage = 0;
  for (let c = 0; c < index.data.customerCount; c++) {
    if (!isKnownAt(index, c, at)) continue;
    customers++;
    const stage = furthestStageAt(index, c, at);
    if (stage < 0) {
      withoutStage++;
      continue;
    }
    furthest[stage]!++;
    collectGaps(index, c, at, stage, gaps, gapCounts);
  }
  const reached = new Array<number>(S).fill(0);
  for (let s = S - 1, sum = 0; s >= 0; s--) reached[s] = sum += furthest[s]!;
  const stages = index.stageIds.map((stageId, s): FunnelStage => {
    const previous = s > 0 ? reached[s - 1]! : null;
    return {
      stageId,
      reached: reached[s]!,
      furthest: furthest[s]!,
      conversionFromPrevious: previous ? reached[s]! / previous : null,
      dropOffFromPrevious: previous === null ? null : previous - reached[s]!,
      daysFromPrevious: s > 0 ? summarizeDays(gaps[s]!.subarray(0, gapCounts[s]!)) : null,
    };
  });
  return { at, customers, withoutStage, stages };
}

function collectGaps(index: JourneyIndex, c: number, at: number, furthest: number, gaps: Float64Array[], counts: Int32Array): void {
  const base = c * index.stageCount;
  for (let s = 1; s <= furthest; s++) {
    const previous = index.firstReach[base + s - 1]!;
    const current = index.firstReach[base + s]!;
    if (current < at && previous <= current) gaps[s]![counts[s]!++] = (current - previous) / DAY_MS;
  }
}
