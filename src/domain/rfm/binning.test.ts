import { describe, expect, it } from 'vitest';
import { binMeasure, ntileGroup } from './binning';
import { innerProbabilities, quantileType7, rfmPackageBreaks } from './quantile';
import type { RfmMeasure, RfmScoring } from './types';

function score(measure: RfmMeasure, values: number[], scoring: RfmScoring) {
  const scores = new Uint8Array(values.length);
  const breaks = binMeasure(measure, Float64Array.from(values), Int32Array.from(values, (_, i) => i), scoring, scores);
  return { scores: [...scores], breaks };
}

const QUANTILE: RfmScoring = { levels: 5, method: 'quantile', monetary: 'total' };
const NTILE_4: RfmScoring = { levels: 4, method: 'ntile', monetary: 'total' };

describe('R type-7 quantile', () => {
  it('matches R: quantile(c(1, 2, 3, 4, 10), c(.1, .3, .5, .9))', () => {
    const sorted = [1, 2, 3, 4, 10];
    // R prints 1.4 1.2+1=2.2 3 7.6
    expect(quantileType7(sorted, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileType7(sorted, 0.3)).toBeCloseTo(2.2, 12);
    expect(quantileType7(sorted, 0.5)).toBe(3);
    expect(quantileType7(sorted, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileType7(sorted, 0)).toBe(1);
    expect(quantileType7(sorted, 1)).toBe(10);
  });

  it('uses the probabilities R\'s seq() gives, rounding included', () => {
    expect(innerProbabilities(5)).toEqual([0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(innerProbabilities(3)).toEqual([1 / 3, 2 / 3]);
  });

  it('interpolates as (1 − h)·lo + h·hi, which rounds differently from lo + h·(hi − lo)', () => {
    // index = 1 + 4 · 0.6000000000000001: between 531.93 and 1414.8; lo + h·(hi − lo) would give …0002.
    const sorted = [0, 0, 531.93, 1414.8, 2000];
    expect(quantileType7(sorted, 0.6000000000000001)).toBe(885.0780000000003);
  });

  it('adds 1 to each inner quantile', () => {
    expect(rfmPackageBreaks([1, 1, 1, 2, 3, 8], 3)).toEqual([quantileType7([1, 1, 1, 2, 3, 8], 1 / 3) + 1, quantileType7([1, 1, 1, 2, 3, 8], 2 / 3) + 1]);
  });
});

describe('quantile scores (R package)', () => {
  it('leaves a score empty when two breaks tie (most customers have one order)', () => {
    // Quantiles 1, 1, 1.4, 2.2 → breaks 2, 2, 2.4, 3.2: the interval [2, 2) of score 2 is empty.
    const frequency = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
    const { scores, breaks } = score('frequency', frequency, QUANTILE);
    expect(breaks.cuts.slice(0, 2)).toEqual([2, 2]);
    expect(breaks.cuts[2]).toBeCloseTo(2.4, 12);
    expect(breaks.cuts[3]).toBeCloseTo(3.2, 12);
    expect(scores).toEqual([1, 1, 1, 1, 1, 1, 3, 3, 4, 5]);
    expect(breaks.bins.map((bin) => [bin.score, bin.customers, bin.empty])).toEqual([
      [1, 6, null],
      [2, 0, 'equalBreaks'],
      [3, 2, null],
      [4, 1, null],
      [5, 1, null],
    ]);
    expect(breaks.bins[0]).toMatchObject({ lower: 1, upper: 2, isLowerInclusive: true, isUpperInclusive: false, minValue: 1, maxValue: 1 });
    expect(breaks.bins[4]).toMatchObject({ lower: breaks.cuts[3], upper: 6 });
  });

  it('scores the smallest recency best', () => {
    const { scores } = score('recency', [0, 10, 20, 30, 40, 50, 60, 70, 80, 90], QUANTILE);
    expect(scores).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives one customer (or all-equal values) the first interval: R best, F and M worst', () => {
    expect(score('recency', [12], QUANTILE).scores).toEqual([5]);
    expect(score('frequency', [3], QUANTILE).scores).toEqual([1]);
    const equal = score('monetary', [50, 50, 50], QUANTILE);
    expect(equal.scores).toEqual([1, 1, 1]);
    expect(equal.breaks.bins.filter((bin) => bin.empty === 'equalBreaks')).toHaveLength(4);
  });

  it('reports a gap between values as "no values", not as tied breaks', () => {
    // Breaks 2, 7.4, 11, 11 and max + 1 = 11: nobody lies in [2, 7.4); the 10s get score 3.
    const { scores, breaks } = score('frequency', [1, 1, 1, 1, 10, 10, 10, 10, 10, 10], QUANTILE);
    expect(breaks.cuts[0]).toBe(2);
    expect(breaks.cuts[1]).toBeCloseTo(7.4, 12);
    expect(breaks.cuts.slice(2)).toEqual([11, 11]);
    expect(scores).toEqual([1, 1, 1, 1, 3, 3, 3, 3, 3, 3]);
    expect(breaks.bins.map((bin) => bin.empty)).toEqual([null, 'noValues', null, 'equalBreaks', 'equalBreaks']);
  });

  it('scores nobody without values', () => {
    const { breaks } = score('monetary', [], QUANTILE);
    expect(breaks.cuts).toEqual([]);
    expect(breaks.bins.every((bin) => bin.empty === 'fewCustomers')).toBe(true);
  });
});

describe('equal-size groups (SQL NTILE)', () => {
  it('puts the remainder into the first groups', () => {
    expect(Array.from({ length: 10 }, (_, p) => ntileGroup(p, 10, 4))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
    expect(Array.from({ length: 3 }, (_, p) => ntileGroup(p, 3, 5))).toEqual([1, 2, 3]);
    expect(Array.from({ length: 10 }, (_, p) => ntileGroup(p, 10, 5))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('breaks ties by customer order and uses every score', () => {
    const { scores, breaks } = score('frequency', [1, 1, 1, 1, 1, 1, 1, 2, 2, 9], NTILE_4);
    expect(scores).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
    expect(breaks.hasSplitTies).toBe(true);
    expect(breaks.bins.map((bin) => bin.customers)).toEqual([3, 3, 2, 2]);
    expect(breaks.bins[2]).toMatchObject({ lower: 1, upper: 2, isUpperInclusive: true });
  });

  it('orders recency descending: the longest ago is group 1', () => {
    const { scores } = score('recency', [5, 100, 40, 1], NTILE_4);
    expect(scores).toEqual([3, 1, 2, 4]);
  });

  it('leaves the top scores empty with fewer customers than levels', () => {
    const { scores, breaks } = score('monetary', [10, 20], NTILE_4);
    expect(scores).toEqual([1, 2]);
    expect(breaks.bins.map((bin) => bin.empty)).toEqual([null, null, 'fewCustomers', 'fewCustomers']);
  });
});

describe('manual thresholds', () => {
  const textbook: RfmScoring = {
    levels: 4,
    method: 'manual',
    monetary: 'total',
    manualBreaks: { recency: [7, 30, 90], frequency: [1, 2, 4], monetary: [1000, 5000, 20000] },
  };

  it('reads the textbook\'s recency bands "≤ 7, 7–30, 30–90, > 90 days" (a cut point belongs to the lower band)', () => {
    const { scores, breaks } = score('recency', [0, 7, 8, 30, 31, 90, 91, 400], textbook);
    // 4 = best (the textbook's "1") … 1 = worst
    expect(scores).toEqual([4, 4, 3, 3, 2, 2, 1, 1]);
    expect(breaks.cuts).toEqual([7, 30, 90]);
    expect(breaks.bins[3]).toMatchObject({ lower: null, upper: 7, isUpperInclusive: true });
    expect(breaks.bins[0]).toMatchObject({ lower: 90, upper: null });
  });

  it('scores frequency upwards and reports bands nobody falls in', () => {
    const { scores, breaks } = score('frequency', [1, 1, 2, 7], textbook);
    expect(scores).toEqual([1, 1, 2, 4]);
    expect(breaks.bins[2]!.empty).toBe('noValues');
  });
});

describe('quantile breaks without sorting', () => {
  it('equal the breaks from sorted values, ties and all', async () => {
    const fc = (await import('fast-check')).default;
    const { rfmPackageBreaksUnsorted } = await import('./quantile');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(3, 4, 5),
        (list, levels) => {
          const values = Float64Array.from(list);
          const sorted = Float64Array.from(list).sort();
          expect(rfmPackageBreaksUnsorted(values, levels)).toEqual(rfmPackageBreaks(sorted, levels));
          expect(values).toEqual(Float64Array.from(list));
        },
      ),
      { numRuns: 500 },
    );
  });
});
