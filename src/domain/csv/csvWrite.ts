/**
 * Writing CSV (RFC 4180): fields are quoted when they contain the delimiter, a double quote,
 * CR or LF; quotes inside are doubled. Lines are returned without their terminator; files use
 * `CSV_LINE_END` ("\n", which every importer and spreadsheet reads, unlike a bare "\r").
 *
 * `neutralizeFormulas` (data-model.md: exports neutralise spreadsheet formulas) prefixes text
 * that a spreadsheet would evaluate — starting with = + - @ (also after leading blanks, and their
 * full-width forms), tab or CR — with an apostrophe.
 * Numbers, and text that is just a number like "-12.50", are left alone: they are data, and
 * a spreadsheet reads them as numbers, not formulas.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  delimiter?: string;
  neutralizeFormulas?: boolean;
}

export const CSV_LINE_END = '\n';

// A spreadsheet skips leading spaces (and other blanks) before a formula sign: " =1+1" and
// "\u00a0@cmd" are formulas too. A leading tab or CR is neutralised whatever follows.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
const PLAIN_NUMBER = /^\s*[+-]?\d+(?:[.,]\d+)?\s*$/;
const NEEDS_QUOTES_COMMA = /[",\r\n]/;

export function csvField(value: CsvValue, options: CsvWriteOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (options.neutralizeFormulas && typeof value === 'string' && !startsWithLetterOrDigit(text) && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) {
    text = `'${text}`;
  }
  return needsQuotes(text, options.delimiter ?? ',') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An ASCII letter or digit first: no formula (the usual id or name; spares the regular expressions a quarter of a million times in `chainlab rfm --out`). */
function startsWithLetterOrDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function csvLine(values: readonly CsvValue[], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(values[i], options);
  }
  return line;
}

function needsQuotes(text: string, delimiter: string): boolean {
  if (delimiter === ',') return NEEDS_QUOTES_COMMA.test(text);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
}

/** A whole CSV text (header and rows), spreadsheet formulas neutralised, one line end after each row. */
export function csvText(rows: readonly (readonly CsvValue[])[], options: Omit<CsvWriteOptions, 'neutralizeFormulas'> = {}): string {
  let text = '';
  for (const row of rows) text += csvLine(row, { ...options, neutralizeFormulas: true }) + CSV_LINE_END;
  return text;
}
