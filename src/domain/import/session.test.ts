import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../csv/csvWrite';
import { formatUtcInstant } from '../time/isoFormat';
import type { CsvKind } from '../model/importBatch';
import { EventKeyCounter, KeySet } from './keys';
import { importText } from './records';

const NOW = Date.parse('2026-06-01T00:00:00Z');

function run(text: string, kind?: CsvKind, extra: Record<string, unknown> = {}) {
  return importText(text, { sourceName: 'test.csv', kind, now: NOW, ...extra });
}

function counts(report: { read: number; accepted: number; merged: number; rejected: number }) {
  return [report.read, report.accepted, report.merged, report.rejected];
}

describe('orders', () => {
  const text = [
    'order_id;customer_id;order_date;amount;status;store',
    'O1;C1;05.03.2026 10:00;1 990,50;;"Москва; ТЦ"',
    'O2;C2;06.03.2026 11:00;-500;;',
    'O3;C1;07.03.2026 12:00;abc;;',
    'O1;C1;05.03.2026 10:00;1 990,50;;',
    'O4;;08.03.2026;10;;',
    'O5;C3;31.02.2026;10;;',
    'O6;C3;09.03.2026;70;Отменён;',
    'O7;C3;01.01.2099;70;;',
  ].join('\n');

  it('reads, normalises and counts every row once', () => {
    const { report, events } = run(text, 'orders', { timeZone: 'Europe/Moscow' });
    expect(counts(report)).toEqual([8, 4, 1, 3]);
    expect(report.detected).toMatchObject({ delimiter: ';', dateFormat: 'DD.MM.YYYY HH:mm', decimalMark: ',', timeZone: 'Europe/Moscow' });
    expect(events[0]).toEqual({ customerId: 'C1', type: 'order', ts: Date.parse('2026-03-05T07:00:00Z'), amount: 1990.5, props: { order_id: 'O1', store: 'Москва; ТЦ' } });
    expect(events[1]).toMatchObject({ customerId: 'C2', type: 'return', amount: 500 });
    expect(events[2]).toMatchObject({ type: 'order_cancelled', amount: 70, props: { status: 'Отменён' } });
    expect(report.orders).toBe(2);
    expect(report.returns).toBe(1);
    expect(report.customers).toBe(3);
  });

  it('says why each rejected row was rejected, on its physical line', () => {
    const { report } = run(text, 'orders');
    expect(report.rejects).toMatchObject([
      { line: 4, reason: 'amount: "abc" is not a number', column: 'amount' },
      { line: 6, reason: 'no customer: customer_id is empty' },
      { line: 7, reason: 'order_date: February 2026 has no day 31 in "31.02.2026"', column: 'order_date' },
    ]);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [3, 'negative_amount'],
      [8, 'cancelled_order'],
      [9, 'future_date'],
    ]);
    expect(report.warnings[2]!.message).toBe('order_date 2099-01-01 is in the future (after 2026-06-02): kept, but left out of default dates');
  });

  it('rejects a repeated order id with another customer, date or amount as a conflict, naming the first line; merges an exact repeat', () => {
    const text = ['order_id,customer_id,date,amount', '1,C1,2025-01-01,10', '1,C1,2025-01-01,12', '1,C2,2025-01-01,10', '1,C1,2025-01-02 10:00,10', '1,C1,2025-01-01,10'].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([5, 1, 1, 3]);
    expect(events).toHaveLength(1);
    expect(report.rejects).toMatchObject([
      { line: 3, code: 'order_conflict', column: 'order_id', reason: 'order_id 1 was read at line 2 with amount 10; this row has amount 12', params: { firstAmount: '10', thisAmount: '12' } },
      { line: 4, code: 'order_conflict', reason: 'order_id 1 was read at line 2 with customer C1; this row has customer C2', params: { firstCustomer: 'C1', thisCustomer: 'C2' } },
      { line: 5, code: 'order_conflict', reason: 'order_id 1 was read at line 2 with 2025-01-01T00:00:00Z; this row has 2025-01-02T10:00:00Z', params: { firstTime: '2025-01-01T00:00:00Z', thisTime: '2025-01-02T10:00:00Z' } },
    ]);
    expect(report.customers).toBe(1);
  });

  it('keeps equal rows without an order id as separate orders (two equal purchases on one day)', () => {
    const { report, events } = run('customer_id,order_date,revenue\nAnna,2004-12-20,32\nAnna,2004-12-20,32\n', 'orders');
    expect(counts(report)).toEqual([2, 2, 0, 0]);
    expect(events).toHaveLength(2);
  });

  it('lists only as many rejected rows as asked, and still counts them all', () => {
    const { report, rejectedRows } = importText(text, { sourceName: 'test.csv', kind: 'orders', now: NOW }, { listedRejectsLimit: 2 });
    expect(counts(report)).toEqual([8, 4, 1, 3]);
    expect(report.rejects.map((reject) => reject.line)).toEqual([4, 6]);
    expect(rejectedRows.map((row) => row.line)).toEqual([4, 6]);
  });
});

describe('order lines', () => {
  it('aggregates lines into orders and returns, with cancellation invoices and refunds', () => {
    const text = [
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Category',
      '536365,A,6,12/1/2010 8:26,2.55,17850,Home',
      '536366,C,1,12/1/2010 8:28,1.85,17850,Toys',
      '536365,B,8,12/1/2010 8:26,2.75,17850,Garden',
      'C536379,D,-1,12/1/2010 9:41,27.5,14527,',
      '536370,E,2,12/13/2010 9:00,10,14527,Toys',
      '536370,F,-1,12/13/2010 9:00,3,14527,Toys',
      '536371,G,x,12/13/2010 9:00,3,14527,',
    ].join('\n');
    const { report, events } = run(text, 'lines');
    expect(counts(report)).toEqual([7, 6, 0, 1]);
    const summary = events.map((e) => [e.type, e.props.order_id, e.amount, e.props.items, e.props.sku, e.props.category, formatUtcInstant(e.ts)]);
    expect(summary).toEqual([
      ['order', '536365', 37.3, '14', 'A, B', 'Garden', '2010-12-01T08:26:00Z'],
      ['order', '536366', 1.85, '1', 'C', 'Toys', '2010-12-01T08:28:00Z'],
      ['return', 'C536379', 27.5, '1', 'D', undefined, '2010-12-01T09:41:00Z'],
      ['order', '536370', 20, '2', 'E, F', 'Toys', '2010-12-13T09:00:00Z'],
      ['return', '536370', 3, '1', 'E, F', 'Toys', '2010-12-13T09:00:00Z'],
    ]);
    expect(report.rejects).toMatchObject([{ line: 8, reason: 'Quantity: "x" is not a number', column: 'Quantity' }]);
    expect(report.detected.dateFormat).toBe('MM/DD/YYYY HH:mm');
  });

  it('reads an orders file of order lines as lines when asked to (ordersMayBeLines): the order\'s amount is the sum of its lines', () => {
    const text = 'Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID\n536365,A,6,12/1/2010 8:26,2.55,17850.0\n536365,B,8,12/1/2010 8:26,2.75,17850.0\n';
    const asLines = run(text, 'orders', { ordersMayBeLines: true });
    expect([asLines.report.kind, ...counts(asLines.report)]).toEqual(['lines', 2, 2, 0, 0]);
    expect(asLines.events.map((e) => e.amount)).toEqual([37.3]);
    // without the option (chainlab import --kind orders) the kind named is the kind read
    expect(run(text, 'orders').report.kind).toBe('orders');
    // a mapping file names fields for one kind: it is read as that kind
    expect(run(text, 'orders', { ordersMayBeLines: true, mappingFile: { mapping: { amount: 'Price' } } }).report.kind).toBe('orders');
    // a file of orders stays one
    expect(run('order_id,customer_id,order_date,amount,items\nO1,C1,2025-01-02,10.5,3\n', 'orders', { ordersMayBeLines: true }).report.kind).toBe('orders');
  });

  it('uses line amounts when the file has them and warns about lines of another customer', () => {
    const text = 'Документ;Дата;Клиент;Количество;Сумма\nД1;01.02.2025;К1;2;1 000,00\nД1;01.02.2025;К2;1;500,00\n';
    const { report, events } = run(text, 'lines');
    expect(events).toEqual([{ customerId: 'К1', type: 'order', ts: Date.parse('2025-02-01T00:00:00Z'), amount: 1500, props: { order_id: 'Д1', items: '3', lines: '2' } }]);
    expect(report.warnings[0]).toMatchObject({ line: 3, code: 'customer_conflict' });
  });
});

describe('events', () => {
  it('normalises types, keeps unmapped and extra columns as props, and flags extra values', () => {
    const text = 'user_id,event,time,page\nu1,Page View,2025-03-01 10:00,/home\nu1,Покупка,2025-03-01 10:05,/cart,extra!\n';
    const { report, events } = run(text, 'events');
    expect(events.map((e) => [e.type, e.props])).toEqual([
      ['page_view', { page: '/home' }],
      ['order', { page: '/cart', 'column 5': 'extra!' }],
    ]);
    expect(report.unmapped).toEqual(['page']);
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'event_type_renamed'],
      [3, 'extra_values'],
      [3, 'event_type_renamed'],
    ]);
  });

  it('rejects a broken quote, goes on with the next line and reports physical lines after multi-line fields', () => {
    const text = 'customer_id,event_type,event_time,comment\nc1,search,2025-01-01,"two\nlines"\nc2,search,2025-01-02,"broken\nc3,search,2025-01-03,fine\n';
    const { report, events } = run(text, 'events');
    expect(counts(report)).toEqual([3, 2, 0, 1]);
    expect(report.rejects[0]).toMatchObject({ line: 4, column: 'comment' });
    expect(events.map((e) => e.customerId)).toEqual(['c1', 'c3']);
    expect(events[0]!.props.comment).toBe('two\nlines');
  });

  it('keeps a non-numeric amount as a prop instead of losing it', () => {
    const mapping = { customerId: 0, type: 1, ts: 2, amount: 3 };
    const { report, events } = run('customer_id,event_type,event_time,amount\nc1,review,2025-01-01,five stars\n', 'events', { mapping });
    expect(events[0]).toEqual({ customerId: 'c1', type: 'review', ts: Date.parse('2025-01-01'), props: { amount: 'five stars' } });
    expect(report.warnings[0]!.code).toBe('invalid_value');
  });
});

describe('customers', () => {
  it('de-duplicates by id, else e-mail, else phone, and lists the merges', () => {
    const text = [
      'id;ФИО;email;телефон;город',
      '1;Петрова Анна Сергеевна;anna@mail.ru;8 903 555 12 34;Москва',
      ';Анна Петрова;ANNA@mail.ru ;;Химки',
      ';;;+7 (903) 555-12-34;',
      '2;Иванов Иван;ivan@mail.ru;;',
      '2;;ivan2@mail.ru;;Тверь',
      ';Ольга;olga@mail.ru;;',
      '3;Ольга Смирнова;olga@mail.ru;;',
    ].join('\n');
    const { report, customers } = run(text, 'customers');
    expect(counts(report)).toEqual([7, 3, 4, 0]);
    expect(report.merges).toEqual([
      { line: 3, customerId: '1', by: 'email' },
      { line: 4, customerId: '1', by: 'phone' },
      { line: 6, customerId: '2', by: 'id' },
      { line: 8, customerId: '3', by: 'email' },
    ]);
    expect(customers).toHaveLength(3);
    expect(customers[0]).toMatchObject({ id: '1', email: 'anna@mail.ru', phone: '+79035551234', lastName: 'Петрова', firstName: 'Анна', city: 'Химки', attrs: { middle_name: 'Сергеевна' } });
    expect(customers[1]).toMatchObject({ id: '2', email: 'ivan2@mail.ru', city: 'Тверь' });
    expect(customers[2]).toMatchObject({ id: '3', firstName: 'Ольга', lastName: 'Смирнова', email: 'olga@mail.ru' });
  });

  it('keeps invalid contacts and unknown consent words as attributes, with warnings', () => {
    const text = 'email,phone,consent_sms,birth_date,tier\nbad@,123,maybe,31.04.1990,gold\n';
    const { report } = run(text, 'customers', { mapping: { email: 0, phone: 1, consentSms: 2, birthDate: 3 } });
    expect(counts(report)).toEqual([1, 0, 0, 1]);
    expect(report.rejects[0]!.reason).toBe('no customer: email "bad@" is not valid, phone "123" is not valid');
    const good = run('customer_id,email,phone,consent_sms,birth_date,tier\nC1,bad@,123,maybe,31.04.1990,gold\n', 'customers', { mapping: { customerId: 0, email: 1, phone: 2, consentSms: 3, birthDate: 4 } });
    expect(good.customers[0]).toEqual({
      id: 'C1',
      consents: { email: null, sms: null, push: null, whatsapp: null, telegram: null },
      attrs: { email: 'bad@', phone: '123', consent_sms: 'maybe', birth_date: '31.04.1990', tier: 'gold' },
    });
    expect(good.report.warnings.map((w) => w.message)).toEqual([
      'email: "bad@" is not a valid e-mail address; kept as attribute "email"',
      'phone: "123" is not a valid phone number; kept as attribute "phone"',
      'birth_date: "31.04.1990" is not a date (April 1990 has no day 31 in "31.04.1990"); kept as attribute "birth_date"',
      'consent_sms: "maybe" is not a yes/no value; kept as attribute "consent_sms"',
    ]);
  });

  it('reads a Windows-1251 Excel export with title lines and decimal commas without settings', () => {
    const text = 'Список клиентов\n\nКлиент;Телефон;Дата регистрации;Сумма покупок\nИванов Иван;8 916 123-45-67;05.03.2026 14:30;1 234,50\n';
    const bytes = Uint8Array.from([...text].map((char) => cp1251(char)));
    const plan = importText(new TextDecoder('windows-1251').decode(bytes), { sourceName: 'x', now: NOW, timeZone: 'Europe/Moscow' });
    expect(plan.report.kind).toBe('customers');
    expect(plan.customers[0]).toMatchObject({ id: '+79161234567', firstName: 'Иван', lastName: 'Иванов', phone: '+79161234567', signupAt: Date.parse('2026-03-05T11:30:00Z'), attrs: { 'Сумма покупок': '1 234,50' } });
    expect(plan.report.detected.skippedLines).toBe(2);
  });
});

function cp1251(char: string): number {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code;
  if (code >= 0x410 && code <= 0x44f) return code - 0x350;
  throw new Error(`no cp1251 byte for ${char}`);
}

describe('re-importing', () => {
  it('changes nothing: every event and customer of the same file is merged', () => {
    const text = 'customer_id,email,event_type,event_time,amount,order_id\nc1,a@b.ru,page_view,2025-01-01 10:00,,\nc1,a@b.ru,page_view,2025-01-01 10:00,,\nc2,c@d.ru,order,2025-01-02,100,O1\n';
    const first = run(text, 'events');
    expect(counts(first.report)).toEqual([3, 3, 0, 0]);
    const counter = new EventKeyCounter();
    const keys = new KeySet();
    for (const event of first.events) keys.add(counter.key(event.customerId, event.type, event.ts, event.amount, event.props));
    const known = first.customers.map((customer, index) => ({ index, id: customer.id, email: customer.email }));
    const second = importText(text, { sourceName: 'again.csv', kind: 'events', now: NOW }, { knownEventKeys: keys, knownCustomers: known });
    expect(counts(second.report)).toEqual([3, 0, 3, 0]);
    expect(second.events).toEqual([]);
  });
});

describe('the four counts', () => {
  const value = fc.oneof(fc.constantFrom('', 'x', '"', '12', '-5', '2025-01-01', '31.02.2025', 'a@b.ru', 'C1', 'C2', 'order', 'Покупка', '1 234,50'), fc.string({ maxLength: 6 }));
  it('always add up: read = accepted + merged + rejected, whatever the rows', () => {
    fc.assert(
      fc.property(fc.constantFrom<CsvKind>('customers', 'orders', 'lines', 'events'), fc.array(fc.array(value, { minLength: 0, maxLength: 7 }), { maxLength: 25 }), (kind, rows) => {
        const header = 'customer_id,email,order_id,date,amount,quantity,event_type';
        const lines = rows.map((row) => csvLine(row));
        fc.pre(lines.some((line) => line.replace(/[",\s]/g, '') !== ''));
        const text = [header, ...lines].join('\n');
        const { report } = importText(text, { sourceName: 'p.csv', kind, now: NOW, delimiter: ',', hasHeader: true, mapping: { customerId: 0, email: 1, orderId: 2, ts: 3, amount: 4, lineAmount: 4, quantity: 5, type: 6 } });
        expect(report.read).toBe(report.accepted + report.merged + report.rejected);
        expect(report.rejects).toHaveLength(report.rejected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('round trip', () => {
  const name = fc.constantFrom('Анна', 'Иван', 'Olga', 'John', 'Мария-Луиза', "O'Neil");
  const customer = fc.record({
    id: fc.stringMatching(/^[A-Z]\d{1,6}$/),
    firstName: name,
    email: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,6}([._][a-z0-9]{1,4})?$/), fc.constantFrom('mail.ru', 'example.com', 'ya.ru')).map(([user, domain]) => `${user}@${domain}`),
    phone: fc.integer({ min: 9_000_000_000, max: 9_999_999_999 }).map((n) => `+7${n}`),
    consent: fc.constantFrom(true, false, null),
    birthDate: fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  });

  it('gives back random valid customers written as CSV', () => {
    fc.assert(
      fc.property(fc.uniqueArray(customer, { selector: (c) => c.id, minLength: 1, maxLength: 20 }), (input) => {
        const unique = input.filter((c, i) => input.findIndex((o) => o.email === c.email || o.phone === c.phone) === i);
        const text = ['customer_id,first_name,email,phone,consent_email,birth_date', ...unique.map((c) => csvLine([c.id, c.firstName, c.email.toUpperCase(), c.phone, c.consent === null ? '' : c.consent ? 'да' : 'нет', c.birthDate]))].join('\r\n');
        const { report, customers } = importText(text, { sourceName: 'r.csv', kind: 'customers', now: NOW });
        expect(report.accepted).toBe(unique.length);
        expect(customers.map((c) => [c.id, c.firstName, c.email, c.phone, c.consents.email, c.birthDate])).toEqual(unique.map((c) => [c.id, c.firstName, c.email, c.phone, c.consent, c.birthDate]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('warnings', () => {
  it('lists the first hundred of a kind and sums up the rest', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `c${i},2099-01-01,1`);
    const { report } = run(['customer_id,order_date,amount', ...rows].join('\n'), 'orders');
    expect(report.warningCount).toBe(150);
    expect(report.warnings).toHaveLength(101);
    expect(report.warnings.at(-1)).toMatchObject({ code: 'more', line: 102, message: '… and 50 more warnings like "future date" from line 102 on' });
  });
});

describe('messages', () => {
  it('carry a code and parameters besides the English text, for the app to word them', () => {
    const { report } = run('customer_id,order_date,amount\nc1,31.02.2026,5\nc2,01.03.2026,x\n,01.03.2026,1\n', 'orders', { mapping: { customerId: 0, ts: 1, amount: 2 } });
    expect(report.rejects.map(({ code, params }) => [code, params])).toEqual([
      ['date', { column: 'order_date', problem: 'day_of_month', value: '31.02.2026', number: 31, month: 2, year: 2026 }],
      ['not_number', { column: 'amount', value: 'x' }],
      ['no_customer', { details: 'customer_id is empty', columns: 'customer_id' }],
    ]);
  });
});

describe('order-line exports that give order data on the first line only', () => {
  it('fill the date and customer of later lines from the order (Shopify-style)', () => {
    const text = [
      'Name,Email,Created at,Lineitem quantity,Lineitem price',
      '#1001,ann@x.ru,2025-03-01 10:00:00 +0300,2,100',
      '#1001,,,1,50',
      '#1002,bob@x.ru,2025-03-02 11:00:00 MSK,1,10',
      '#1003,,,1,10',
    ].join('\n');
    const { report, events } = run(text, 'lines', { mapping: { orderId: 0, email: 1, ts: 2, quantity: 3, price: 4 } });
    expect([report.read, report.accepted, report.rejected]).toEqual([4, 3, 1]);
    expect(events.map((e) => [e.customerId, e.props.order_id, e.amount, formatUtcInstant(e.ts)])).toEqual([
      ['ann@x.ru', '#1001', 250, '2025-03-01T07:00:00Z'],
      ['bob@x.ru', '#1002', 10, '2025-03-02T08:00:00Z'],
    ]);
    expect(report.rejects[0]).toMatchObject({ line: 5, code: 'no_customer' });
  });
});
