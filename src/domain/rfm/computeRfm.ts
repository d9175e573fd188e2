import { binMeasure } from './binning';
import type { EventBlock } from '../columnar';
import { ORDER_EVENT, RETURN_EVENT } from '../model';
import type { RfmHistory } from './history';
import { measureBlocks, type RfmMeasures } from './scan';
import { measureCustomer, monetaryValue, windowBounds, type CustomerMeasures } from './measures';
import { validateParams } from './validate';
import type { RfmBreaks, RfmParams } from './types';

/**
 * RFM of every customer for one analysis date and period. Arrays are indexed by customer;
 * customers without an order in the period have frequency 0 and scores 0 ("no purchases").
 */
export interface RfmResult {
  params: RfmParams;
  customerCount: number;
  /** Customers with at least one order in the period. */
  scored: number;
  /** Days since the last order in the period; −1 when none. */
  recency: Int32Array;
  frequency: Int32Array;
  /** Net revenue in the period (orders − returns). */
  revenue: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  breaks: RfmBreaks;
}

/** RFM from a prepared history (the as-of path; `computeRfmFromBlocks` is the one-pass batch path). */
export function computeRfm(history: RfmHistory, params: RfmParams): RfmResult {
  validateParams(params);
  const count = history.customerCount;
  const recency = new Int32Array(count).fill(-1);
  const frequency = new Int32Array(count);
  const revenue = new Float64Array(count);
  const bounds = windowBounds(history, params);
  const measures: CustomerMeasures = { recency: 0, frequency: 0, revenue: 0 };
  let scored = 0;
  for (let c = 0; c < count; c++) {
    if (!measureCustomer(history, c, bounds, measures)) continue;
    recency[c] = measures.recency;
    frequency[c] = measures.frequency;
    revenue[c] = measures.revenue;
    scored++;
  }
  return scoreMeasures(params, { recency, frequency, revenue, scored });
}

/** RFM of every customer in one pass over the workspace's event blocks. */
export function computeRfmFromBlocks(
  blocks: readonly EventBlock[],
  eventTypes: readonly string[],
  customerCount: number,
  timeZone: string,
  params: RfmParams,
): RfmResult {
  validateParams(params);
  const bounds = windowBounds({ timeZone }, params);
  const measures = measureBlocks(blocks, eventTypes.indexOf(ORDER_EVENT), eventTypes.indexOf(RETURN_EVENT), customerCount, timeZone, bounds);
  return scoreMeasures(params, measures);
}

/** Scores measured customers (validated params). */
export function scoreMeasures(params: RfmParams, measures: RfmMeasures): RfmResult {
  const count = measures.frequency.length;
  const scores = { r: new Uint8Array(count), f: new Uint8Array(count), m: new Uint8Array(count) };
  const breaks = scoreAll(params, measures, scores);
  return { params, customerCount: count, ...measures, ...scores, breaks };
}

type Scores = Pick<RfmResult, 'r' | 'f' | 'm'>;

/** Bins the scored customers' values and scatters the scores back by customer. */
function scoreAll(params: RfmParams, result: RfmMeasures, out: Scores): RfmBreaks {
  const n = result.scored;
  const customers = new Int32Array(n);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const mode = params.monetary;
  let k = 0;
  for (let c = 0; c < result.frequency.length; c++) {
    const orders = result.frequency[c]!;
    if (orders === 0) continue;
    customers[k] = c;
    recency[k] = result.recency[c]!;
    frequency[k] = orders;
    monetary[k] = monetaryValue(result.revenue[c]!, orders, mode);
    k++;
  }
  const scores = new Uint8Array(n);
  const breaks = {} as RfmBreaks;
  const targets = [
    ['recency', recency, out.r],
    ['frequency', frequency, out.f],
    ['monetary', monetary, out.m],
  ] as const;
  for (const [measure, values, target] of targets) {
    breaks[measure] = binMeasure(measure, values, customers, params, scores);
    for (let i = 0; i < n; i++) target[customers[i]!] = scores[i]!;
  }
  return breaks;
}

/** The value the monetary score of customer `c` was computed from. */
export function monetaryValueOf(result: RfmResult, c: number): number {
  return monetaryValue(result.revenue[c]!, result.frequency[c]!, result.params.monetary);
}
