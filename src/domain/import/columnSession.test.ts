import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictValue } from '../columnar/dictColumn';
import { UserFacingError } from '../errors';
import { csvLine } from '../csv/csvWrite';
import type { CsvKind } from '../model/importBatch';
import { planImport, type PlanInput } from './plan';
import { columnSession, importText, sessionColumns } from './records';

/**
 * A session made with `columnSession` skips the props of order rows (only the order id is
 * read, for the duplicate key): everything else — report, rejects, warnings, customers and the
 * events themselves — must be what the CrmEvent path gives for the same text.
 */
const NOW = Date.parse('2026-06-01T00:00:00Z');

type Input = Omit<PlanInput, 'head' | 'isWholeFile' | 'sourceName'>;

function bothPaths(text: string, input: Input, keepsProp?: (key: string) => boolean) {
  const full = { sourceName: 'test.csv', now: NOW, ...input };
  const records = importText(text, full);
  const bytes = new TextEncoder().encode(text);
  const plan = planImport({ ...full, head: bytes, isWholeFile: true });
  const session = columnSession(plan, { keepsProp });
  session.pushText(new TextDecoder(plan.encoding.label).decode(bytes));
  return { records, columns: sessionColumns(session) };
}

/** The code of the error the plan refuses the text with, if it does. */
function planRefusal(text: string, input: Input): string | undefined {
  try {
    planImport({ sourceName: 'test.csv', now: NOW, ...input, head: new TextEncoder().encode(text), isWholeFile: true });
    return undefined;
  } catch (error) {
    if (error instanceof UserFacingError) return error.code;
    throw error;
  }
}

function expectSame(text: string, input: Input): void {
  const { records, columns } = bothPaths(text, input);
  expect(columns.report).toEqual(records.report);
  expect(columns.customers).toEqual(records.customers);
  expect(columns.rejectedRows).toEqual(records.rejectedRows);
  const { events } = columns;
  const fromColumns = Array.from({ length: events.count }, (_, i) => ({
    customerId: columns.customerIds[events.slot[i]!],
    type: events.types[events.type[i]!],
    ts: events.ts[i],
    amount: Number.isNaN(events.amount[i]!) ? undefined : events.amount[i],
  }));
  expect(fromColumns).toEqual(records.events.map((event) => ({ customerId: event.customerId, type: event.type, ts: event.ts, amount: event.amount })));
}

const AWKWARD_ORDERS = [
  'order_id;customer_id;email;order_date;amount;status;store;discount',
  'O1;C1;a@x.ru;05.03.2026 10:00;1 990,50;;"Москва; ТЦ";10',
  'O2;C2;;06.03.2026 11:00;-500;;;',
  'O3;C1;;07.03.2026 12:00;abc;;;',
  'O1;C1;;05.03.2026 10:00;1 990,50;;;',
  'O1;C1;;05.03.2026 10:00;12;;;',
  'O4;;;08.03.2026;10;;;',
  'O5;C3;;31.02.2026;10;;;',
  'O6;C3;;09.03.2026;70;Отменён;;',
  'O7;C3;;01.01.2099;70;возврат;;',
  ';C4;;10.03.2026;5;;;',
  ';C4;;10.03.2026;5;;;',
  'O8;;b@y.ru;11.03.2026;8;;;',
  'O9;C5;b@y.ru;12.03.2026;9;;;;extra',
  'O10;C5;"b@y.ru;12.03.2026;9',
  '  O11 ;C6;;13.03.2026;"1,5";;"a ""b"" c" x;',
  ';;;;;;;',
  'O12;C6',
].join('\n');

describe('columnSession', () => {
  it('gives the same report, rejects, customers and events as the CrmEvent path on awkward orders', () => {
    expectSame(AWKWARD_ORDERS, { kind: 'orders' });
    expectSame(AWKWARD_ORDERS, { kind: 'orders', timeZone: 'Europe/Moscow' });
  });

  it('keys orders by the same order id as the props would give, whichever column holds it', () => {
    // the order id is mapped to "number"; an unmapped column named order_id comes later and wins in the props
    const text = ['number,customer_id,date,amount,order_id', 'A,C1,2025-01-01,10,X', 'B,C1,2025-01-02,12,X', 'C,C2,2025-01-03,5,', 'C,C2,2025-01-03,5,'].join('\n');
    expectSame(text, { kind: 'orders', mapping: { orderId: 0, customerId: 1, ts: 2, amount: 3 } });
    const { records } = bothPaths(text, { kind: 'orders', mapping: { orderId: 0, customerId: 1, ts: 2, amount: 3 } });
    // X again with another date and amount is a conflict; the second C row an exact repeat
    expect([records.report.merged, records.report.rejected]).toEqual([1, 1]);
  });

  it('gives the same as the CrmEvent path for events and order lines (their props are kept)', () => {
    expectSame('customer_id,event_type,date,amount,page\nC1,Покупка,2025-01-01,10,/a\nC1,page_view,2025-01-01,,/b\nC2,order,2025-01-02,-3,\n', { kind: 'events' as CsvKind });
    expectSame('order_id,customer_id,date,sku,quantity,price\n1,C1,2025-01-01,A,2,10\n1,,,B,-1,5\nC2,C2,2025-01-02,A,1,4\n', { kind: 'lines' as CsvKind });
  });

  it('agrees with the CrmEvent path on generated orders files', () => {
    const cell = fc.oneof(fc.constantFrom('', ' ', '"', ';', ',', '-5', '1 000,5', 'O1', 'C1', 'возврат', 'cancelled', '2025-02-30', '01.02.2025', 'x@y.z'), fc.string({ maxLength: 6 }));
    const row = fc.tuple(fc.constantFrom('O1', 'O2', 'O3', '', ' O1'), fc.constantFrom('C1', 'C2', '', 'c1'), fc.constantFrom('2025-01-01', '2025-01-02T10:00:00Z', '31.12.2024', 'bad', ''), fc.constantFrom('10', '-10', '10.5', 'abc', ''), cell, cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const text = [csvLine(['order_id', 'customer_id', 'order_date', 'amount', 'status', 'note']), ...rows.map((values) => csvLine(values))].join('\n');
        const input: Input = { kind: 'orders', mapping: { orderId: 0, customerId: 1, ts: 2, amount: 3, status: 4 } };
        // rows of empty or blank cells only are blank lines: such a file has a header and nothing else,
        // which the plan refuses before either path reads a row
        const refusal = planRefusal(text, input);
        if (refusal !== undefined) {
          expect(refusal).toBe('import.headerOnly');
          expect(rows.every((values) => values.every((value) => value.trim() === ''))).toBe(true);
          return;
        }
        expectSame(text, input);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the props it is asked to keep, as dictionary columns, with the same values as the props', () => {
    const text = ['order_id,customer_id,date,amount,utm_source,Campaign,note', 'A,C1,2025-01-01,10,email,spring,x', 'B,C1,2025-01-02,12,,spring,y', 'C,C2,2025-01-03,5,sms,,z'].join('\n');
    const keepsProp = (key: string) => key === 'utm_source' || key === 'Campaign';
    const { records, columns } = bothPaths(text, { kind: 'orders' }, keepsProp);
    expect(Object.keys(columns.events.props).sort()).toEqual(['Campaign', 'utm_source']);
    const kept = (key: string) => Array.from({ length: columns.events.count }, (_, row) => dictValue(columns.events.props[key]!, row));
    expect(kept('utm_source')).toEqual(records.events.map((event) => event.props.utm_source));
    expect(kept('Campaign')).toEqual(records.events.map((event) => event.props.Campaign));
    expect(bothPaths(text, { kind: 'orders' }).columns.events.props).toEqual({});
  });
});
