import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './cliErrors';
import { readEventColumnsFromFile, readRecordsFromFile, readTextFile } from './readRecords';

const FIXTURES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../domain/import/fixtures');
const work = mkdtempSync(join(tmpdir(), 'chainlab-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fixture(name: string): string {
  return join(FIXTURES, name);
}

function counts(report: { read: number; accepted: number; merged: number; rejected: number }) {
  return [report.read, report.accepted, report.merged, report.rejected];
}

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('readRecordsFromFile on real-looking exports', () => {
  it('reads a 1C sales report (Windows-1251, title lines, decimal commas) as orders without settings', async () => {
    const progress: number[] = [];
    const { report, events, customers } = await readRecordsFromFile(fixture('1c_sales_lines.csv'), { kind: 'lines', timeZone: 'Europe/Moscow' }, (done, total) => progress.push(done / total));
    expect(progress.at(-1)).toBe(1);
    expect(report.detected).toMatchObject({ encoding: 'windows-1251', delimiter: ';', hasHeader: true, dateFormat: 'DD.MM.YYYY HH:mm:ss', decimalMark: ',', skippedLines: 3 });
    expect(counts(report)).toEqual([6, 5, 0, 1]);
    expect(report.rejects).toMatchObject([{ line: 10, reason: 'Дата: day 32 does not exist in "32.03.2025 09:15:00"', column: 'Дата' }]);
    expect(events.map((e) => [e.customerId, e.type, e.amount, new Date(e.ts).toISOString()])).toEqual([
      ['00-000123', 'order', 7771, '2025-01-15T09:34:56.000Z'],
      ['00-000124', 'order', 12400, '2025-02-03T15:05:00.000Z'],
      ['00-000123', 'return', 890.5, '2025-02-20T07:00:00.000Z'],
      ['00-000200', 'order', 4500, '2025-03-31T06:15:00.000Z'],
    ]);
    expect(customers.map((c) => [c.id, c.firstName, c.lastName, c.phone, c.attrs.middle_name])).toEqual([
      ['00-000123', 'Иван', 'Иванов', '+79161234567', 'Иванович'],
      ['00-000124', 'Анна', 'Петрова', '+79035551234', 'Сергеевна'],
      ['00-000200', 'ООО "Вектор"', undefined, undefined, undefined],
    ]);
  });

  it('reads an Excel "Save as CSV" customer list in a Russian locale without settings', async () => {
    const { report, customers } = await readRecordsFromFile(fixture('excel_ru_customers.csv'), { kind: 'customers' });
    expect(report.detected).toMatchObject({ encoding: 'windows-1251', delimiter: ';', dateFormat: 'DD.MM.YYYY' });
    expect(counts(report)).toEqual([5, 4, 1, 0]);
    expect(report.merges).toEqual([{ line: 5, customerId: 'anna.petrova@mail.ru', by: 'email' }]);
    expect(customers[0]).toMatchObject({
      id: 'anna.petrova@mail.ru',
      email: 'anna.petrova@mail.ru',
      phone: '+79035551234',
      gender: 'female',
      birthDate: '1988-05-12',
      consents: { email: true, sms: false },
      attrs: { 'Сумма покупок': '12 345,50', Комментарий: 'Повтор' },
    });
    expect(customers[1]).toMatchObject({ id: 'ivanov@yandex.ru', consents: { email: true, sms: false } });
    expect(customers[2]).toMatchObject({ id: '+79031112233', attrs: { 'E-mail': 'olga.smirnova@gmail', Комментарий: 'Звонить после 18:00, "не" раньше' } });
    expect(report.warnings.map((w) => w.line)).toEqual([4, 6]);
  });

  it('reads a UTF-8 file with a BOM, a multi-line field and a broken quote', async () => {
    const { report, events } = await readRecordsFromFile(fixture('bom_events.csv'), { kind: 'events' });
    expect(report.detected).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', dateFormat: 'YYYY-MM-DD HH:mm:ss' });
    expect(counts(report)).toEqual([10, 7, 0, 3]);
    expect(report.rejects.map((r) => r.line)).toEqual([8, 9, 10]);
    expect(events.find((e) => e.type === 'product_view')!.props.Comment).toBe('Line one\nline two of a comment');
    expect(events.find((e) => e.type === 'order')).toMatchObject({ customerId: 'u-1', amount: 1299.9, props: { Comment: 'Paid with card, delivered "fast"' } });
    expect(events.at(-1)).toMatchObject({ customerId: 'u-1', type: 'page_view' });
  });

  it('reads the UCI Online Retail layout as order lines', async () => {
    const { report, events } = await readRecordsFromFile(fixture('uci_online_retail.csv'), { kind: 'lines' });
    expect(counts(report)).toEqual([12, 10, 0, 2]);
    expect(report.detected.dateFormat).toBe('MM/DD/YYYY HH:mm');
    expect(events.map((e) => [e.props.order_id, e.type, e.amount])).toEqual([
      ['536365', 'order', 57.64],
      ['536366', 'order', 11.1],
      ['536367', 'order', 66.68],
      ['C536379', 'return', 27.5],
      ['C536383', 'return', 4.65],
      ['536596', 'order', 5.95],
      ['536597', 'order', 25.2],
    ]);
    expect(events.at(-1)!.props.Country).toBe('France');
  });

  it('says which dates were ambiguous and lets a format settle them', async () => {
    const guessed = await readRecordsFromFile(fixture('orders_en_mdy_ambiguous.csv'), { kind: 'orders' });
    expect(guessed.report.detected).toMatchObject({ dateFormat: 'MM/DD/YYYY', dateAmbiguous: true });
    expect(new Date(guessed.events[0]!.ts).toISOString()).toBe('2025-03-04T00:00:00.000Z');
    const told = await readRecordsFromFile(fixture('orders_en_mdy_ambiguous.csv'), { kind: 'orders', dateFormat: 'DD/MM/YYYY' });
    expect(told.report.detected).toMatchObject({ dateFormat: 'DD/MM/YYYY', dateAmbiguous: false });
    expect(new Date(told.events[0]!.ts).toISOString()).toBe('2025-04-03T00:00:00.000Z');
    expect(counts(told.report)).toEqual([6, 4, 1, 1]);
  });

  it('follows a mapping file and reads phones as the customer reference', async () => {
    const mapping = join(work, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ kind: 'events', mapping: { phone: 'Телефон клиента', type: 2, channel: null } }));
    const { report, events } = await readRecordsFromFile(fixture('events_semicolon_ru.csv'), { kind: 'events', mappingFile: mapping });
    expect(report.mapping).toMatchObject({ phone: 'Телефон клиента', type: 'Событие' });
    expect(report.mapping.channel).toBeUndefined();
    expect(report.unmapped).toEqual(['Канал', 'Лишнее']);
    expect(events[0]).toMatchObject({ customerId: '+79161234567', type: 'email_open', props: { Канал: 'email' } });
  });
});

describe('readEventColumnsFromFile told of another file\'s customers', () => {
  const known = [
    { index: 0, id: 'A', email: 'a@example.com' },
    { index: 1, id: 'B', email: 'b@example.com' },
    { index: 2, id: 'C', email: 'c@example.com' },
  ];

  it('joins rows named by e-mail only to their ids', async () => {
    const path = join(work, 'events-by-email.csv');
    writeFileSync(path, 'email,event_type,event_time\nB@Example.com,cart_add,2025-03-03T18:30:00Z\n');
    const { customerIds, events } = await readEventColumnsFromFile(path, { kind: 'events' }, { knownCustomers: known });
    expect(customerIds[events.slot[0]!]).toBe('B');
  });

  it('does not carry them when the file has no e-mail or phone column to join by (a directory and an id per known customer, for nothing)', async () => {
    // 1M customers: 160–270 MB more peak RSS for `chainlab simulate --customers --orders --events` before
    const path = join(work, 'orders-by-id.csv');
    writeFileSync(path, 'customer_id,order_date,amount\nB,2025-03-04T12:00:00Z,2500\nD,2025-03-05T12:00:00Z,10\n');
    const { customerIds, events } = await readEventColumnsFromFile(path, { kind: 'orders' }, { knownCustomers: known });
    expect(customerIds).toEqual(['B', 'D']);
    expect([...events.slot.subarray(0, events.count)].map((slot) => customerIds[slot])).toEqual(['B', 'D']);
  });
});

describe('readRecordsFromFile on files it cannot use', () => {
  function write(name: string, content: string | Uint8Array): string {
    const path = join(work, name);
    writeFileSync(path, content);
    return path;
  }

  it('treats a missing file as a usage error (exit 2)', async () => {
    const error = await failure(readRecordsFromFile(join(work, 'nope.csv'), { kind: 'orders' }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`no such file: ${join(work, 'nope.csv')}`);
  });

  it.each([
    ['empty.csv', '', 'the file is empty'],
    ['blank.csv', '\n\n  \n', 'the file is empty'],
    ['header.csv', 'customer_id,order_date,amount\n', 'the file has a header but no data rows'],
    ['book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, ...new TextEncoder().encode('xl/workbook.xml')]), 'this is an Excel workbook (.xlsx), not a CSV file'],
    ['orders.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, ...new TextEncoder().encode('orders.csv')]), 'this is a ZIP archive, not a CSV file'],
    ['nocol.csv', 'name,city\nAnna,Moscow\n', 'no column for customer id or e-mail or phone; date/time; amount in an orders file'],
  ])('names the file and the reason for %s (exit 1)', async (name, content, reason) => {
    const path = write(name, content);
    const error = await failure(readRecordsFromFile(path, { kind: 'orders' }));
    expect(error.exitCode).toBe(1);
    expect(error.message.startsWith(`${path}: ${reason}`)).toBe(true);
  });

  it('says why a column named for a required field was not taken', async () => {
    const path = write('unfit.csv', 'customer_id,order_date,amount\nC1,2024-13-45,abc\nC2,soon,n/a\n');
    const error = await failure(readRecordsFromFile(path, { kind: 'orders' }));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('column "order_date" has the name of date/time, but values like "2024-13-45" do not read as one');
    expect(error.message).toContain('column "amount" has the name of amount, but values like "abc" do not read as one');
  });

  it('names the mapping file when it is wrong', async () => {
    const data = write('data.csv', 'a,b\n1,2\n');
    const bad = write('bad.json', '{ "customerId": ');
    expect((await failure(readRecordsFromFile(data, { kind: 'customers', mappingFile: bad }))).message).toMatch(/^.*bad\.json: not a JSON mapping file/);
    const unknown = write('unknown.json', JSON.stringify({ customerId: 'zzz' }));
    const error = await failure(readRecordsFromFile(data, { kind: 'customers', mappingFile: unknown }));
    expect(error.message).toBe(`${data}: mapping: column "zzz" for customerId is not in the file (columns: a, b)`);
  });

  it('treats an unknown encoding, date format or time zone as a usage error', async () => {
    const data = write('ok.csv', 'customer_id,order_date,amount\nC1,2025-01-01,5\n');
    for (const settings of [{ encoding: 'klingon' }, { dateFormat: 'someday' }, { timeZone: 'Mars/Olympus' }, { delimiter: ';;' }]) {
      expect((await failure(readRecordsFromFile(data, { kind: 'orders', ...settings }))).exitCode).toBe(2);
    }
  });
});

describe('readTextFile', () => {
  function readError(path: string): CliError {
    const error = (() => {
      try {
        readTextFile(path);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }

  it('reads the text of a file as UTF-8', () => {
    const path = join(work, 'chain.json');
    writeFileSync(path, '{"name":"Корзина"}');
    expect(readTextFile(path)).toBe('{"name":"Корзина"}');
  });

  it('says a missing file is a usage error (exit 2), and a file it cannot read a failure with the system code (exit 1)', () => {
    const missing = readError(join(work, 'absent.json'));
    expect([missing.exitCode, missing.message]).toEqual([2, `no such file: ${join(work, 'absent.json')}`]);
    const directory = readError(work);
    expect([directory.exitCode, directory.message]).toEqual([1, `${work}: cannot be read (EISDIR)`]);
  });
});
