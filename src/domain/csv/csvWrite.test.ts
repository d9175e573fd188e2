import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_LINE_END, csvField, csvLine, csvText } from './csvWrite';

describe('csvField', () => {
  it('leaves plain values unquoted and writes nothing for null and undefined', () => {
    expect(csvField('Москва')).toBe('Москва');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes delimiters, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Москва, ТЦ Авиапарк')).toBe('"Москва, ТЦ Авиапарк"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(csvField('a,b', { delimiter: ';' })).toBe('a,b');
  });

  it('neutralises formulas only when asked, and never plain numbers', () => {
    expect(csvField('=SUM(A1:A2)')).toBe('=SUM(A1:A2)');
    expect(csvField('=SUM(A1:A2)', { neutralizeFormulas: true })).toBe("'=SUM(A1:A2)");
    expect(csvField('+7 916', { neutralizeFormulas: true })).toBe("'+7 916");
    expect(csvField('@cmd', { neutralizeFormulas: true })).toBe("'@cmd");
    expect(csvField('-2+3+cmd|calc', { neutralizeFormulas: true })).toBe("'-2+3+cmd|calc");
    expect(csvField('\t=1', { neutralizeFormulas: true })).toBe("'\t=1");
    expect(csvField('=1,2', { neutralizeFormulas: true })).toBe(`"'=1,2"`);
    expect(csvField('-12.50', { neutralizeFormulas: true })).toBe('-12.50');
    expect(csvField(-12.5, { neutralizeFormulas: true })).toBe('-12.5');
    expect(csvField('Иван', { neutralizeFormulas: true })).toBe('Иван');
    // after leading blanks, and the full-width signs a spreadsheet also reads as formulas
    expect(csvField(' =HYPERLINK("http://x")', { neutralizeFormulas: true })).toBe(`"' =HYPERLINK(""http://x"")"`);
    expect(csvField('\u00a0 @cmd', { neutralizeFormulas: true })).toBe("'\u00a0 @cmd");
    expect(csvField('  +1+1', { neutralizeFormulas: true })).toBe("'  +1+1");
    expect(csvField('\uff1d1+1', { neutralizeFormulas: true })).toBe("'\uff1d1+1");
    expect(csvField(' -12.50 ', { neutralizeFormulas: true })).toBe(' -12.50 ');
    expect(csvField('Anna =1', { neutralizeFormulas: true })).toBe('Anna =1');
  });
});

describe('csvLine', () => {
  it('joins fields with the delimiter and no terminator', () => {
    expect(csvLine(['C1', 'Анна', null, 3990.5, 'a,b'])).toBe('C1,Анна,,3990.5,"a,b"');
    expect(csvLine(['x', 'y'], { delimiter: '\t' })).toBe('x\ty');
    expect(CSV_LINE_END).toBe('\n');
  });

  it('round-trips any text through a standard CSV parser', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((row) => csvLine(row)).join(CSV_LINE_END);
        const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: CSV_LINE_END, quoteChar: '"' });
        expect(parsed.data).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('csvText', () => {
  it('writes every row with a line end and neutralises formulas', () => {
    expect(csvText([['name', 'value'], ['=SUM(A1)', -12.5], ['a,b', null]])).toBe("name,value\n'=SUM(A1),-12.5\n\"a,b\",\n");
  });
});

describe('csvField formula neutralising', () => {
  // the rule as data-model.md states it, without csvField's shortcut for a letter or digit first
  const FORMULA = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
  const NUMBER = /^\s*[+-]?\d+(?:[.,]\d+)?\s*$/;

  it('neutralises exactly the text the rule names, whatever its first character (property)', () => {
    const piece = fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', '\u00a0', '\uff1d', 'a', 'Z', '0', '9', '.', ',', 'Ж', '\u0019', '\u0010', '"', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), (text) => {
        const isFormula = FORMULA.test(text) && !NUMBER.test(text);
        const written = csvField(text, { neutralizeFormulas: true });
        expect(written === `'${text}` || written === `"'${text.replace(/"/g, '""')}"`).toBe(isFormula);
      }),
      { numRuns: 3000 },
    );
  });
});
