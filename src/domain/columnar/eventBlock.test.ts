import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEventBlocks, customerRowRange, eventAt, eventBlockStats, type IndexedEvent } from './eventBlock';

const indexedEvent = fc.record({
  customer: fc.integer({ min: 0, max: 30 }),
  type: fc.integer({ min: 0, max: 4 }),
  ts: fc.integer({ min: 0, max: 1000 }),
  props: fc.dictionary(fc.constantFrom('sku', 'category'), fc.constantFrom('a', 'b', 'Обувь')),
});

describe('event blocks', () => {
  it('sort by customer, then time, then type, whatever the input order, and lose nothing', () => {
    fc.assert(
      fc.property(fc.array(indexedEvent, { maxLength: 400 }), fc.integer({ min: 1, max: 64 }), (events, blockSize) => {
        const blocks = buildEventBlocks(events, blockSize);
        const rows = blocks.flatMap((block) => Array.from({ length: block.count }, (_, row) => ({ block, row })));
        expect(rows).toHaveLength(events.length);
        const keys = rows.map(({ block, row }) => [block.customer[row]!, block.ts[row]!, block.type[row]!]);
        const expected = events.map((e) => [e.customer, e.ts, e.type]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
        expect(keys).toEqual(expected);
        expect(blocks.every((block) => block.count <= blockSize)).toBe(true);
      }),
    );
  });

  it('decode rows with amounts and props, and find a customer’s rows', () => {
    const events: IndexedEvent[] = [
      { customer: 1, type: 0, ts: 50, amount: 10.5, props: { sku: 'x' } },
      { customer: 0, type: 1, ts: 70, props: {} },
      { customer: 1, type: 1, ts: 20, props: {} },
    ];
    const [block] = buildEventBlocks(events);
    expect(customerRowRange(block!, 1)).toEqual([1, 3]);
    expect(eventAt(block!, 2, ['c0', 'c1'], ['order', 'page_view'])).toEqual({ customerId: 'c1', type: 'order', ts: 50, amount: 10.5, props: { sku: 'x' } });
    expect(eventBlockStats(block!)).toMatchObject({ minTs: 20, maxTs: 70, minCustomer: 0, maxCustomer: 1, typeCounts: { 0: 1, 1: 2 }, amountSum: 10.5 });
  });
});
