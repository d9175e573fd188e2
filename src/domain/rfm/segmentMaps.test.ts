import { describe, expect, it } from 'vitest';
import { compileSegmentMap, presetSegmentMap, scaleSegmentMap, segmentMapProblems, segmentOf, standsFor, type SegmentMap } from './segmentMaps';
import { presetSegments } from './segmentPresets';
import type { RfmLevels } from './types';

function segmentName(map: SegmentMap, r: number, f: number, m: number): string {
  const index = segmentOf(compileSegmentMap(map), r, f, m);
  return map.segments[index]?.name ?? 'Others';
}

describe('R × FM grid preset', () => {
  const grid = presetSegmentMap('grid', 5, 'en');

  it('places every R × FM cell as rfm-cjm.md lists it', () => {
    const expected: Record<string, string[]> = {
      Champions: ['55', '54', '45'],
      Loyal: ['53', '44', '35', '34'],
      'Potential loyalist': ['52', '42', '43', '33'],
      New: ['51'],
      Promising: ['41', '31'],
      'Need attention': ['32', '23', '22'],
      'About to sleep': ['21'],
      'At risk': ['25', '24', '13'],
      "Can't lose them": ['15', '14'],
      Hibernating: ['12'],
      Lost: ['11'],
    };
    for (const [name, cells] of Object.entries(expected)) {
      for (const cell of cells) {
        const r = Number(cell[0]);
        const fm = Number(cell[1]);
        // F = M = FM gives ceil((F + M) / 2) = FM
        expect(segmentName(grid, r, fm, fm), cell).toBe(name);
      }
    }
    expect(Object.values(expected).flat()).toHaveLength(25);
  });

  it('uses FM = ceil((F + M) / 2)', () => {
    expect(segmentName(grid, 5, 5, 4)).toBe('Champions');
    expect(segmentName(grid, 5, 4, 3)).toBe('Champions');
    expect(segmentName(grid, 5, 3, 2)).toBe('Loyal');
    expect(segmentName(grid, 1, 1, 1)).toBe('Lost');
    expect(segmentName(grid, 1, 1, 2)).toBe('Hibernating');
  });

  it.each([3, 4, 5] as RfmLevels[])('leaves no cell in "Others" at %i levels', (levels) => {
    const compiled = compileSegmentMap(presetSegmentMap('grid', levels, 'en'));
    expect([...compiled.table].every((segment) => segment < compiled.segmentCount)).toBe(true);
  });

  it('has Russian names and strategies', () => {
    const ru = presetSegmentMap('grid', 5, 'ru');
    expect(ru.segments[0]).toMatchObject({ id: 'champions', name: 'Чемпионы' });
    expect(ru.segments.every((segment) => /[а-я]/i.test(segment.strategy))).toBe(true);
  });
});

describe('R package map preset', () => {
  const map = presetSegmentMap('rfm-package', 5, 'en');

  it('takes the first matching row', () => {
    expect(segmentName(map, 5, 5, 5)).toBe('Champions');
    // 4 4 4 matches Potential Loyalist (3–5, 3–5, 2–5) before Loyal Customers (2–4 …)
    expect(segmentName(map, 4, 4, 4)).toBe('Potential Loyalist');
    expect(segmentName(map, 2, 2, 2)).toBe('Loyal Customers');
    expect(segmentName(map, 4, 1, 4)).toBe('Promising');
    expect(segmentName(map, 5, 1, 1)).toBe('New Customers');
    expect(segmentName(map, 1, 3, 5)).toBe("Can't Lose Them");
    expect(segmentName(map, 1, 5, 5)).toBe('At Risk');
    expect(segmentName(map, 1, 5, 3)).toBe('Need Attention');
    expect(segmentName(map, 3, 1, 1)).toBe('About To Sleep');
    expect(segmentName(map, 1, 1, 1)).toBe('Lost');
  });

  it('puts unmatched combinations into "Others"', () => {
    expect(segmentName(map, 2, 1, 5)).toBe('Others');
    expect(segmentName(map, 2, 5, 1)).toBe('Others');
    expect(segmentName(map, 1, 2, 2)).toBe('Lost');
  });

  it('names segments exactly as the package does', () => {
    expect(map.segments.map((segment) => segment.name)).toEqual([
      'Champions', 'Potential Loyalist', 'Loyal Customers', 'Promising', 'New Customers',
      "Can't Lose Them", 'At Risk', 'Need Attention', 'About To Sleep', 'Lost',
    ]);
  });
});

describe('scaling to 3 and 4 levels', () => {
  it('lets each score stand for the 5-level score at the middle of its band', () => {
    expect([1, 2, 3].map((t) => standsFor(t, 5, 3))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4].map((t) => standsFor(t, 5, 4))).toEqual([1, 2, 4, 5]);
    expect([1, 2, 3, 4, 5].map((t) => standsFor(t, 5, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5].map((t) => standsFor(t, 3, 5))).toEqual([1, 1, 2, 3, 3]);
  });

  it('scales the package map so that 3-level scores mean their 5-level counterparts', () => {
    const five = presetSegmentMap('rfm-package', 5, 'en');
    for (const levels of [3, 4] as RfmLevels[]) {
      const scaled = presetSegmentMap('rfm-package', levels, 'en');
      for (let r = 1; r <= levels; r++) {
        for (let f = 1; f <= levels; f++) {
          for (let m = 1; m <= levels; m++) {
            const u = (t: number) => standsFor(t, 5, levels);
            expect(segmentName(scaled, r, f, m)).toBe(segmentName(five, u(r), u(f), u(m)));
          }
        }
      }
    }
    expect(presetSegmentMap('rfm-package', 3, 'en').segments[0]!.rules).toEqual([{ r: { from: 3, to: 3 }, f: { from: 3, to: 3 }, m: { from: 3, to: 3 } }]);
  });

  it('drops a rule no score maps into, keeping the segment', () => {
    const map: SegmentMap = { preset: 'grid', levels: 5, segments: [{ id: 'x', name: 'X', color: '#000000', strategy: '', rules: [{ r: { from: 2, to: 2 } }] }] };
    const scaled = scaleSegmentMap(map, 3);
    expect(scaled.segments[0]!.rules).toEqual([]);
    expect(segmentName(scaled, 1, 1, 1)).toBe('Others');
  });
});

describe('segment map problems', () => {
  it('names what makes an edited map unusable', () => {
    const segments = presetSegments('grid', 'en');
    const map: SegmentMap = {
      preset: 'grid',
      levels: 5,
      segments: [
        { ...segments[0]!, name: ' ' },
        { ...segments[1]!, name: 'Loyal', color: 'green' },
        { ...segments[2]!, name: 'loyal', rules: [{ r: { from: 4, to: 6 } }] },
      ],
    };
    expect(segmentMapProblems(map).map((problem) => [problem.code, problem.segment])).toEqual([
      ['nameEmpty', 0],
      ['color', 1],
      ['nameTwice', 2],
      ['range', 2],
    ]);
    expect(() => compileSegmentMap(map)).toThrow('segment 1 has no name');
    expect(segmentMapProblems(presetSegmentMap('grid', 4, 'ru'))).toEqual([]);
  });
});
