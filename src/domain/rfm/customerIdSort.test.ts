import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCustomerIds, sortByCustomerId } from './rfmCsv';

describe('sortByCustomerId', () => {
  it('orders numeric ids exactly as the collator does, leading zeros and ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^0{0,2}\d{1,8}$/), { maxLength: 60 }), (ids) => {
        const indexes = ids.map((_, i) => i);
        const expected = [...indexes].sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!));
        expect(sortByCustomerId(indexes, (i) => ids[i]!).map((i) => ids[i])).toEqual(expected.map((i) => ids[i]));
      }),
    );
  });

  it('orders plain numbers (no leading zeros, up to 15 digits, repeats included) as the collator does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER >>> 0 }), fc.constant(999_999_999_999_999)), { maxLength: 80 }), (numbers) => {
        const ids = numbers.map(String);
        const indexes = ids.map((_, i) => i);
        const expected = [...indexes].sort((a, b) => compareCustomerIds(ids[a]!, ids[b]!));
        expect(sortByCustomerId(indexes, (i) => ids[i]!)).toEqual(expected);
      }),
      { seed: 10, numRuns: 300 },
    );
  });

  it('sorts a subset of indexes (not 0 … n−1) by their ids', () => {
    const ids = ['5', 'x', '12', '007', '7', '3'];
    expect(sortByCustomerId([5, 2, 4, 0, 3], (i) => ids[i]!)).toEqual([5, 0, 3, 4, 2]);
  });

  it('falls back to the collator for other ids', () => {
    const ids = ['C10', 'c9', '17850', 'anna@example.com', 'C9'];
    expect(sortByCustomerId([0, 1, 2, 3, 4], (i) => ids[i]!).map((i) => ids[i])).toEqual(['17850', 'anna@example.com', 'c9', 'C9', 'C10']);
  });
});
