import { describe, expect, it } from 'vitest';
import type { CsvKind } from '../model/importBatch';
import { importText } from './records';
import type { PlanInput } from './plan';

/**
 * Files shaped like real public exports and like what goes wrong with them: guest orders
 * written with a placeholder customer, ids Excel rounded, joined exports, odd line endings,
 * dates far outside the data, stray NULs, huge values.
 */
const NOW = Date.parse('2026-05-02T12:00:00Z');

function run(text: string, kind?: CsvKind, extra: Partial<PlanInput> = {}) {
  return importText(text, { sourceName: 'export.csv', kind, now: NOW, ...extra });
}

function counts(report: { read: number; accepted: number; merged: number; rejected: number }) {
  return [report.read, report.accepted, report.merged, report.rejected];
}

describe('placeholder customer ids', () => {
  // UCI Online Retail as R writes it: guest invoices have CustomerID NA
  const retail = [
    'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
    '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom',
    '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom',
    '536414,22139,RETROSPOT TEA SET CERAMIC 11 PC,56,12/1/2010 11:52,0,NA,United Kingdom',
    '536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,NA,United Kingdom',
    '536544,21774,DECORATIVE CATS BATHROOM BOTTLE,2,12/1/2010 14:32,2.51,NA,United Kingdom',
    '536592,21781,MA CAMPAGNE CUTLERY BOX,1,12/1/2010 17:06,8.5,NULL,United Kingdom',
    '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom',
  ].join('\n');

  it('reads "NA" and "NULL" as a missing id: the rows are rejected and counted, nobody is called NA', () => {
    const { report, events } = run(retail, 'lines');
    expect(counts(report)).toEqual([7, 3, 0, 4]);
    expect(events.map((event) => event.customerId)).toEqual(['17850', '17850']);
    expect(report.rejects.map((reject) => [reject.line, reject.code])).toEqual([
      [4, 'placeholder_id'],
      [5, 'placeholder_id'],
      [6, 'placeholder_id'],
      [7, 'placeholder_id'],
    ]);
    expect(report.rejects[0]!.reason).toBe('no customer: CustomerID "NA" is a placeholder for a missing id, and the row has no e-mail or phone');
    expect(report.unusableIds).toEqual({ rows: 4, rejected: 4, placeholders: 4, excel: 0, values: [{ value: 'NA', rows: 3 }, { value: 'NULL', rows: 1 }] });
    expect(report.warnings.find((warning) => warning.code === 'placeholder_ids')?.message).toBe('CustomerID: 4 rows have a placeholder instead of an id ("NA" × 3, "NULL" × 1); 4 without e-mail or phone were rejected');
    expect(report.detected.placeholderIds).toContain('#N/A');
  });

  it('tells one placeholder row in the singular, as the app does', () => {
    const oneGuestLine = retail.split('\n').slice(0, 4).join('\n'); // the header, two lines of 17850, one NA
    const { report } = run(oneGuestLine, 'lines');
    expect(report.unusableIds.rows).toBe(1);
    expect(report.warnings.find((warning) => warning.code === 'placeholder_ids')?.message).toBe('CustomerID: 1 row has a placeholder instead of an id ("NA" × 1); rejected for having no e-mail or phone: 1');
  });

  it('finds the customer by e-mail when the id is a placeholder, and takes the list the user gives', () => {
    const text = ['customer_id,email,order_date,amount', 'none,anna@example.com,2025-01-02,10', '-,,2025-01-03,12', 'guest,,2025-01-04,5'].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([3, 2, 0, 1]);
    expect(events.map((event) => event.customerId)).toEqual(['anna@example.com', 'guest']);
    const custom = run(text, 'orders', { placeholderIds: ['guest'] });
    expect(custom.events.map((event) => event.customerId)).toEqual(['none', '-']);
    expect(custom.report.unusableIds.values).toEqual([{ value: 'guest', rows: 1 }]);
    expect(run(text, 'orders', { placeholderIds: [] }).report.unusableIds.rows).toBe(0);
  });

  it('does not merge orders whose order id is a placeholder', () => {
    const text = ['order_id,customer_id,order_date,amount', 'NA,C1,2025-01-02,10', 'NA,C2,2025-01-03,12', '-,C1,2025-01-02,10'].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([3, 3, 0, 0]);
    expect(events.map((event) => event.props.order_id)).toEqual([undefined, undefined, undefined]);
  });

  it('flags a customer holding an implausible share of all orders (a placeholder the list does not know)', () => {
    const rows = ['customer_id,order_date,amount'];
    for (let i = 0; i < 60; i++) rows.push(`C${i},2025-01-${String((i % 28) + 1).padStart(2, '0')},10`);
    for (let i = 0; i < 60; i++) rows.push(`GUEST,2025-02-${String((i % 28) + 1).padStart(2, '0')},10`);
    const { report } = run(rows.join('\n'), 'orders');
    expect(report.warnings.find((warning) => warning.code === 'dominant_customer')?.message).toBe('customer GUEST has 60 of 120 orders (50%): a placeholder for missing ids? Add it to the placeholder ids if so');
    const fair = run(rows.slice(0, 61).join('\n'), 'orders');
    expect(fair.report.warnings.some((warning) => warning.code === 'dominant_customer')).toBe(false);
  });
});

describe('ids and numbers Excel rounded', () => {
  it('never merges two customers whose id Excel turned into "4.6E+15"; rejects them or finds them by e-mail', () => {
    const text = ['Customer ID;Name;Email;Phone', '4.6E+15;Anna;anna@example.com;79031234567', '4.6E+15;Boris;;', '4,6E+15;Vera;vera@example.com;7.90312E+10'].join('\n');
    const { report, customers } = run(text, 'customers');
    expect(counts(report)).toEqual([3, 2, 0, 1]);
    expect(customers.map((customer) => [customer.id, customer.firstName])).toEqual([
      ['anna@example.com', 'Anna'],
      ['vera@example.com', 'Vera'],
    ]);
    expect(report.rejects[0]).toMatchObject({ line: 3, code: 'excel_id', reason: 'no customer: Customer ID "4.6E+15" was shortened by Excel (scientific notation), the real id is lost; export the column as text' });
    expect(customers[1]!.phone).toBeUndefined();
    expect(customers[1]!.attrs.Phone).toBe('7.90312E+10');
    expect(report.warnings.map((warning) => warning.code)).toContain('excel_number');
    expect(report.unusableIds).toMatchObject({ rows: 3, rejected: 1, excel: 3 });
  });

  it('does not merge orders whose order id Excel rounded, and says so per row', () => {
    const text = ['order_id,customer_id,order_date,amount', '1.23457E+11,C1,2025-01-02,10', '1.23457E+11,C2,2025-01-03,12'].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([2, 2, 0, 0]);
    expect(events).toHaveLength(2);
    expect(report.warnings.filter((warning) => warning.code === 'excel_number').map((warning) => warning.line)).toEqual([2, 3]);
  });

  it('reads amounts in scientific notation as numbers', () => {
    const { report, events } = run('customer_id,order_date,amount\nC1,2025-01-02,1.5E+03\nC2,2025-01-03,1e3\nC3,2025-01-04,2.5E-01\n', 'orders');
    expect(report.rejected).toBe(0);
    expect(events.map((event) => event.amount)).toEqual([1500, 1000, 0.25]);
  });
});

describe('customer ids pandas wrote as floats', () => {
  // UCI Online Retail II saved by pandas: "Customer ID" has empty cells, so the column is float and every id ends in ".0"
  const uci = ['Invoice,StockCode,Quantity,InvoiceDate,Price,Customer ID', '489434,85048,12,12/1/2009 7:45,6.95,13085.0', '489435,22350,12,12/1/2009 7:46,2.55,13085.0', '489436,48173C,10,12/1/2009 9:06,5.95,', '489437,22143,6,12/1/2009 9:08,2.1,15362.0'];

  it('reads "13085.0" as the id 13085 when every id of the column is written so, in the order file and in the customers file', () => {
    const { events } = run(uci.join('\n'), 'lines');
    expect([...new Set(events.map((event) => event.customerId))]).toEqual(['13085', '15362']);
    const { customers } = run('Customer ID,email\n13085.0,a@example.com\n15362.0,b@example.com\n', 'customers');
    expect(customers.map((customer) => customer.id)).toEqual(['13085', '15362']);
  });

  it('says so in the report: the column, how many ids (customers, not rows), and the first one as written and as read', () => {
    expect(run(uci.join('\n'), 'lines').report.floatIds).toEqual({ column: 'Customer ID', ids: 2, example: { written: '13085.0', read: '13085' } });
    const customers = run('Customer ID,email\n15362.00,b@example.com\n13085.0,a@example.com\n15362.0,b2@example.com\n', 'customers').report;
    expect(customers.floatIds).toEqual({ column: 'Customer ID', ids: 2, example: { written: '15362.00', read: '15362' } });
    expect(run('Customer ID,event_type,event_time\n13085.0,cart_add,2025-01-02T10:00:00Z\n', 'events').report.floatIds).toMatchObject({ ids: 1 });
    // nothing read differently: nothing to say
    expect(run('customer_id,order_date,amount\n2.0,2025-01-02,10\nA-17,2025-01-03,12\n', 'orders').report.floatIds).toEqual({ column: 'customer_id', ids: 0, example: null });
    expect(run('customer_id,order_date,amount\n13085,2025-01-02,10\n', 'orders').report.floatIds).toEqual({ column: 'customer_id', ids: 0, example: null });
  });

  it('keeps ids as written when the column is not all floats ("2.0" next to "A-17") or the decimals are not zero', () => {
    expect(run('customer_id,order_date,amount\n2.0,2025-01-02,10\nA-17,2025-01-03,12\n', 'orders').events.map((event) => event.customerId)).toEqual(['2.0', 'A-17']);
    expect(run('customer_id,order_date,amount\n13085.5,2025-01-02,10\n13085.0,2025-01-03,12\n', 'orders').events.map((event) => event.customerId)).toEqual(['13085.5', '13085.0']);
  });
});

describe('money keeps the precision of the source', () => {
  it('does not round amounts with 3 or 4 decimals to cents', () => {
    const { events } = run('customer_id,order_date,amount\nC1,2025-01-02,12.3456\nC1,2025-01-03,0.125\nC1,2025-01-04,-0.005\n', 'orders');
    expect(events.map((event) => event.amount)).toEqual([12.3456, 0.125, 0.005]);
  });

  it('sums order lines without float noise and without rounding to cents', () => {
    const { events } = run('order_id,customer_id,date,quantity,price\n1,C1,2025-01-02,3,0.1\n1,C1,2025-01-02,1,1.2345\n', 'lines');
    expect(events[0]!.amount).toBe(1.5345);
  });
});

describe('line endings and joined exports', () => {
  it('reads a stray bare CR in an LF file as a line break: 30 orders read as 30', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `C${i},2025-01-${String(i + 1).padStart(2, '0')},10`);
    const text = `customer_id,order_date,amount\n${rows.slice(0, 10).join('\n')}\r${rows.slice(10).join('\n')}\n`;
    const { report } = run(text, 'orders');
    expect(counts(report)).toEqual([30, 30, 0, 0]);
  });

  it('reads a file with CR-only line endings (old Mac exports)', () => {
    const { report, events } = run('customer_id;order_date;amount\rC1;2025-01-02;10\rC2;2025-01-03;12\r', 'orders');
    expect(counts(report)).toEqual([2, 2, 0, 0]);
    expect(events[1]!.customerId).toBe('C2');
  });

  it('skips a header repeated mid-file with a warning, not as a customer called "customer_id"', () => {
    const text = ['customer_id,order_date,amount', 'C1,2025-01-02,10', 'customer_id,order_date,amount', 'C2,2025-01-03,12', ' Customer_ID , order_date , amount '].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([2, 2, 0, 0]);
    expect(events.map((event) => event.customerId)).toEqual(['C1', 'C2']);
    expect(report.warnings.filter((warning) => warning.code === 'repeated_header').map((warning) => warning.line)).toEqual([3, 5]);
  });

  it('skips a repeated pandas to_csv header whose index column has no name', () => {
    const text = [',customer_id,order_date,amount', '0,C1,2025-01-02,10', ',customer_id,order_date,amount', '0,C2,2025-01-03,12'].join('\n');
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([2, 2, 0, 0]);
    expect(events.map((event) => event.customerId)).toEqual(['C1', 'C2']);
    expect(report.warnings.filter((warning) => warning.code === 'repeated_header').map((warning) => warning.line)).toEqual([3]);
  });
});

describe('dates far outside the data', () => {
  const text = ['customer_id,order_date,amount', 'C1,2024-03-01,10', 'C2,2099-01-01,12', 'C3,9999-12-31,5', 'C4,1900-01-01,7', 'C5,0001-01-01,9', 'C6,0000-01-01,9'].join('\n');

  it('keeps dates beyond tomorrow or before 1970 with a warning, and rejects years 0000 and 0001', () => {
    const { report, events } = run(text, 'orders');
    expect(counts(report)).toEqual([6, 4, 0, 2]);
    expect(events.map((event) => event.customerId)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(report.warnings.map((warning) => [warning.line, warning.code])).toEqual([
      [3, 'future_date'],
      [4, 'future_date'],
      [5, 'early_date'],
    ]);
    expect(report.rejects.map((reject) => [reject.line, reject.params.problem])).toEqual([
      [6, 'placeholder_year'],
      [7, 'placeholder_year'],
    ]);
    expect(report.rejects[0]!.reason).toBe('order_date: "0001-01-01" has year 1: a placeholder for a missing date, not a real one');
    expect(report.farDates).toEqual({ rows: 3, rejected: 0, earliest: '1900-01-01', latest: '9999-12-31' });
    expect(report.detected.plausibleDates).toBe('1970-01-01 … 2026-05-03');
  });

  it('rejects them when asked to, inside the window the user sets', () => {
    const { report, events } = run(text, 'orders', { farDates: 'reject', plausibleDates: { from: '1900-01-01' } });
    expect(counts(report)).toEqual([6, 2, 0, 4]);
    expect(events.map((event) => event.customerId)).toEqual(['C1', 'C4']);
    expect(report.rejects[0]).toMatchObject({ line: 3, code: 'implausible_date', reason: 'order_date: 2099-01-01 is outside the plausible dates 1900-01-01 … 2026-05-03' });
    expect(report.farDates).toMatchObject({ rows: 2, rejected: 2 });
  });

  it('names the dates as the file has them, in the zone they were read in', () => {
    const { report } = run(text, 'orders', { timeZone: 'Europe/Moscow' });
    expect(report.farDates).toEqual({ rows: 3, rejected: 0, earliest: '1900-01-01', latest: '9999-12-31' });
    expect(report.warnings[0]).toMatchObject({ line: 3, code: 'future_date', params: { date: '2099-01-01' } });
  });
});

describe('hostile values', () => {
  it('quotes at most ~200 characters of a value in a reason, and keeps the whole row for the rejects file', () => {
    const huge = 'x'.repeat(5_000_000);
    const { report, rejectedRows } = run(`customer_id,order_date,amount\nC1,2025-01-02,10\nC1,2025-01-03,${huge}\nC2,2025-01-04,12\n`, 'orders');
    expect(report.rejects[0]).toMatchObject({ line: 3, code: 'not_number' });
    expect(report.rejects[0]!.reason.length).toBeLessThan(300);
    expect(report.rejects[0]!.reason).toContain('… (5,000,000 characters)');
    expect(rejectedRows[0]!.fields[2]).toHaveLength(5_000_000);
  });

  it('quotes at most ~200 characters of a value when the whole file cannot be used', () => {
    expect(() => run(`customer_id,order_date,amount\nC1,2025-01-02,${'y'.repeat(1_000_000)}\n`, 'orders')).toThrow(/values like "y{200}… \(1,000,000 characters\)" do not read as one/);
  });

  it('drops a stray NUL with a warning, wherever it is in the file', () => {
    const { report, events } = run('customer_id,order_date,amount\nC\u00001,2025-01-02,10\nC2,2025-01-03,12\n', 'orders');
    expect(events.map((event) => event.customerId)).toEqual(['C1', 'C2']);
    expect(report.warnings).toMatchObject([{ line: 2, code: 'nul_dropped', message: '1 NUL character(s) were dropped from the row' }]);
  });
});
