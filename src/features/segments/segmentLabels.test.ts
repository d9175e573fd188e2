import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { presetSegmentMap, type RfmBin, type RfmBreaks } from '../../domain/rfm';
import { drillDownFileName, drillDownFilter } from './drillDown';
import { manualFromQuantile } from './manualFromQuantile';
import { binRangeText } from './segmentLabels';
import { segmentsTexts } from './texts';

/** A t() over the real English texts, enough for these helpers. */
const t = ((key: string, params: Record<string, unknown> = {}) => {
  const text = key.split('.').slice(1).reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], segmentsTexts.en);
  return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name])) : key;
}) as unknown as TFunction;

function bin(extra: Partial<RfmBin>): RfmBin {
  return { score: 1, lower: null, upper: null, isLowerInclusive: true, isUpperInclusive: false, customers: 1, minValue: 0, maxValue: 0, empty: null, ...extra };
}

const plain = (value: number) => String(value);

describe('bin ranges as people read them', () => {
  it('turns the package\'s [lower, upper) into whole days and orders', () => {
    expect(binRangeText(bin({ lower: 115, upper: 181 }), 'recency', plain, t)).toBe('115 – 180');
    expect(binRangeText(bin({ lower: 297.4000000000001, upper: 482 }), 'recency', plain, t)).toBe('298 – 481');
    expect(binRangeText(bin({ lower: 2, upper: 2 }), 'frequency', plain, t)).toBe('∅');
    expect(binRangeText(bin({ lower: 2, upper: 3 }), 'frequency', plain, t)).toBe('2');
  });

  it('keeps money half-open', () => {
    expect(binRangeText(bin({ lower: 255.8, upper: 382 }), 'monetary', plain, t)).toBe('255.8 – <382');
  });

  it('reads manual cut points as "≤ 7", "8 – 30", "> 90"', () => {
    const manual = { isLowerInclusive: false, isUpperInclusive: true };
    expect(binRangeText(bin({ ...manual, lower: null, upper: 7 }), 'recency', plain, t)).toBe('≤ 7');
    expect(binRangeText(bin({ ...manual, lower: 7, upper: 30 }), 'recency', plain, t)).toBe('8 – 30');
    expect(binRangeText(bin({ ...manual, lower: 90, upper: null }), 'recency', plain, t)).toBe('> 90');
    expect(binRangeText(bin({ ...manual, lower: 1000, upper: 5000 }), 'monetary', plain, t)).toBe('>1000 – 5000');
  });

  it('shows an equal-size group by its smallest and largest value', () => {
    expect(binRangeText(bin({ lower: 3, upper: 7, isUpperInclusive: true }), 'frequency', plain, t)).toBe('3 – 7');
    expect(binRangeText(bin({ lower: 4, upper: 4, isUpperInclusive: true }), 'frequency', plain, t)).toBe('4');
  });
});

describe('starting manual thresholds from the quantile breaks', () => {
  it('gives "≤ cut" points that select the same whole values, strictly increasing', () => {
    const measure = (cuts: number[]) => ({ measure: 'recency' as const, method: 'quantile' as const, cuts, bins: [], hasSplitTies: false });
    const breaks: RfmBreaks = { recency: measure([115, 181, 297.4000000000001, 482]), frequency: { ...measure([2, 2, 2.4, 3.2]), measure: 'frequency' }, monetary: { ...measure([255.8, 382, 506.4000000000001, 666]), measure: 'monetary' } };
    expect(manualFromQuantile(breaks, 5)).toEqual({ recency: [114, 180, 297, 481], frequency: [1, 2, 3, 4], monetary: [256, 382, 506, 666] });
  });
});

describe('drill-down', () => {
  const map = presetSegmentMap('grid', 5, 'en');
  it('names export files after what they hold', () => {
    expect(drillDownFileName({ kind: 'segment', code: 8 }, map, 20_393)).toBe('rfm-cant-lose-2025-11-01.csv');
    expect(drillDownFileName({ kind: 'segment', code: 12 }, map, 20_393)).toBe('rfm-no-purchases-2025-11-01.csv');
    expect(drillDownFileName({ kind: 'cell', r: 5, f: 4 }, map, 20_393)).toBe('rfm-r5-f4-2025-11-01.csv');
    expect(drillDownFileName({ kind: 'transition', fromAsOf: '2025-08-01', from: 1, to: 7 }, map, 20_393)).toBe('rfm-loyal-to-at-risk-2025-08-01-2025-11-01.csv');
  });

  it('filters a movement by both dates', () => {
    expect(drillDownFilter({ kind: 'transition', fromAsOf: '2025-08-01', from: 1, to: 7 })).toEqual({ segment: 7, previous: { asOf: '2025-08-01', segment: 1 } });
  });
});
