import { computeRfm, monetaryValueOf, type RfmResult } from './computeRfm';
import type { RfmHistory } from './history';
import { RFM_MEASURES, type RfmMeasure, type RfmScoring } from './types';

/**
 * The part of a day's RFM that depends on EVERY customer — the cut points of each measure, or
 * for equal-size groups the first (value, customer) of each group — as plain data. Computed once
 * from the whole history, it lets `createRfmEvaluator` score any customer from that customer's
 * own orders alone (`scales` option): the simulator computes the scales before splitting
 * customers into shards, so a shard holding some customers scores them exactly as a run over
 * all of them does.
 */
export interface RfmDayScale {
  /** quantile / manual: the cut points in use (RfmMeasureBreaks.cuts) */
  cuts: Record<RfmMeasure, number[]>;
  /** ntile: the first customer of each group after the first, in the groups' order; null otherwise */
  ntile: Record<RfmMeasure, { values: number[]; customers: number[] }> | null;
}

export interface RfmDayScales {
  /** local day number of `scales[0]` (the end of that day) */
  firstDay: number;
  scales: RfmDayScale[];
}

function measureValue(result: RfmResult, measure: RfmMeasure, c: number): number {
  if (measure === 'recency') return result.recency[c]!;
  if (measure === 'frequency') return result.frequency[c]!;
  return monetaryValueOf(result, c);
}

/** ntile order key: ascending value (descending for recency), ties by customer index. */
export function isNtileBefore(measure: RfmMeasure, valueA: number, customerA: number, valueB: number, customerB: number): boolean {
  const a = measure === 'recency' ? -valueA : valueA;
  const b = measure === 'recency' ? -valueB : valueB;
  return a < b || (a === b && customerA < customerB);
}

function ntileStarts(result: RfmResult, measure: RfmMeasure, levels: number): { values: number[]; customers: number[] } {
  const scores = measure === 'recency' ? result.r : measure === 'frequency' ? result.f : result.m;
  const values = new Array<number>(levels + 1).fill(Number.NaN);
  const customers = new Array<number>(levels + 1).fill(-1);
  for (let c = 0; c < result.customerCount; c++) {
    const score = scores[c]!;
    if (score < 2) continue;
    const value = measureValue(result, measure, c);
    if (customers[score]! < 0 || isNtileBefore(measure, value, c, values[score]!, customers[score]!)) {
      values[score] = value;
      customers[score] = c;
    }
  }
  const starts = { values: [] as number[], customers: [] as number[] };
  for (let score = 2; score <= levels; score++) {
    if (customers[score]! < 0) continue;
    starts.values.push(values[score]!);
    starts.customers.push(customers[score]!);
  }
  return starts;
}

export function rfmDayScale(history: RfmHistory, scoring: RfmScoring, periodDays: number | null, day: number): RfmDayScale {
  const result = computeRfm(history, { ...scoring, asOfDay: day, periodDays });
  const cuts = { recency: result.breaks.recency.cuts, frequency: result.breaks.frequency.cuts, monetary: result.breaks.monetary.cuts };
  if (scoring.method !== 'ntile') return { cuts, ntile: null };
  const ntile = {} as Record<RfmMeasure, { values: number[]; customers: number[] }>;
  for (const measure of RFM_MEASURES) ntile[measure] = ntileStarts(result, measure, scoring.levels);
  return { cuts, ntile };
}

/** The scales of local days firstDay … lastDay from the whole history. */
export function rfmDayScales(history: RfmHistory, scoring: RfmScoring, periodDays: number | null, firstDay: number, lastDay: number): RfmDayScales {
  const scales: RfmDayScale[] = [];
  for (let day = firstDay; day <= lastDay; day++) scales.push(rfmDayScale(history, scoring, periodDays, day));
  return { firstDay, scales };
}

/** The ntile score (group) of a customer's value given the starts of groups 2 … levels. */
export function ntileScore(measure: RfmMeasure, value: number, customer: number, starts: { values: number[]; customers: number[] }): number {
  let score = 1;
  for (let k = 0; k < starts.values.length; k++) if (!isNtileBefore(measure, value, customer, starts.values[k]!, starts.customers[k]!)) score++;
  return score;
}
