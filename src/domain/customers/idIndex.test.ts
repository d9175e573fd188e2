import { describe, expect, it } from 'vitest';
import { IdIndex, smallNumberOf } from './idIndex';

describe('smallNumberOf', () => {
  it('reads plain decimal ids of up to 9 digits without a leading zero', () => {
    expect(smallNumberOf('17850')).toBe(17850);
    expect(smallNumberOf('0')).toBe(0);
    expect(smallNumberOf('999999999')).toBe(999_999_999);
  });

  it('gives -1 for every other id, so no two different texts share a number', () => {
    for (const id of ['', '007', '00', '1000000000', 'C10', '1e5', '-5', '+5', '5.0', ' 5', '١٢']) expect(smallNumberOf(id)).toBe(-1);
  });
});

describe('IdIndex', () => {
  it('keeps ids that read as the same number apart when their texts differ', () => {
    const index = new IdIndex();
    ['7', '007', '7.0', 'x7', '1234567890'].forEach((id, i) => index.set(id, i));
    expect(['7', '007', '7.0', 'x7', '1234567890', '07', '70'].map((id) => index.get(id))).toEqual([0, 1, 2, 3, 4, undefined, undefined]);
    expect(index.has('007')).toBe(true);
    expect(index.has('70')).toBe(false);
  });
});

describe('IdIndex against a Map', () => {
  it('gives what a Map of the id texts gives, for dense, sparse, huge and negative-valued numbers mixed', () => {
    let state = 7;
    const next = (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state % n;
    };
    const index = new IdIndex();
    const reference = new Map<string, number>();
    const ranges = [100, 5_000, 3_000_000, 999_999_999];
    for (let i = 0; i < 20_000; i++) {
      const id = String(next(ranges[next(ranges.length)]!));
      const value = next(10) === 0 ? -1 - next(5) : next(1_000_000);
      index.set(id, value);
      reference.set(id, value);
      const probe = String(next(ranges[next(ranges.length)]!));
      expect(index.get(probe)).toBe(reference.get(probe));
    }
    for (const [id, value] of reference) expect(index.get(id)).toBe(value);
  });
});

describe('IdIndex moving numbers into its array', () => {
  it('keeps a number set while sparse when later numbers make the range dense', () => {
    const index = new IdIndex();
    index.set('2000000', 1);
    for (let n = 0; n < 300_000; n++) index.set(String(n), n + 10);
    index.set('2000000', 2);
    index.set('2000001', 3);
    expect([index.get('2000000'), index.get('2000001'), index.get('299999'), index.get('300000')]).toEqual([2, 3, 300_009, undefined]);
  });
});
