import { describe, expect, it } from 'vitest';
import { buildCustomerBlock, buildEventBlock, dictRecordAt } from '../columnar';
import { unknownConsents } from '../model';
import { createPseudonymiser, isPersonalColumn, pseudonymiseBatchRow, pseudonymiseCustomerBlock, pseudonymiseEventBlock, pseudonymiseRunRow } from './pseudonymise';

const key = [1, 2, 3, 4] as const;

describe('pseudonymising a workspace file', () => {
  it('gives one id the same pseudonym everywhere, different ids different ones, and another export other pseudonyms', () => {
    const one = createPseudonymiser(key);
    const ids = Array.from({ length: 5000 }, (_, i) => `+7916${String(i).padStart(7, '0')}`);
    const pseudonyms = ids.map((id) => one.pseudonymOf(id));
    expect(new Set(pseudonyms).size).toBe(ids.length);
    expect(ids.map((id) => one.pseudonymOf(id))).toEqual(pseudonyms);
    expect(pseudonyms.every((p) => /^p-[0-9a-f]{16}$/.test(p))).toBe(true);
    expect(createPseudonymiser([5, 6, 7, 8]).pseudonymOf(ids[0]!)).not.toBe(pseudonyms[0]);
  });

  it('removes names and replaces contacts by placeholders, so who is reachable stays as it was', () => {
    const block = buildCustomerBlock(
      [
        { id: 'anna@shop.ru', email: 'anna@shop.ru', phone: '+79161234567', firstName: 'Анна', lastName: 'Петрова', city: 'Москва', consents: { ...unknownConsents(), email: true }, attrs: { loyalty_level: 'gold', passport_no: '4510 123456', 'Контактное лицо': 'Иван' } },
        { id: '42', city: 'Казань', consents: unknownConsents(), attrs: {} },
      ],
      0,
    );
    const pseudonyms = createPseudonymiser(key);
    const result = pseudonymiseCustomerBlock(block, pseudonyms);
    const text = JSON.stringify(result, (_k, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v));
    for (const personal of ['anna', 'shop.ru', '79161234567', 'Анна', 'Петрова', '4510', 'Иван']) expect(text).not.toContain(personal);
    expect(result.id).toEqual([pseudonyms.pseudonymOf('anna@shop.ru'), pseudonyms.pseudonymOf('42')]);
    expect(result.text.email).toEqual([`${result.id[0]}@example.invalid`, '']);
    expect(result.text.phone[0]).toMatch(/^\+000\d{10}$/);
    expect(result.text.phone[1]).toBe('');
    expect(result.text.city).toEqual(['Москва', 'Казань']);
    expect(Object.keys(result.attrs)).toEqual(['loyalty_level']);
    expect(result.consents).toBe(block.consents);
    expect(block.id).toEqual(['anna@shop.ru', '42']);
  });

  it('removes personal event fields and replaces contacts written in the other fields, keeping the rest', () => {
    const block = buildEventBlock([
      { customer: 0, type: 0, ts: 1, amount: 990, props: { sku: 'A-1', recipient_email: 'anna@shop.ru', comment: 'anna@shop.ru', order_id: '89161234567' } },
      { customer: 1, type: 0, ts: 2, props: { sku: 'B-2', comment: '+7 916 123-45-67', 'Имя получателя': 'Анна' } },
      { customer: 1, type: 1, ts: 3, props: { sku: 'B-2', comment: 'call after 6 pm' } },
      { customer: 1, type: 1, ts: 4, props: { sku: 'B-2', comment: 'звонить +7 (916) 555-12-34 или писать ivan.p@mail.ru, код 2024-11-05' } },
    ]);
    const pseudonyms = createPseudonymiser(key);
    const result = pseudonymiseEventBlock(block, pseudonyms);
    const rows = [0, 1, 2, 3].map((row) => dictRecordAt(result.props, row));
    expect(rows[0]).toEqual({ sku: 'A-1', comment: `${pseudonyms.pseudonymOf('anna@shop.ru')}@example.invalid`, order_id: '89161234567' });
    expect(rows[1]!.comment).toMatch(/^\+000\d{10}$/);
    expect(rows[1]).not.toHaveProperty('Имя получателя');
    expect(rows[2]).toEqual({ sku: 'B-2', comment: 'call after 6 pm' });
    expect(rows[3]!.comment).toMatch(/^звонить \+000\d{10} или писать p-[0-9a-f]{16}@example\.invalid, код 2024-11-05$/);
    expect([...result.ts]).toEqual([...block.ts]);
    expect([...result.customer]).toEqual([...block.customer]);
    expect([...result.amount]).toEqual([...block.amount]);
    expect(dictRecordAt(block.props, 0).comment).toBe('anna@shop.ru');
  });

  it('tells personal columns by their name, in English and Russian', () => {
    for (const name of ['Email', 'e-mail', 'Телефон', 'full_name', 'ФИО', 'Адрес доставки', 'ИНН', 'inn']) expect(isPersonalColumn(name)).toBe(true);
    for (const name of ['loyalty_level', 'segment', 'winner', 'category', 'Канал']) expect(isPersonalColumn(name)).toBe(false);
  });

  it('pseudonymises the customers of a run trace and leaves import reports out', () => {
    const pseudonyms = createPseudonymiser(key);
    const run = pseudonymiseRunRow({ id: 'r', sums: { trace: [{ customerId: 'anna@shop.ru', nodeId: 'n' }], customers: 1 } }, pseudonyms);
    expect(run).toEqual({ id: 'r', sums: { trace: [{ customerId: pseudonyms.pseudonymOf('anna@shop.ru'), nodeId: 'n' }], customers: 1 } });
    expect(pseudonymiseRunRow({ id: 'r', sums: null }, pseudonyms)).toEqual({ id: 'r', sums: null });
    expect(pseudonymiseBatchRow({ id: 'b', report: { rejected: ['anna;…'] } })).toEqual({ id: 'b' });
  });
});
