import { describe, expect, it } from 'vitest';
import { detectLayout } from './sniff';

describe('detectLayout', () => {
  it.each([
    ['id,name,amount\n1,Anna,10.5\n2,Ivan,3\n', ','],
    ['id;name;amount\n1;Анна;10,5\n2;Иван;1 234,00\n', ';'],
    ['id\tname\tamount\n1\tAnna\t10,5\n', '\t'],
    ['id|name|amount\n1|Anna|10.5\n', '|'],
    ['id;comment;amount\n1;"a, b, c";10,5\n2;x;3,25\n', ';'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectLayout(text, true).dialect.delimiter).toBe(delimiter);
  });

  it("follows Excel's sep= line and starts the header after it", () => {
    const layout = detectLayout('sep=;\nid;amount\n1;10,5\n', true);
    expect(layout.dialect.delimiter).toBe(';');
    expect(layout.skipLines).toBe(1);
    expect(layout.columns).toEqual(['id', 'amount']);
    expect(layout.rows).toEqual([{ fields: ['1', '10,5'], line: 3 }]);
  });

  it('skips title lines of 1C and Excel reports before the header', () => {
    const text = 'Отчет о продажах за март 2025\nОрганизация: ООО "Ромашка"\n\nДата;Клиент;Сумма\n01.03.2025;Иванов;100\n02.03.2025;Петров;200\n';
    const layout = detectLayout(text, true);
    expect(layout.skipLines).toBe(3);
    expect(layout.columns).toEqual(['Дата', 'Клиент', 'Сумма']);
    expect(layout.rows[0]).toEqual({ fields: ['01.03.2025', 'Иванов', '100'], line: 5 });
  });

  it('tells a header from a first data row', () => {
    expect(detectLayout('customer_id,amount\nC1,10\n', true).hasHeader).toBe(true);
    expect(detectLayout('Колонка А;Колонка Б\nx;y\n', true).hasHeader).toBe(true);
    const headerless = detectLayout('C1,anna@mail.ru,2025-03-01,100\nC2,ivan@mail.ru,2025-03-02,200\n', true);
    expect(headerless.hasHeader).toBe(false);
    expect(headerless.columns).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
    expect(headerless.rows).toHaveLength(2);
  });

  it('reads a whitespace-separated purchase log without a header, but never splits a column of names', () => {
    const log = detectLayout('   00001  19970101  1   11.77\n   00002  19970112  1   12.00\n   00002  19970112  5   77.00\n', true);
    expect(log.dialect.delimiter).toBe(' ');
    expect(log.hasHeader).toBe(false);
    expect(log.rows[0]!.fields).toEqual(['00001', '19970101', '1', '11.77']);
    expect(detectLayout('Иван Петров\nАнна Смирнова\nJohn Smith\n', true).dialect.delimiter).toBe(',');
    expect(detectLayout('Иван Петров\nАнна Смирнова\nJohn Smith\n', true).columns).toHaveLength(1);
  });

  it('obeys the overrides', () => {
    const layout = detectLayout('a;b\n1;2\n', true, { delimiter: ',', hasHeader: false });
    expect(layout.dialect.delimiter).toBe(',');
    expect(layout.hasHeader).toBe(false);
    expect(layout.columns).toEqual(['column 1']);
  });

  it('names empty and repeated header cells uniquely', () => {
    expect(detectLayout('Дата;;Дата;Сумма\n01.01.2025;x;02.01.2025;5\n', true).columns).toEqual(['Дата', 'column 2', 'Дата (2)', 'Сумма']);
  });

  it('ignores the last, possibly cut, line of a sample that is not the whole file', () => {
    expect(detectLayout('id,amount\n1,10\n2,2', false).rows).toEqual([{ fields: ['1', '10'], line: 2 }]);
  });

  it('strips a byte-order mark the decoder left', () => {
    expect(detectLayout('\uFEFFid,amount\n1,2\n', true).columns).toEqual(['id', 'amount']);
  });
});
