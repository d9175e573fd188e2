import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { assignColumn, fieldOfColumn, fieldsFor, mappingForKind, missingGroups, progressFigures, rejectMessage, rejectedRowsCsv, warningMessage } from './importModel';
import { setupI18n } from '../../i18n/i18n';
import { DATE_PROBLEM_CODES, REJECT_CODES, WARNING_CODES } from '../../domain';
import { importTexts } from './texts';

/** A t() over the feature's English texts, enough to check the wording logic. */
const t = ((key: string, params: Record<string, unknown> = {}) => {
  const path = key.replace(/^import\./, '').split('.');
  const text = path.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], importTexts.en);
  if (typeof text !== 'string') return key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}) as unknown as TFunction;

describe('mapping edits', () => {
  it('give a field to one column only and free the column it had', () => {
    const mapping = { customerId: 0, ts: 1 };
    expect(assignColumn(mapping, 2, 'ts')).toEqual({ customerId: 0, ts: 2 });
    expect(assignColumn(mapping, 0, 'email')).toEqual({ ts: 1, email: 0 });
    expect(assignColumn(mapping, 1, undefined)).toEqual({ customerId: 0 });
    expect(fieldOfColumn({ customerId: 0, ts: 1 }, 1)).toBe('ts');
    expect(fieldOfColumn({ customerId: 0 }, 3)).toBeUndefined();
  });

  it('say what a kind still needs and drop fields it cannot hold', () => {
    expect(missingGroups('orders', { email: 0 })).toEqual([['ts'], ['amount']]);
    expect(missingGroups('lines', { phone: 0, ts: 1, lineAmount: 2 })).toEqual([]);
    expect(mappingForKind({ customerId: 0, type: 1, amount: 2 }, 'customers')).toEqual({ customerId: 0 });
    expect(fieldsFor('events').slice(0, 5)).toEqual(['customerId', 'email', 'phone', 'type', 'ts']);
  });
});

describe('messages in the user language', () => {
  it('word rejects and warnings from their codes, with date details', () => {
    expect(rejectMessage(t, { code: 'date', params: { column: 'Дата', problem: 'day', value: '32.03.2025', number: 32 }, reason: 'x' })).toBe('Дата: day 32 does not exist (“32.03.2025”)');
    expect(rejectMessage(t, { code: 'no_customer', params: { details: 'id is empty', columns: 'id' }, reason: 'x' })).toBe('No customer: id empty or not valid');
    expect(warningMessage(t, { code: 'extra_values', params: { count: 8, width: 6, names: '"column 7"' }, message: 'x' })).toBe('The row has 8 values, the header 6; the extra ones were kept as "column 7"');
    expect(warningMessage(t, { code: 'invalid_value', params: { column: 'Phone', value: '123', what: 'phone', keptAs: 'attribute' }, message: 'x' })).toBe('Phone: “123” is not a valid phone number; kept as attribute “Phone”');
    expect(warningMessage(t, { code: 'invalid_value', params: { column: 'DOB', value: '31.04.1990', what: 'date', keptAs: 'attribute', problem: 'day_of_month', number: 31, month: 4, year: 1990 }, message: 'x' })).toBe(
      'DOB: month 4 of 1990 has no day 31 (“31.04.1990”); kept as attribute “DOB”',
    );
  });

  it('word the title lines skipped before the header in the plural form of the language', async () => {
    const i18n = await setupI18n('en');
    const titleLines = (count: number) => ({ code: 'title_lines', params: { count }, message: 'x' }) as const;
    expect(warningMessage(i18n.getFixedT('en'), titleLines(1))).toBe('The line before the header was skipped (a title or a sep= line)');
    expect(warningMessage(i18n.getFixedT('en'), titleLines(3))).toBe('The 3 lines before the header were skipped (a title or a sep= line)');
    expect(warningMessage(i18n.getFixedT('ru'), titleLines(3))).toBe('Пропущены 3 строки перед заголовком (заголовок отчёта или строка sep=)');
    // Not "1 rows have a placeholder" / "в 1 строках".
    const placeholders = (rows: number, rejected: number) => ({ code: 'placeholder_ids', params: { column: 'Код клиента', rows, rejected, values: '"NA" × 1' }, message: 'x' }) as const;
    expect(warningMessage(i18n.getFixedT('en'), placeholders(1, 1))).toBe('Код клиента: 1 row has a placeholder instead of an id ("NA" × 1); rejected for having no e-mail or phone: 1');
    expect(warningMessage(i18n.getFixedT('en'), placeholders(2, 2))).toBe('Код клиента: 2 rows have a placeholder instead of an id ("NA" × 1); 2 without e-mail or phone were rejected');
    expect(warningMessage(i18n.getFixedT('ru'), placeholders(1, 0))).toBe('Код клиента: в 1 строке вместо id заглушка ("NA" × 1); отклонено без e-mail и телефона: 0');
    expect(warningMessage(i18n.getFixedT('ru'), placeholders(5, 5))).toBe('Код клиента: в 5 строках вместо id заглушка ("NA" × 1); 5 без e-mail и телефона отклонены');
    expect(warningMessage(i18n.getFixedT('ru'), titleLines(5))).toBe('Пропущено 5 строк перед заголовком (заголовок отчёта или строка sep=)');
  });
});

describe('every code the import can report', () => {
  it('has a text in both languages', () => {
    for (const texts of [importTexts.en, importTexts.ru]) {
      for (const code of REJECT_CODES) expect(texts.reject[code as keyof typeof texts.reject], code).toBeTruthy();
      // a warning worded by its count has plural keys (`title_lines_other`) instead of one
      const warnings: Record<string, string | undefined> = texts.warning;
      for (const code of WARNING_CODES) expect(warnings[code] ?? warnings[`${code}_other`], code).toBeTruthy();
      for (const code of DATE_PROBLEM_CODES) expect(texts.dateProblem[code], code).toBeTruthy();
    }
  });

  it('words what became of an Excel-rounded number, placeholders and far dates', () => {
    expect(warningMessage(t, { code: 'excel_number', params: { column: 'Order', value: '4.6E+15', action: 'orderId' }, message: 'x' })).toBe('Order “4.6E+15” was shortened by Excel (scientific notation): not used to tell orders apart');
    expect(rejectMessage(t, { code: 'placeholder_id', params: { column: 'CustomerID', value: 'NA' }, reason: 'x' })).toBe('No customer: CustomerID “NA” stands for a missing id, and the row has no e-mail or phone');
    expect(rejectMessage(t, { code: 'order_conflict', params: { column: 'order_id', orderId: '17', firstLine: 3, firstCustomer: 'C1', thisCustomer: 'C2', firstAmount: '10', thisAmount: '12' }, reason: 'x' })).toBe(
      'order_id 17 was read at line 3; this row differs: customer C1 → C2, amount 10 → 12',
    );
    expect(warningMessage(t, { code: 'future_date', params: { column: 'Date', date: '2099-01-01', to: '2026-05-03' }, message: 'x' })).toBe('Date: 2099-01-01 is in the future (after 2026-05-03) — kept, but left out of default dates');
  });
});

describe('rejectedRowsCsv', () => {
  it('writes line, reason and the values, with a BOM for Excel and formulas neutralised', () => {
    const csv = rejectedRowsCsv(['id', 'amount'], [{ line: 3, reason: 'bad', code: 'empty', params: {}, fields: ['=1+2', '5', 'extra'] }], (row) => row.reason);
    expect(csv).toBe('\uFEFFline,reason,id,amount,column 3\r\n3,bad,\'=1+2,5,extra\r\n');
  });
});

describe('progressFigures', () => {
  it('gives the share, rows per second and the seconds left', () => {
    expect(progressFigures(50_000, 200_000, 0, 2_000)).toEqual({ share: 0.25, rate: 25_000, secondsLeft: 6 });
    expect(progressFigures(0, 100, 0, 100)).toEqual({ share: 0, rate: 0, secondsLeft: null });
  });
});
