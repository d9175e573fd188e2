import { describe, expect, it } from 'vitest';
import { isoDateToDayNumber, localDayNumber } from '../time';
import { buildEventBlocks } from '../columnar';
import { computeRfm, monetaryValueOf } from './computeRfm';
import { rfmHistoryFromBlocks, rfmHistoryFromEvents } from './history';
import { defaultAsOfDay } from './measures';
import { historyOf } from './testing';
import type { RfmParams } from './types';

const day = isoDateToDayNumber;
const at = (iso: string) => Date.parse(iso);
const params = (asOf: string, extra: Partial<RfmParams> = {}): RfmParams => ({
  asOfDay: day(asOf),
  periodDays: null,
  levels: 5,
  method: 'quantile',
  monetary: 'total',
  ...extra,
});

describe('RFM measures', () => {
  it('counts orders, not returns, and nets returns out of monetary', () => {
    const history = historyOf(
      1,
      [[0, at('2026-01-10T10:00:00Z'), 100], [0, at('2026-02-10T10:00:00Z'), 50]],
      [[0, at('2026-02-20T10:00:00Z'), 30]],
    );
    const result = computeRfm(history, params('2026-03-01'));
    expect(result.frequency[0]).toBe(2);
    expect(result.revenue[0]).toBe(120);
    expect(result.recency[0]).toBe(19);
  });

  it('counts an order on the analysis date (recency 0) and ignores later ones', () => {
    const history = historyOf(1, [[0, at('2026-03-01T23:59:59Z'), 10], [0, at('2026-03-02T00:00:00Z'), 99]]);
    const result = computeRfm(history, params('2026-03-01'));
    expect(result.recency[0]).toBe(0);
    expect(result.frequency[0]).toBe(1);
    expect(result.revenue[0]).toBe(10);
  });

  it('keeps exactly periodDays local days ending on the analysis date', () => {
    const history = historyOf(1, [
      [0, at('2025-12-01T23:59:59Z'), 1],
      [0, at('2025-12-02T00:00:00Z'), 2],
      [0, at('2026-03-01T12:00:00Z'), 4],
    ]);
    // 2025-12-02 … 2026-03-01 is 90 days
    const result = computeRfm(history, params('2026-03-01', { periodDays: 90 }));
    expect(result.frequency[0]).toBe(2);
    expect(result.revenue[0]).toBe(6);
  });

  it('leaves customers without orders in the period unscored ("no purchases")', () => {
    const history = historyOf(3, [[0, at('2026-01-01T10:00:00Z'), 5], [2, at('2024-01-01T10:00:00Z'), 5]]);
    const result = computeRfm(history, params('2026-03-01', { periodDays: 365 }));
    expect(result.scored).toBe(1);
    expect([...result.frequency]).toEqual([1, 0, 0]);
    expect([...result.r]).toEqual([5, 0, 0]);
    expect([...result.recency]).toEqual([59, -1, -1]);
  });

  it('counts days in the workspace time zone around midnight', () => {
    // 21:30 UTC on 1 March is 00:30 on 2 March in Moscow (UTC+3) and 16:30 on 1 March in New York.
    const ts = at('2026-03-01T21:30:00Z');
    const moscow = computeRfm(historyOf(1, [[0, ts, 10]], [], 'Europe/Moscow'), params('2026-03-02'));
    expect(moscow.recency[0]).toBe(0);
    const newYork = computeRfm(historyOf(1, [[0, ts, 10]], [], 'America/New_York'), params('2026-03-02'));
    expect(newYork.recency[0]).toBe(1);
    // An order at 00:30 Moscow time on 2 March is after an analysis date of 1 March there.
    const beforeIt = computeRfm(historyOf(1, [[0, ts, 10]], [], 'Europe/Moscow'), params('2026-03-01'));
    expect(beforeIt.frequency[0]).toBe(0);
    expect(localDayNumber(ts, 'Europe/Moscow')).toBe(day('2026-03-02'));
  });

  it('uses average order value when asked', () => {
    const history = historyOf(2, [[0, at('2026-01-01T10:00:00Z'), 100], [0, at('2026-01-02T10:00:00Z'), 300], [1, at('2026-01-03T10:00:00Z'), 250]]);
    const result = computeRfm(history, params('2026-02-01', { monetary: 'average' }));
    expect(monetaryValueOf(result, 0)).toBe(200);
    expect(monetaryValueOf(result, 1)).toBe(250);
    expect(result.m[1]!).toBeGreaterThan(result.m[0]!);
    expect(result.revenue[0]).toBe(400);
  });

  it('sums amounts exactly once rounded (as R\'s long-double sum does)', () => {
    const amounts = [0.1, 0.2, 0.3, 1e6, -1e6, 0.7];
    const history = historyOf(1, amounts.map((amount, i) => [0, at('2026-01-01T10:00:00Z') + i * 60_000, amount] as const));
    const result = computeRfm(history, params('2026-02-01'));
    expect(result.revenue[0]).toBe(1.3);
  });

  it('takes orders and returns from event blocks, skipping other events', () => {
    const blocks = buildEventBlocks([
      { customer: 0, type: 0, ts: at('2026-01-05T10:00:00Z'), amount: 100, props: {} },
      { customer: 0, type: 2, ts: at('2026-01-06T10:00:00Z'), props: {} },
      { customer: 1, type: 0, ts: at('2026-01-07T10:00:00Z'), amount: 40, props: {} },
      { customer: 0, type: 1, ts: at('2026-01-08T10:00:00Z'), amount: 25, props: {} },
    ]);
    const history = rfmHistoryFromBlocks(blocks, ['order', 'return', 'page_view'], 3, 'UTC');
    const result = computeRfm(history, params('2026-01-10'));
    expect([...result.frequency]).toEqual([1, 1, 0]);
    expect([...result.revenue]).toEqual([75, 40, 0]);
    expect(defaultAsOfDay(history)).toBe(day('2026-01-08'));
  });

  it('merges a customer\'s orders from several imports in time order', () => {
    const { history, customerIds } = rfmHistoryFromEvents(
      [
        { customerId: 'b', type: 'order', ts: at('2026-01-09T10:00:00Z'), amount: 1, props: {} },
        { customerId: 'a', type: 'order', ts: at('2026-01-07T10:00:00Z'), amount: 2, props: {} },
        { customerId: 'b', type: 'order', ts: at('2026-01-02T10:00:00Z'), amount: 3, props: {} },
        { customerId: 'b', type: 'return', ts: at('2026-01-03T10:00:00Z'), amount: -3, props: {} },
      ],
      'UTC',
      ['a'],
    );
    expect(customerIds).toEqual(['a', 'b']);
    expect([...history.orders.ts.subarray(1)]).toEqual([at('2026-01-02T10:00:00Z'), at('2026-01-09T10:00:00Z')]);
    const result = computeRfm(history, params('2026-01-10'));
    expect([...result.recency]).toEqual([3, 1]);
    expect(result.revenue[1]).toBe(1);
  });

  it('refuses unusable settings with a clear message', () => {
    const history = historyOf(1, [[0, at('2026-01-01T10:00:00Z'), 1]]);
    expect(() => computeRfm(history, params('2026-02-01', { method: 'manual' }))).toThrow('manual method: no cut points for R');
    expect(() => computeRfm(history, params('2026-02-01', { method: 'manual', levels: 3, manualBreaks: { recency: [7, 30], frequency: [2], monetary: [1, 2] } }))).toThrow(
      'F: expected 2 cut points for 3 levels, got 1',
    );
    expect(() => computeRfm(history, params('2026-02-01', { periodDays: 0 }))).toThrow('period');
  });
});
