import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../csv/csvWrite';
import { PlainLineSplitter, splitPlainLine } from './csvFields';
import { CsvRecordReader, WHITESPACE_DELIMITER, readAllRecords, type CsvDialect } from './csvRecords';

const COMMA: CsvDialect = { delimiter: ',', quote: '"' };

function fieldsOf(text: string, dialect = COMMA, expectedFields = 0) {
  return readAllRecords(text, dialect, { expectedFields }).map((record) => [record.line, record.fields, record.problem ?? null]);
}

describe('CsvRecordReader', () => {
  it('splits plain lines, CRLF and a last line without a terminator', () => {
    expect(fieldsOf('a,b\r\n1,2\r\n3,4')).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', '2'], null],
      [3, ['3', '4'], null],
    ]);
  });

  it('reads whitespace-separated lines: runs of spaces are one delimiter, edges separate nothing', () => {
    const spaces: CsvDialect = { delimiter: ' ', quote: '"' };
    expect(fieldsOf('   00001  19970101  1   11.77  \n00002 19970112 5 77.00\n\n  "New  York"   2 \n', spaces)).toEqual([
      [1, ['00001', '19970101', '1', '11.77'], null],
      [2, ['00002', '19970112', '5', '77.00'], null],
      [3, [''], null],
      [4, ['New  York', '2'], null],
    ]);
  });

  it('reads old Mac files that end lines with a bare CR', () => {
    expect(fieldsOf('a;b\r1;2\r', { delimiter: ';', quote: '"' })).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', '2'], null],
    ]);
  });

  it('unquotes fields, keeps delimiters and doubled quotes inside, and allows spaces around quotes', () => {
    expect(fieldsOf('1,"Москва, ТЦ ""Аура""",x\n2, "b" ,y\n')).toEqual([
      [1, ['1', 'Москва, ТЦ "Аура"', 'x'], null],
      [2, ['2', 'b', 'y'], null],
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fieldsOf('1,12" pizza,2\n')).toEqual([[1, ['1', '12" pizza', '2'], null]]);
  });

  it('gives multi-line records the physical line they start on and counts the lines after them right', () => {
    const text = 'id,comment,n\n1,"line one\nline two\r\nline three",x\n2,plain,y\n3,"a\n\nb",z\n4,end,w\n';
    expect(fieldsOf(text)).toEqual([
      [1, ['id', 'comment', 'n'], null],
      [2, ['1', 'line one\nline two\nline three', 'x'], null],
      [5, ['2', 'plain', 'y'], null],
      [6, ['3', 'a\n\nb', 'z'], null],
      [9, ['4', 'end', 'w'], null],
    ]);
  });

  it('does not let a broken quote swallow the rows after it', () => {
    const text = 'id,comment,n\n1,"broken,x\n2,fine,y\n3,"ok",z\n';
    expect(fieldsOf(text, COMMA, 3)).toEqual([
      [1, ['id', 'comment', 'n'], null],
      [2, ['1', '"broken', 'x'], 'unterminated_quote'],
      [3, ['2', 'fine', 'y'], null],
      [4, ['3', 'ok', 'z'], null],
    ]);
  });

  it('recovers from a broken quote on the last line and from one that runs to the end of the file', () => {
    expect(fieldsOf('a,b\n1,"x', COMMA, 2)).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', '"x'], 'unterminated_quote'],
    ]);
    const tail = Array.from({ length: 30 }, (_, i) => `${i},plain`).join('\n');
    const records = readAllRecords(`a,b\n9,"open\n${tail}\n`, COMMA, { expectedFields: 2 });
    expect(records[1]).toMatchObject({ line: 2, problem: 'unterminated_quote' });
    expect(records).toHaveLength(32);
    expect(records.at(-1)).toMatchObject({ line: 32, fields: ['29', 'plain'] });
  });

  it('refuses a join of lines that makes more fields than the header has', () => {
    const records = readAllRecords('a,b\n1,"x\n2,y",3,4,5\n', COMMA, { expectedFields: 2 });
    expect(records[1]).toMatchObject({ line: 2, problem: 'unterminated_quote' });
    expect(records[2]).toMatchObject({ line: 3 });
  });

  it('keeps text after a closing quote as written and says so', () => {
    expect(fieldsOf('1,"Big" sale,2\n')).toEqual([[1, ['1', '"Big" sale', '2'], 'malformed_quote']]);
  });

  it('ends a line at a stray bare CR inside an LF file, and at CR, LF or CRLF in any mix', () => {
    expect(fieldsOf('a,b\n1,x\r2,y\n3,z\r\n4,w\r5,v')).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', 'x'], null],
      [3, ['2', 'y'], null],
      [4, ['3', 'z'], null],
      [5, ['4', 'w'], null],
      [6, ['5', 'v'], null],
    ]);
  });

  it('keeps line breaks inside quotes as LF and counts every kind of break as a physical line', () => {
    expect(fieldsOf('1,"a\rb\r\nc",x\n2,y,z\n')).toEqual([
      [1, ['1', 'a\nb\nc', 'x'], null],
      [4, ['2', 'y', 'z'], null],
    ]);
  });

  it('reads a CRLF cut between two chunks as one line break', () => {
    const records: [number, string[]][] = [];
    const reader = new CsvRecordReader(COMMA, (fields, line) => records.push([line, fields]));
    reader.push('a,b\r');
    reader.push('\n1,2\r');
    reader.push('\n3,4');
    reader.end();
    expect(records).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('bounds a record by size, not lines: a comment of 1,000 lines is one record', () => {
    const comment = Array.from({ length: 1_000 }, (_, i) => `line ${i}`).join('\n');
    const records = readAllRecords(`id,comment\n1,"${comment}"\n2,next\n`, COMMA, { expectedFields: 2 });
    expect(records.map((record) => [record.line, record.fields[0], record.problem ?? null])).toEqual([
      [1, 'id', null],
      [2, '1', null],
      [1_002, '2', null],
    ]);
    expect(records[1]!.fields[1]).toBe(comment);
    expect(records[1]!.lineCount).toBe(1_000);
  });

  it('does not join lines past maxRecordChars: the opening line alone is broken and reading goes on', () => {
    const text = `id,comment\n1,"${'x'.repeat(50)}\n${'y'.repeat(50)}",z\n2,next\n`;
    const records = readAllRecords(text, COMMA, { expectedFields: 3, maxRecordChars: 60 });
    expect(records.map((record) => [record.line, record.problem ?? null])).toEqual([
      [1, null],
      [2, 'unterminated_quote'],
      [3, null],
      [4, null],
    ]);
  });

  it('cuts a line longer than maxLineChars, skips the rest of it, and reads on', () => {
    const records: { line: number; fields: string[]; problem?: string }[] = [];
    const reader = new CsvRecordReader(COMMA, (fields, line, _lines, problem) => records.push({ line, fields, problem }), { maxLineChars: 1_000, maxRecordChars: 100 });
    reader.push('a,b\n1,');
    for (let i = 0; i < 30; i++) reader.push('z'.repeat(100));
    reader.push('\r');
    reader.push('\n2,ok\n');
    reader.end();
    expect(records.map((record) => [record.line, record.problem ?? null])).toEqual([
      [1, null],
      [2, 'oversized'],
      [3, null],
    ]);
    expect(records[1]!.fields[0]).toBe('1');
    expect(records[2]!.fields).toEqual(['2', 'ok']);
  });

  it('reads a line of millions of characters pushed in small chunks whole, in time linear in its length', () => {
    // Each chunk of the line is added to it without searching the line again: searched on every
    // push, this line (40,000 pushes of 100 characters) would take minutes, not milliseconds.
    const records: string[][] = [];
    const reader = new CsvRecordReader(COMMA, (fields) => records.push(fields));
    reader.push('a,b\n1,');
    for (let i = 0; i < 40_000; i++) reader.push('Ж'.repeat(100));
    reader.push('\r');
    reader.push('\n2,ok');
    reader.end();
    expect(records.map((fields) => fields.map((field) => field.length))).toEqual([
      [1, 1],
      [1, 4_000_000],
      [1, 2],
    ]);
    expect(records[1]![1]!.replaceAll('Ж', '')).toBe('');
  });

  it('still ends a record held open by a quote when a chunk without line breaks comes after it', () => {
    const text = 'a,b\n1,"two\nlines"\n2,"open\n3,x' + 'y'.repeat(50) + '\n4,z\n';
    const whole = readAllRecords(text, COMMA, { expectedFields: 2, maxRecordChars: 20 });
    const records: unknown[] = [];
    const reader = new CsvRecordReader(COMMA, (fields, line, lineCount, problem) => records.push({ fields, line, lineCount, problem }), { maxRecordChars: 20 });
    reader.expectedFields = 2;
    for (let i = 0; i < text.length; i += 3) reader.push(text.slice(i, i + 3));
    reader.end();
    expect(whole.map((record) => record.problem ?? null)).toEqual([null, null, 'unterminated_quote', null, null]);
    expect(records).toEqual(whole.map(({ fields, line, lineCount, problem }) => ({ fields, line, lineCount, problem })));
  });

  it('drops NUL characters from values and says how many there were', () => {
    const records = readAllRecords('a,b\n1,x\0y\n"2\0",z\n3,w\n', COMMA);
    expect(records.map((record) => [record.fields, record.droppedNuls ?? 0])).toEqual([
      [['a', 'b'], 0],
      [['1', 'xy'], 1],
      [['2', 'z'], 1],
      [['3', 'w'], 0],
    ]);
  });

  it('reads a file where every line opens a quote that never closes in linear time, each line broken alone', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i},"open`);
    const records = readAllRecords(`a,b\n${lines.join('\n')}\n`, COMMA, { expectedFields: 2 });
    expect(records).toHaveLength(20_001);
    expect(records.every((record, i) => i === 0 || record.problem === 'unterminated_quote')).toBe(true);
  });

  it('reads tab- and pipe-separated text', () => {
    expect(fieldsOf('a\tb\n"x\ty"\tz\n', { delimiter: '\t', quote: '"' })).toEqual([
      [1, ['a', 'b'], null],
      [2, ['x\ty', 'z'], null],
    ]);
    expect(fieldsOf('a|b\n1|2\n', { delimiter: '|', quote: '"' })).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', '2'], null],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const text = 'id,comment,n\r\n1,"multi\r\nline, ""quoted""",x\r\n2,"broken,y\r\n3,fine,z\r\n4,"last"';
    const whole = readAllRecords(text, COMMA, { expectedFields: 3 });
    for (let size = 1; size <= text.length; size++) {
      const records: unknown[] = [];
      const reader = new CsvRecordReader(COMMA, (fields, line, lineCount, problem) => records.push({ fields, line, lineCount, problem, problemField: undefined }));
      reader.expectedFields = 3;
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      reader.end();
      expect(records.map((r) => JSON.stringify(r)), `chunks of ${size}`).toEqual(whole.map((r) => JSON.stringify({ ...r, problemField: undefined, problem: r.problem })));
    }
  });
});

describe('CsvRecordReader with random files', () => {
  const field = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', ' padded ', '', 'Москва', '1 234,50', '"', 'x\r\ny'),
  );
  const row = fc.array(field, { minLength: 3, maxLength: 3 });

  it('reads back every row written with RFC 4180 quoting, with its physical line, in any chunking and line ending', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom('\n', '\r\n', '\r'), (rows, chunk, newline) => {
        const lines = rows.map((values) => csvLine(values));
        const text = lines.join(newline) + newline;
        const records: { fields: string[]; line: number }[] = [];
        const reader = new CsvRecordReader(COMMA, (fields, line) => records.push({ fields, line }));
        reader.expectedFields = 3;
        for (let i = 0; i < text.length; i += chunk) reader.push(text.slice(i, i + chunk));
        reader.end();
        let line = 1;
        const expected = rows.map((values, i) => {
          const record = { fields: values.map((value) => value.replace(/\r\n/g, '\n')), line };
          line += lines[i]!.split(/\r\n|\r|\n/).length;
          return record;
        });
        expect(records).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('quote-free lines cut straight out of the text', () => {
  const delimiters = [',', ';', '\t', '|', '||', 'ab', WHITESPACE_DELIMITER];

  it('PlainLineSplitter gives the fields of splitPlainLine on the line, for lines asked in order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '\t', '|', ' ', 'Ж', '😀', '1'), maxLength: 80 }),
        fc.constantFrom(...delimiters),
        fc.array(fc.nat({ max: 80 }), { maxLength: 12 }),
        (text, delimiter, cuts) => {
          const bounds = [...new Set([0, ...cuts.map((cut) => Math.min(cut, text.length)), text.length])].sort((a, b) => a - b);
          const splitter = new PlainLineSplitter(text, delimiter);
          // consecutive ranges, some skipped (a quoted record in between) and some with a gap (the line break)
          for (let i = 0; i + 1 < bounds.length; i += 1 + (bounds[i]! % 2)) {
            const start = bounds[i]!;
            const end = bounds[i + 1]!;
            expect(splitter.fields(start, end), `${JSON.stringify(text)} [${start}, ${end})`).toEqual(splitPlainLine(text.slice(start, end), delimiter));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a quote-free file reads as its lines split at the delimiter, in any chunking, line ending and delimiter', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'Ж', '1', '.', ' ', ';', ',', '|', '\t', '\0'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|', '||'),
        fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (delimiter, rows, chunk, newline) => {
          const text = rows.map((values) => values.join(delimiter)).join(newline) + newline;
          const records: string[][] = [];
          const reader = new CsvRecordReader({ delimiter, quote: '"' }, (fields) => records.push(fields));
          for (let i = 0; i < text.length; i += chunk) reader.push(text.slice(i, i + chunk));
          reader.end();
          // NULs are dropped from the fields once split (as before this reader cut lines itself)
          const expected = text.slice(0, -newline.length).split(newline).map((line) => line.split(delimiter).map((field) => field.replaceAll('\0', '')));
          expect(records).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a one-column file (no delimiter anywhere) keeps each line whole', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `value ${i}`).join('\n');
    expect(fieldsOf(text).map(([, fields]) => fields)).toEqual(text.split('\n').map((line) => [line]));
  });
});
