import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDictColumns, denseDictCodes, dictRecordAt, dictValue, forEachDictValue } from './dictColumn';

describe('dict columns', () => {
  it('store a rare prop sparsely and a common one densely, in the narrowest width', () => {
    const rows: Record<string, string>[] = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? { order_id: `o${i}`, channel: 'web' } : { channel: i % 2 ? 'app' : 'web' }) as Record<string, string>);
    const columns = buildDictColumns(rows.length, (row) => rows[row]!);
    expect(columns.order_id!.rows).toBeInstanceOf(Uint16Array);
    expect(columns.order_id!.codes).toHaveLength(10);
    expect(columns.channel!.rows).toBeUndefined();
    expect(columns.channel!.codes).toBeInstanceOf(Uint8Array);
    expect(dictValue(columns.order_id!, 300)).toBe('o300');
    expect(dictValue(columns.order_id!, 301)).toBeUndefined();
    expect(Array.from(denseDictCodes(columns.order_id!, 1000)).filter(Boolean)).toHaveLength(10);
  });

  it('widen codes past 255 and 65,535 distinct values', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => ({ sku: `s${i}` }));
    const column = buildDictColumns(rows.length, (row) => rows[row]!).sku!;
    expect(column.codes).toBeInstanceOf(Uint32Array);
    expect(dictValue(column, 69_999)).toBe('s69999');
  });

  it('give back exactly the records they were built from', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'category'), fc.string({ minLength: 1, maxLength: 3 }), { maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 300 }), (records) => {
        const columns = buildDictColumns(records.length, (row) => records[row]!);
        records.forEach((expected, row) => expect(dictRecordAt(columns, row)).toEqual(expected));
        for (const [key, column] of Object.entries(columns)) {
          const seen: [number, string][] = [];
          forEachDictValue(column, records.length, (row, value) => seen.push([row, value]));
          expect(seen).toEqual(records.flatMap((r, row) => (r[key] === undefined ? [] : [[row, r[key]!] as [number, string]])));
        }
      }),
    );
  });
});
