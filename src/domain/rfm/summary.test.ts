import { describe, expect, it } from 'vitest';
import { computeRfm } from './computeRfm';
import { compileSegmentMap, presetSegmentMap } from './segmentMaps';
import { assignSegments, filterCustomers, noPurchasesCode, othersCode, rfHeatmap, segmentTotals, sortCustomers, transitionMatrix } from './summary';
import { historyOf } from './testing';
import { parseManualBreaks, formatManualBreaks } from './validate';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T12:00:00Z');
const FIRST_DAY = Math.floor(T0 / DAY);

// Customer 0: three recent orders; 1: one old order; 2: one recent small order; 3: nothing.
const history = historyOf(
  4,
  [
    [0, T0, 100], [0, T0 + 10 * DAY, 200], [0, T0 + 20 * DAY, 300],
    [1, T0, 50],
    [2, T0 + 19 * DAY, 10],
  ],
  [[0, T0 + 21 * DAY, 60]],
);
const scoring = { levels: 3 as const, method: 'manual' as const, monetary: 'total' as const, manualBreaks: parseManualBreaks('R:5,15;F:1,2;M:100,400') };
const result = computeRfm(history, { ...scoring, asOfDay: FIRST_DAY + 21, periodDays: null });
const map = compileSegmentMap(presetSegmentMap('grid', 3, 'en'));
const codes = assignSegments(result, map);

describe('segment summaries', () => {
  it('scores the example as expected', () => {
    expect([...result.r]).toEqual([3, 1, 3, 0]);
    expect([...result.f]).toEqual([3, 1, 1, 0]);
    expect([...result.m]).toEqual([3, 1, 1, 0]);
    // grid: R3 FM3 → Champions (5-5), R1 FM1 → Lost, R3 FM1 → New (5-1), nothing → no purchases
    expect([...codes]).toEqual([0, 10, 3, noPurchasesCode(11)]);
  });

  it('totals customers, orders, net revenue per segment', () => {
    const totals = segmentTotals(result, codes, 11);
    expect(totals).toHaveLength(13);
    expect(totals[0]).toMatchObject({ customers: 1, orders: 3, revenue: 540, recencySum: 1 });
    expect(totals[othersCode(11)]).toMatchObject({ customers: 0 });
    expect(totals[noPurchasesCode(11)]).toMatchObject({ customers: 1, orders: 0, revenue: 0 });
  });

  it('builds the R × F heatmap with the dominant segment per cell', () => {
    const cells = rfHeatmap(result, codes, 11);
    expect(cells).toHaveLength(9);
    const top = cells[(3 - 1) * 3 + (3 - 1)]!;
    expect(top).toMatchObject({ r: 3, f: 3, customers: 1, revenue: 540, averageMonetary: 540, segment: 0, segmentShare: 1 });
    expect(cells[(3 - 1) * 3]).toMatchObject({ r: 3, f: 1, customers: 1, segment: 3 });
    expect(cells[1]).toMatchObject({ customers: 0, segment: null, averageMonetary: null });
  });

  it('counts movements between two dates', () => {
    const earlier = computeRfm(history, { ...scoring, asOfDay: FIRST_DAY + 5, periodDays: null });
    const matrix = transitionMatrix(assignSegments(earlier, map), codes, 11);
    // at day 5: customer 0 (1 order, R 3, M 1) and 1 (1 order) → New; 2 and 3 → no purchases
    expect(matrix[3]![0]).toBe(1);
    expect(matrix[3]![10]).toBe(1);
    expect(matrix[12]![3]).toBe(1);
    expect(matrix[12]![12]).toBe(1);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('filters and sorts customers for drill-down lists', () => {
    expect([...filterCustomers(result, codes, { r: 3 })]).toEqual([0, 2]);
    expect([...filterCustomers(result, codes, { segment: noPurchasesCode(11) })]).toEqual([3]);
    expect([...sortCustomers(result, Int32Array.from([0, 1, 2, 3]), 'revenue', true)]).toEqual([0, 1, 2, 3]);
    expect([...sortCustomers(result, Int32Array.from([3, 2, 1, 0]), 'recency', false)]).toEqual([0, 2, 1, 3]);
  });
});

describe('manual breaks text', () => {
  it('reads and writes "R:…;F:…;M:…"', () => {
    const breaks = parseManualBreaks(' r: 7, 30 ,90 ; M:1000,5000.5,20000;F:1,2,4');
    expect(breaks).toEqual({ recency: [7, 30, 90], frequency: [1, 2, 4], monetary: [1000, 5000.5, 20000] });
    expect(formatManualBreaks(breaks)).toBe('R:7,30,90;F:1,2,4;M:1000,5000.5,20000');
  });

  it('says what is wrong', () => {
    expect(() => parseManualBreaks('R:7,30;F:1,2')).toThrow('no cut points for M');
    expect(() => parseManualBreaks('R:7,x;F:1;M:2')).toThrow('R: "x" is not a number');
    expect(() => parseManualBreaks('Q:1;R:1;F:1;M:1')).toThrow('"Q:1" is not "R:…", "F:…" or "M:…" followed by numbers');
    expect(() => parseManualBreaks('R:1;R:2;F:1;M:1')).toThrow('R is given twice');
  });
});
