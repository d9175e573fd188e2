import { describe, expect, it } from 'vitest';
import { profileColumn } from './columnProfile';
import type { CsvKind } from '../model/importBatch';
import { guessKind, guessMapping, parseMappingFile, resolveMappingColumns } from './mapping';

function named(columns: string[], rows: string[][], kind: CsvKind): Record<string, string> {
  const profiles = columns.map((_, column) => profileColumn(rows.map((row) => row[column] ?? ''), false));
  const mapping = guessMapping(kind, columns, profiles);
  return Object.fromEntries(Object.entries(mapping).map(([field, column]) => [field, columns[column!]!]));
}

function kindOf(columns: string[], rows: string[][]): CsvKind {
  return guessKind(columns, columns.map((_, column) => profileColumn(rows.map((row) => row[column] ?? ''), false))).kind;
}

describe('guessMapping from header names', () => {
  it('maps a Russian customers export', () => {
    const columns = ['Код клиента', 'ФИО', 'Телефон', 'Электронная почта', 'Дата рождения', 'Город', 'Пол', 'Согласие на рассылку', 'Согласие на SMS', 'Бонусы'];
    const rows = [['001', 'Петрова Анна', '+7 903 555-12-34', 'anna@mail.ru', '12.05.1988', 'Москва', 'ж', 'да', 'нет', '120']];
    expect(named(columns, rows, 'customers')).toEqual({
      customerId: 'Код клиента',
      fullName: 'ФИО',
      phone: 'Телефон',
      email: 'Электронная почта',
      birthDate: 'Дата рождения',
      city: 'Город',
      gender: 'Пол',
      consentEmail: 'Согласие на рассылку',
      consentSms: 'Согласие на SMS',
    });
  });

  it('maps an English orders export', () => {
    const columns = ['Order ID', 'CustomerID', 'Created at', 'Total', 'Payment method', 'Store', 'Notes'];
    const rows = [['1001', 'C1', '2025-03-01 10:00', '1,299.00', 'card', 'Main', 'x']];
    expect(named(columns, rows, 'orders')).toEqual({ orderId: 'Order ID', customerId: 'CustomerID', ts: 'Created at', amount: 'Total', paymentMethod: 'Payment method', store: 'Store' });
  });

  it('maps a Shopify orders export: the buyer is the billing name, "Lineitem name" is a product', () => {
    const columns = ['Name', 'Email', 'Financial Status', 'Accepts Marketing', 'Currency', 'Subtotal', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Billing Name', 'Id'];
    const rows = [['#1001', 'anna@example.com', 'paid', 'yes', 'EUR', '30.00', '30.00', '2023-01-05 10:22:00 +0100', '1', 'Shirt', '20.00', 'SH-1', 'Anna Schmidt', '5012345676']];
    const mapping = named(columns, rows, 'orders');
    expect(mapping).toMatchObject({ email: 'Email', fullName: 'Billing Name', productName: 'Lineitem name', quantity: 'Lineitem quantity', sku: 'Lineitem sku', ts: 'Created at', amount: 'Total', orderId: 'Id' });
  });

  it('reads a line-item export\'s order "Subtotal" as an order figure, not as each line\'s amount', () => {
    const columns = ['Name', 'Email', 'Subtotal', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'];
    const rows = [['#1001', 'anna@example.com', '30.00', '2023-01-05 10:22:00 +0100', '1', 'Shirt', '20.00'], ['#1001', 'anna@example.com', '', '2023-01-05 10:22:00 +0100', '1', 'Socks', '10.00']];
    const mapping = named(columns, rows, 'lines');
    expect(mapping).toMatchObject({ quantity: 'Lineitem quantity', price: 'Lineitem price' });
    expect(mapping.lineAmount).toBeUndefined();
    const withoutPrice = named(['Email', 'Date', 'Quantity', 'Total'], [['a@b.ru', '2025-01-01', '2', '40']], 'lines');
    expect(withoutPrice.lineAmount).toBe('Total');
  });

  it('never takes a campaign, product or company name for a person', () => {
    const columns = ['Email', 'Event', 'Timestamp', 'Campaign name', 'Company name', 'Название товара'];
    const rows = [['a@b.ru', 'email_open', '2025-03-01 10:00', 'Spring sale', 'ООО Ромашка', 'Чайник']];
    const mapping = named(columns, rows, 'events');
    expect(mapping.fullName).toBeUndefined();
    expect(mapping.firstName).toBeUndefined();
    expect(mapping.productName).toBe('Название товара');
  });

  it('maps the UCI Online Retail columns as order lines', () => {
    const columns = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    const rows = [['536365', '85123A', 'WHITE HANGING HEART', '6', '12/1/2010 8:26', '2.55', '17850', 'United Kingdom']];
    expect(named(columns, rows, 'lines')).toEqual({
      orderId: 'InvoiceNo', sku: 'StockCode', productName: 'Description', quantity: 'Quantity', ts: 'InvoiceDate', price: 'UnitPrice', customerId: 'CustomerID',
    });
  });

  it('maps a 1C sales report, telling a customer name from a customer code by the values', () => {
    const columns = ['Документ', 'Дата', 'Контрагент', 'Код контрагента', 'Номенклатура', 'Количество', 'Цена', 'Сумма'];
    const rows = [['Реализация 00000001', '15.01.2025 12:34:56', 'Иванов Иван Иванович', '00-000123', 'Куртка', '1', '5 990,00', '5 990,00']];
    expect(named(columns, rows, 'lines')).toEqual({
      orderId: 'Документ', ts: 'Дата', fullName: 'Контрагент', customerId: 'Код контрагента', productName: 'Номенклатура', quantity: 'Количество', price: 'Цена', lineAmount: 'Сумма',
    });
  });

  it('takes Olist\'s customer_unique_id for the customer, not its customer_id (a new key on every order)', () => {
    const columns = ['order_id', 'customer_id', 'customer_unique_id', 'order_purchase_timestamp', 'payment_value'];
    const rows = [
      ['e481f51cbdc54678b7cc49136f2d6af7', '9ef432eb6251297304e76186b10a928d', '7c396fd4830fd04220f754e42b4e5bff', '2017-10-02 10:56:33', '38.71'],
      ['53cdb2fc8bc7dce0b6741e2150273451', 'b0830fb4747a6c6d20dea0b8c802d7ef', '7c396fd4830fd04220f754e42b4e5bff', '2018-07-24 20:41:37', '141.46'],
    ];
    expect(named(columns, rows, 'orders')).toEqual({ orderId: 'order_id', customerId: 'customer_unique_id', ts: 'order_purchase_timestamp', amount: 'payment_value' });
    expect(named(['customer_unique_id', 'customer_id', 'order_purchase_timestamp', 'payment_value'], rows.map((row) => [row[2]!, row[1]!, row[3]!, row[4]!]), 'orders').customerId).toBe('customer_unique_id');
    expect(named(['customer_id', 'order_purchase_timestamp', 'payment_value'], rows.map((row) => [row[1]!, row[3]!, row[4]!]), 'orders').customerId).toBe('customer_id');
  });

  it('reads "Согласие SMS" (a 1C/CRM export) as the SMS consent', () => {
    const columns = ['Код клиента', 'E-mail', 'Согласие на рассылку', 'Согласие SMS'];
    const rows = [['000001', 'ivan@example.ru', 'да', 'Y']];
    expect(named(columns, rows, 'customers')).toMatchObject({ consentEmail: 'Согласие на рассылку', consentSms: 'Согласие SMS' });
  });

  it('maps the R rfm package sample even though its customer ids are names', () => {
    const columns = ['customer_id', 'order_date', 'revenue'];
    const rows = [['Brion Stark', '2004-12-20', '32'], ['Ethyl Botsford', '2005-05-02', '36']];
    expect(named(columns, rows, 'orders')).toEqual({ customerId: 'customer_id', ts: 'order_date', amount: 'revenue' });
  });
});

describe('guessMapping from values', () => {
  it('finds e-mails, phones, event types and times in unnamed columns', () => {
    const columns = ['column 1', 'column 2', 'column 3', 'column 4'];
    const rows = [
      ['anna@mail.ru', '8 916 123 45 67', 'page_view', '2025-03-01 10:00'],
      ['ivan@mail.ru', '+7 903 555 12 34', 'order', '2025-03-02 11:00'],
    ];
    expect(named(columns, rows, 'events')).toEqual({ email: 'column 1', phone: 'column 2', type: 'column 3', ts: 'column 4' });
  });

  it('keeps a column named exactly for a field when only some of its values are bad (they are rejected row by row)', () => {
    const columns = ['order_id', 'customer_id', 'date', 'amount'];
    const rows = [['1', 'c1', '2024-01-01', '100'], ['2', 'c2', '2024-01-02', ''], ['3', 'c3', '2024-01-03', 'abc']];
    expect(named(columns, rows, 'orders')).toEqual({ orderId: 'order_id', customerId: 'customer_id', ts: 'date', amount: 'amount' });
  });

  it('maps a purchase log without a header by its values: customer, date, amount', () => {
    const columns = ['column 1', 'column 2', 'column 3', 'column 4'];
    const rows = [['00001', '19970101', '1', '11.77'], ['00002', '19970112', '1', '12.00'], ['00002', '19970112', '5', '77.00'], ['00003', '19970102', '2', '20.76']];
    expect(named(columns, rows, 'orders')).toMatchObject({ customerId: 'column 1', ts: 'column 2', amount: 'column 4' });
  });

  it('does not map a column whose values contradict its header', () => {
    const columns = ['Email', 'Date', 'customer_id'];
    const rows = [['yes', 'soon', 'C1'], ['no', 'later', 'C2']];
    expect(named(columns, rows, 'customers')).toEqual({ customerId: 'customer_id' });
  });
});

describe('guessKind', () => {
  it('tells the four kinds apart', () => {
    expect(kindOf(['customer_id', 'event_type', 'event_time'], [['C1', 'page_view', '2025-03-01T10:00:00Z']])).toBe('events');
    expect(kindOf(['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'], [['1', 'A', '2', '12/1/2010 8:26', '2.5', '17850']])).toBe('lines');
    expect(kindOf(['order_id', 'customer_id', 'order_date', 'amount'], [['O1', 'C1', '2025-03-01', '100']])).toBe('orders');
    expect(kindOf(['customer_id', 'email', 'city'], [['C1', 'a@b.ru', 'Москва']])).toBe('customers');
  });

  it('is confident about customers only when a column is named or looks like an id, e-mail or phone', () => {
    const guess = (columns: string[], rows: string[][]) => guessKind(columns, columns.map((_, column) => profileColumn(rows.map((row) => row[column] ?? ''), false)));
    expect(guess(['customer_id', 'city'], [['C1', 'Москва']])).toEqual({ kind: 'customers', isConfident: true });
    expect(guess(['Имя', 'Контакт'], [['Анна', 'anna@mail.ru'], ['Иван', 'ivan@mail.ru']])).toEqual({ kind: 'customers', isConfident: true });
    // prose: a "header" of words and rows of words
    const prose = [['the quick brown fox', 'jumps over'], ['lorem ipsum dolor', 'sit amet'], ['and so on', 'and so forth']];
    expect(guess(['It was a dark', 'stormy night'], prose)).toEqual({ kind: 'customers', isConfident: false });
  });
});

describe('mapping files', () => {
  it('accept the short and the full form and name columns by text or position', () => {
    const columns = ['Код клиента', 'Дата', 'Сумма'];
    expect(resolveMappingColumns(parseMappingFile({ customerId: 'Код клиента', ts: 2, amount: null }), columns)).toEqual({ customerId: 0, ts: 1, amount: -1 });
    const full = parseMappingFile({ format: 'chainlab.mapping', version: 1, kind: 'orders', mapping: { amount: 'сумма' }, delimiter: ';', dateFormat: 'DD.MM.YYYY' });
    expect(full).toMatchObject({ kind: 'orders', delimiter: ';', dateFormat: 'DD.MM.YYYY' });
    expect(resolveMappingColumns(full, columns)).toEqual({ amount: 2 });
  });

  it('say what is wrong and where', () => {
    expect(() => parseMappingFile({ customerId: 'x', birthday: 'y' })).toThrow('mapping: "birthday" is not a field ChainLab knows');
    expect(() => parseMappingFile({ customerId: 5.5 })).toThrow(/^customerId: /);
    // a JSON value that is not an object at all: said in words, not in the schema library's terms
    expect(() => parseMappingFile([{ customerId: 'x' }])).toThrow('a mapping file is a JSON object of fields and their columns, e.g. {"customerId": "Код клиента", "ts": "Дата"}; this one is an array');
    expect(() => parseMappingFile('customerId')).toThrow(/; this one is a string$/);
    expect(() => parseMappingFile(null)).toThrow(/; this one is null$/);
    expect(() => parseMappingFile({ kind: 'clients', mapping: {} })).toThrow(/^kind: /);
    expect(() => parseMappingFile([1, 2])).toThrow(/^a mapping file is a JSON object .*; this one is an array$/);
    expect(() => resolveMappingColumns(parseMappingFile({ ts: 'Дата заказа' }), ['Дата', 'Сумма'])).toThrow('mapping: column "Дата заказа" for ts is not in the file (columns: Дата, Сумма)');
    expect(() => resolveMappingColumns(parseMappingFile({ ts: 7 }), ['Дата', 'Сумма'])).toThrow('mapping: column 7 for ts is not in the file');
  });
});

describe('mapping files naming one column twice', () => {
  it('are refused', () => {
    expect(() => resolveMappingColumns(parseMappingFile({ phone: 1, type: 'Телефон' }), ['Телефон', 'Событие'])).toThrow('mapping: column "Телефон" is named for both phone and type');
  });
});
