import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrmEvent } from '../model/event';
import { unknownConsents, type Customer } from '../model/customer';
import type { EventColumns } from '../import/sinks';
import { blocksFromColumns, type ColumnsFile } from './columnBlocks';
import { createDictColumnBuilder, type DictColumn } from './dictColumn';
import { eventAt, type EventBlock } from './eventBlock';
import { blocksFromRecords } from './recordBlocks';

/** One file as the record path sees it: customers with profile data and its events in file order. */
interface FileRecords {
  customers: Customer[];
  events: CrmEvent[];
}

const TYPES = ['order', 'page_view', 'return', 'email_open'];
const IDS = ['c1', 'c2', 'c3', 'Ёж', '10', '9'];

const event = fc.record({
  customerId: fc.constantFrom(...IDS),
  type: fc.constantFrom(...TYPES),
  // few distinct instants: ties in time, broken by type and then by file order
  ts: fc.integer({ min: 0, max: 6 }),
  amount: fc.option(fc.constantFrom(0, 9.99, 1250.5), { nil: undefined }),
  channel: fc.option(fc.constantFrom('email', 'sms', 'Сайт'), { nil: undefined }),
});

const file = fc.record({
  profiles: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
  events: fc.array(event, { minLength: 1, maxLength: 60 }),
});

type GeneratedFile = typeof file extends fc.Arbitrary<infer T> ? T : never;

function toRecords(generated: GeneratedFile): FileRecords {
  return {
    customers: generated.profiles.map((id) => ({ id, consents: unknownConsents(), attrs: { city: `${id} city` } })),
    events: generated.events.map(({ customerId, type, ts, amount, channel }) => {
      const record: CrmEvent = { customerId, type, ts, props: channel === undefined ? {} : { channel } };
      if (amount !== undefined) record.amount = amount;
      return record;
    }),
  };
}

/** The same file as the column sink keeps it: slots in order of first appearance, types in order of first use. */
function toColumns(records: FileRecords): ColumnsFile {
  const customerIds: string[] = [];
  const slotOf = new Map<string, number>();
  const slot = (id: string) => slotOf.get(id) ?? (slotOf.set(id, customerIds.push(id) - 1), customerIds.length - 1);
  const types: string[] = [];
  const count = records.events.length;
  const channel = createDictColumnBuilder(count);
  const columns: EventColumns = { count, slot: new Int32Array(count), type: new Uint16Array(count), types, ts: new Float64Array(count), amount: new Float64Array(count), props: {} };
  records.events.forEach((record, row) => {
    columns.slot[row] = slot(record.customerId);
    if (!types.includes(record.type)) types.push(record.type);
    columns.type[row] = types.indexOf(record.type);
    columns.ts[row] = record.ts;
    columns.amount[row] = record.amount ?? Number.NaN;
    channel.add(row, record.props.channel);
  });
  const props: Record<string, DictColumn> = {};
  if (records.events.some((record) => record.props.channel !== undefined)) props.channel = channel.finish();
  return { customers: records.customers, events: { ...columns, props }, customerIds };
}

function rows(blocks: readonly EventBlock[], customerIds: readonly string[], eventTypes: readonly string[]): CrmEvent[] {
  return blocks.flatMap((block) => Array.from({ length: block.count }, (_, row) => eventAt(block, row, customerIds, eventTypes)));
}

describe('blocksFromColumns', () => {
  it('gives the blocks the record path gives for the same files: customers, order, types, amounts and kept props', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), (generated, blockSize) => {
        const files = generated.map(toRecords);
        const fromRecords = blocksFromRecords(
          files.flatMap((records) => records.customers),
          files.flatMap((records) => records.events),
        );
        const fromColumns = blocksFromColumns(files.map(toColumns), blockSize);
        const ids = (blocks: typeof fromColumns.customers) => blocks.flatMap((block) => Array.from(block.id));
        expect(ids(fromColumns.customers)).toEqual(ids(fromRecords.customers));
        expect(fromColumns.eventTypes).toEqual(fromRecords.eventTypes);
        const customerIds = ids(fromColumns.customers);
        expect(rows(fromColumns.events, customerIds, fromColumns.eventTypes)).toEqual(rows(fromRecords.events, customerIds, fromRecords.eventTypes));
        expect(fromColumns.events.every((block) => block.count <= blockSize)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the files’ columns as they were (a single file’s columns are read in place, not copied)', () => {
    const records = toRecords({
      profiles: ['c3'],
      events: [
        { customerId: 'c2', type: 'page_view', ts: 5, amount: undefined, channel: 'sms' },
        { customerId: 'c1', type: 'order', ts: 1, amount: 9.99, channel: undefined },
        { customerId: 'c2', type: 'order', ts: 2, amount: 1250.5, channel: undefined },
      ],
    });
    const columns = toColumns(records);
    const before = structuredClone(columns);
    const dataset = blocksFromColumns([columns]);
    expect(columns).toEqual(before);
    expect(dataset.events[0]!.ts).not.toBe(columns.events.ts);
    expect(rows(dataset.events, ['c3', 'c2', 'c1'], dataset.eventTypes).map((row) => [row.customerId, row.ts])).toEqual([
      ['c2', 2],
      ['c2', 5],
      ['c1', 1],
    ]);
  });
});
