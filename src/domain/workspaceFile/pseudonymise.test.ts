import { describe, expect, it } from 'vitest';
import { buildCustomerBlock } from '../columnar';
import { unknownConsents } from '../model';
import { createPseudonymiser, isPersonalColumn, pseudonymiseBatchRow, pseudonymiseCustomerBlock, pseudonymiseRunRow } from './pseudonymise';

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
