import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfCustomerRows } from './customerTimeline';

/** The plain scan the galloping search replaces. */
function scanEnd(values: Int32Array, customer: number, first: number, to: number): number {
  let end = first;
  while (end < to && values[end] === customer) end++;
  return end;
}

describe('endOfCustomerRows', () => {
  it('finds where a customer\'s rows end, as a row-by-row scan does', () => {
    const column = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 }).map((ids) => Int32Array.from(ids.sort((a, b) => a - b)));
    fc.assert(
      fc.property(column, fc.nat(), fc.nat(), (values, firstSeed, toSeed) => {
        const to = values.length ? toSeed % (values.length + 1) : 0;
        const first = to ? firstSeed % (to + 1) : 0;
        for (let customer = -1; customer <= 7; customer++) expect(endOfCustomerRows(values, customer, first, to)).toBe(scanEnd(values, customer, first, to));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a long run of one customer to its end and stops at the next customer', () => {
    const values = Int32Array.from([3, ...new Array<number>(1000).fill(5), 9]);
    expect(endOfCustomerRows(values, 5, 1, values.length)).toBe(1001);
    expect(endOfCustomerRows(values, 5, 0, values.length)).toBe(0);
    expect(endOfCustomerRows(values, 9, 1001, values.length)).toBe(1002);
  });
});
