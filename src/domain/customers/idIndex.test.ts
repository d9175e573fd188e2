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
