import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../time';
import { createRfmEvaluator } from './asOf';
import { computeRfm } from './computeRfm';
import { compileSegmentMap, presetSegmentMap } from './segmentMaps';
import { assignSegments } from './summary';
import { historyOf } from './testing';
import type { RfmScoring } from './types';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');
const FIRST_DAY = START / DAY;
const ZONES = ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kolkata'];

type Row = [number, number, number];
interface Data {
  customers: number;
  orders: Row[];
  returns: Row[];
  zone: string;
}

/** Random histories over ~4 months: whole-rouble and kopeck amounts, some returns, any zone. */
const dataArbitrary: fc.Arbitrary<Data> = fc.integer({ min: 1, max: 25 }).chain((customers) =>
  fc.record({
    customers: fc.constant(customers),
    orders: fc.array(
      fc.tuple(fc.integer({ min: 0, max: customers - 1 }), fc.integer({ min: 0, max: 120 * DAY }), fc.integer({ min: 1, max: 500_00 })).map(
        ([c, offset, cents]): Row => [c, START + offset, cents % 3 === 0 ? cents / 100 : Math.round(cents / 100)],
      ),
      { maxLength: 120 },
    ),
    returns: fc.array(
      fc.tuple(fc.integer({ min: 0, max: customers - 1 }), fc.integer({ min: 0, max: 120 * DAY }), fc.integer({ min: 1, max: 100 })).map(
        ([c, offset, amount]): Row => [c, START + offset, amount],
      ),
      { maxLength: 15 },
    ),
    zone: fc.constantFrom(...ZONES),
  }),
);

const scoringArbitrary: fc.Arbitrary<RfmScoring> = fc.oneof(
  fc.record({ levels: fc.constantFrom(3 as const, 4 as const, 5 as const), method: fc.constantFrom('quantile' as const, 'ntile' as const), monetary: fc.constantFrom('total' as const, 'average' as const) }),
  fc.constant<RfmScoring>({ levels: 4, method: 'manual', monetary: 'total', manualBreaks: { recency: [7, 30, 90], frequency: [1, 2, 4], monetary: [100, 500, 2000] } }),
);

const periodArbitrary = fc.constantFrom<number | null>(null, 30, 90, 365);

function historyFrom(data: Data) {
  return historyOf(data.customers, data.orders, data.returns, data.zone);
}

describe('scores as of a date (one customer at a time)', () => {
  it('equal the whole-workspace computation for that date, for every customer', () => {
    fc.assert(
      fc.property(dataArbitrary, scoringArbitrary, periodArbitrary, fc.array(fc.integer({ min: -2, max: 125 }), { minLength: 1, maxLength: 4 }), (data, scoring, periodDays, days) => {
        const history = historyFrom(data);
        const map = compileSegmentMap(presetSegmentMap('grid', scoring.levels, 'en'));
        const evaluator = createRfmEvaluator(history, { scoring, periodDays, map, cacheDays: 2 });
        for (const offset of days) {
          const asOfDay = FIRST_DAY + offset;
          const whole = computeRfm(history, { ...scoring, asOfDay, periodDays });
          const codes = assignSegments(whole, map);
          for (let c = 0; c < data.customers; c++) {
            const one = evaluator.scoreAsOfDay(c, asOfDay);
            if (whole.frequency[c] === 0) {
              expect(one).toBeNull();
              continue;
            }
            expect(one).toEqual({
              recency: whole.recency[c],
              frequency: whole.frequency[c],
              revenue: whole.revenue[c],
              monetary: scoring.monetary === 'average' ? whole.revenue[c]! / whole.frequency[c]! : whole.revenue[c],
              r: whole.r[c],
              f: whole.f[c],
              m: whole.m[c],
              segment: codes[c],
            });
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never look ahead: events after day D change nothing as of D or earlier', () => {
    fc.assert(
      fc.property(dataArbitrary, dataArbitrary, scoringArbitrary, periodArbitrary, fc.integer({ min: 1, max: 120 }), (data, later, scoring, periodDays, cutOffset) => {
        // The history up to the start of day `cut`, and the same plus any events from then on.
        const cut = FIRST_DAY + cutOffset;
        const cutTs = startOfLocalDay(cut, data.zone);
        const shift = (rows: Row[]) => rows.map(([c, ts, amount]): Row => [c % data.customers, Math.max(ts, cutTs) + (ts - START), amount]);
        const before: Data = { ...data, orders: data.orders.filter((row) => row[1] < cutTs), returns: data.returns.filter((row) => row[1] < cutTs) };
        const after: Data = { ...before, orders: [...before.orders, ...shift(later.orders)], returns: [...before.returns, ...shift(later.returns)] };
        const a = createRfmEvaluator(historyFrom(before), { scoring, periodDays });
        const b = createRfmEvaluator(historyFrom(after), { scoring, periodDays });
        for (const asOfDay of [cut - 1, cut - 2, cut - 30]) {
          expect(b.breaksFor(asOfDay)).toEqual(a.breaksFor(asOfDay));
          for (let c = 0; c < data.customers; c++) expect(b.scoreAsOfDay(c, asOfDay)).toEqual(a.scoreAsOfDay(c, asOfDay));
        }
        // At any instant of day `cut`, the state is that of the end of the previous day.
        for (let c = 0; c < data.customers; c++) {
          const instant = cutTs + 13 * 3_600_000;
          expect(b.scoreAt(c, instant)).toEqual(a.scoreAsOfDay(c, cut - 1));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('costs one whole computation per day, then reuses it', () => {
    const history = historyOf(3, [[0, START + DAY, 10], [1, START + 2 * DAY, 20], [2, START + 3 * DAY, 30]]);
    const evaluator = createRfmEvaluator(history, { scoring: { levels: 5, method: 'quantile', monetary: 'total' }, periodDays: null });
    const first = evaluator.breaksFor(FIRST_DAY + 10);
    expect(evaluator.breaksFor(FIRST_DAY + 10)).toBe(first);
    const out = { recency: 0, frequency: 0, revenue: 0, monetary: 0, r: 0, f: 0, m: 0, segment: 0 };
    expect(evaluator.scoreAsOfDay(2, FIRST_DAY + 10, out)).toBe(out);
    expect(out).toMatchObject({ recency: 7, frequency: 1, revenue: 30, segment: -1 });
    expect(evaluator.scoreAsOfDay(7, FIRST_DAY + 10)).toBeNull();
  });
});

describe('score properties', () => {
  it('keep scores within 1 … levels and never rank a better value lower', () => {
    fc.assert(
      fc.property(dataArbitrary, scoringArbitrary, periodArbitrary, fc.integer({ min: 0, max: 125 }), (data, scoring, periodDays, offset) => {
        const result = computeRfm(historyFrom(data), { ...scoring, asOfDay: FIRST_DAY + offset, periodDays });
        const scored = [...Array(data.customers).keys()].filter((c) => result.frequency[c]! > 0);
        for (let c = 0; c < data.customers; c++) {
          const isScored = result.frequency[c]! > 0;
          for (const score of [result.r[c]!, result.f[c]!, result.m[c]!]) {
            if (isScored) {
              expect(score).toBeGreaterThanOrEqual(1);
              expect(score).toBeLessThanOrEqual(scoring.levels);
            } else expect(score).toBe(0);
          }
        }
        const value = (c: number) => (scoring.monetary === 'average' ? result.revenue[c]! / result.frequency[c]! : result.revenue[c]!);
        for (const a of scored) {
          for (const b of scored) {
            if (result.recency[a]! < result.recency[b]!) expect(result.r[a]!).toBeGreaterThanOrEqual(result.r[b]!);
            if (result.frequency[a]! > result.frequency[b]!) expect(result.f[a]!).toBeGreaterThanOrEqual(result.f[b]!);
            if (value(a) > value(b)) expect(result.m[a]!).toBeGreaterThanOrEqual(result.m[b]!);
          }
        }
        if (scoring.method === 'ntile' && scored.length >= scoring.levels) {
          for (const bins of [result.breaks.recency.bins, result.breaks.frequency.bins, result.breaks.monetary.bins]) {
            expect(bins.every((bin) => bin.customers > 0)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
