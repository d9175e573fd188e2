import { localDayNumber } from '../time';
import { scoreWithCuts } from './binning';
import { computeRfm, type RfmResult } from './computeRfm';
import type { RfmHistory } from './history';
import { measureCustomer, monetaryValue, windowBounds, type CustomerMeasures, type WindowBounds } from './measures';
import { segmentOf, type CompiledSegmentMap } from './segmentMaps';
import { validateScoring } from './validate';
import { ntileScore, type RfmDayScale, type RfmDayScales } from './dayScales';
import type { RfmBreaks, RfmMeasure, RfmScoring } from './types';

/**
 * "Scores and segment of customer X as of date D, from the orders up to D only" — the one
 * function chain filters, segment triggers and the simulator call, many times per run.
 *
 * Contract:
 * - `scoreAsOfDay(c, D)` is the state at the END of local day D: exactly what `computeRfm`
 *   with analysis date D (same period, scoring and map) gives customer c. It reads only orders
 *   and returns with an instant before the start of day D + 1 — for the customer and for the
 *   breaks, which come from everyone's history up to that same instant. So appending or
 *   deleting events after day D never changes an answer for D or earlier (no look-ahead).
 * - `scoreAt(c, ts)` is the state known at instant ts: segments are recomputed nightly, so it
 *   is `scoreAsOfDay(c, D − 1)` where D is ts's local day. Nothing at or after the start of D is
 *   read, so the simulator can call it at any simulated moment without seeing the future
 *   (including the rest of the day). Recency is then counted to D − 1.
 * - null means "no purchases": no order in the period ending that day.
 *
 * Cost: the first call for a day measures every customer (O(N log k)) and sorts once for the
 * breaks; the day's cut points are cached (LRU of `cacheDays` days), and every later call for
 * that day is two binary searches in the customer's own history — O(log k), no allocation when
 * `out` is passed. Equal-size groups depend on every customer's rank, so for that method the
 * day's scores are cached whole (N bytes × 3) and a call is O(1).
 */
export interface RfmAsOf {
  recency: number;
  frequency: number;
  /** Net revenue in the period. */
  revenue: number;
  /** The value the monetary score was computed from (total or average). */
  monetary: number;
  r: number;
  f: number;
  m: number;
  /** Index in the map's segments; `segmentCount` = "Others"; −1 without a map. */
  segment: number;
}

export interface RfmEvaluator {
  readonly history: RfmHistory;
  scoreAsOfDay(customer: number, day: number, out?: RfmAsOf): RfmAsOf | null;
  scoreAt(customer: number, ts: number, out?: RfmAsOf): RfmAsOf | null;
  /** The breaks in force at the end of `day`. */
  breaksFor(day: number): RfmBreaks;
}

export interface RfmEvaluatorOptions {
  scoring: RfmScoring;
  periodDays: number | null;
  map?: CompiledSegmentMap;
  /** Days whose breaks are kept (least recently used are dropped). Default 64. */
  cacheDays?: number;
  /**
   * The days' scales computed from every customer (dayScales.ts): for the days they cover, scores
   * come from them and the customer's own orders, and `history` may hold only some customers
   * (a shard of a simulation). `breaksFor` still needs the whole history.
   */
  scales?: RfmDayScales;
}

interface DayEntry {
  bounds: WindowBounds;
  cuts: Record<RfmMeasure, number[]>;
  /** Equal-size groups only: the day's full result, or the groups' starts from `scales`. */
  result: RfmResult | null;
  ntile: RfmDayScale['ntile'];
  /** null until asked for, for an entry made from `scales` */
  breaks: RfmBreaks | null;
}

export function createRfmEvaluator(history: RfmHistory, options: RfmEvaluatorOptions): RfmEvaluator {
  validateScoring(options.scoring);
  if (options.map && options.map.levels !== options.scoring.levels) {
    throw new Error(`segment map has ${options.map.levels} levels, scoring ${options.scoring.levels}`);
  }
  const cacheDays = Math.max(1, options.cacheDays ?? 64);
  const days = new Map<number, DayEntry>();
  const measures: CustomerMeasures = { recency: 0, frequency: 0, revenue: 0 };

  function computeEntry(day: number): DayEntry & { breaks: RfmBreaks } {
    const result = computeRfm(history, { ...options.scoring, asOfDay: day, periodDays: options.periodDays });
    const breaks = result.breaks;
    return {
      bounds: windowBounds(history, result.params),
      breaks,
      cuts: { recency: breaks.recency.cuts, frequency: breaks.frequency.cuts, monetary: breaks.monetary.cuts },
      result: options.scoring.method === 'ntile' ? result : null,
      ntile: null,
    };
  }

  function scaleEntry(day: number): DayEntry | null {
    const scale = options.scales?.scales[day - options.scales.firstDay];
    if (!scale) return null;
    return { bounds: windowBounds(history, { asOfDay: day, periodDays: options.periodDays }), cuts: scale.cuts, result: null, ntile: scale.ntile, breaks: null };
  }

  // a count asks for one day per customer, 100,000 times over: the last day answers without the LRU's map
  let lastDay = Number.NaN;
  let lastEntry: DayEntry | null = null;
  function dayEntry(day: number): DayEntry {
    if (day === lastDay && lastEntry) return lastEntry;
    lastDay = day;
    lastEntry = lruDayEntry(day);
    return lastEntry;
  }

  function lruDayEntry(day: number): DayEntry {
    let entry = days.get(day);
    if (entry) {
      days.delete(day);
      days.set(day, entry);
      return entry;
    }
    entry = scaleEntry(day) ?? computeEntry(day);
    days.set(day, entry);
    if (days.size > cacheDays) days.delete(days.keys().next().value!);
    return entry;
  }

  function scoreAsOfDay(customer: number, day: number, out?: RfmAsOf): RfmAsOf | null {
    if (customer < 0 || customer >= history.customerCount) return null;
    const entry = dayEntry(day);
    if (!measureCustomer(history, customer, entry.bounds, measures)) return null;
    const target = out ?? ({} as RfmAsOf);
    const { levels, method } = options.scoring;
    target.recency = measures.recency;
    target.frequency = measures.frequency;
    target.revenue = measures.revenue;
    target.monetary = monetaryValue(measures.revenue, measures.frequency, options.scoring.monetary);
    if (entry.ntile) {
      target.r = ntileScore('recency', target.recency, customer, entry.ntile.recency);
      target.f = ntileScore('frequency', target.frequency, customer, entry.ntile.frequency);
      target.m = ntileScore('monetary', target.monetary, customer, entry.ntile.monetary);
    } else if (entry.result) {
      target.r = entry.result.r[customer]!;
      target.f = entry.result.f[customer]!;
      target.m = entry.result.m[customer]!;
    } else {
      target.r = scoreWithCuts('recency', target.recency, entry.cuts.recency, method, levels);
      target.f = scoreWithCuts('frequency', target.frequency, entry.cuts.frequency, method, levels);
      target.m = scoreWithCuts('monetary', target.monetary, entry.cuts.monetary, method, levels);
    }
    target.segment = options.map ? segmentOf(options.map, target.r, target.f, target.m) : -1;
    return target;
  }

  let lastTs = Number.NaN;
  let lastTsDay = 0;
  return {
    history,
    scoreAsOfDay,
    scoreAt(customer, ts, out) {
      // the same instant for every customer of a count: its local day worked out once
      if (ts !== lastTs) {
        lastTs = ts;
        lastTsDay = localDayNumber(ts, history.timeZone);
      }
      return scoreAsOfDay(customer, lastTsDay - 1, out);
    },
    breaksFor(day) {
      const entry = dayEntry(day);
      entry.breaks ??= computeEntry(day).breaks;
      return entry.breaks;
    },
  };
}
