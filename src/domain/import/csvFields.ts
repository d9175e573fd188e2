/**
 * Splitting one record's text into fields (used by `CsvRecordReader`). Quoting follows RFC 4180
 * leniently: a field that starts with the quote character (spaces before it allowed) runs to
 * the matching quote, "" inside is a quote; a quote inside an unquoted field is plain text;
 * text after a closing quote is kept as written (`MALFORMED`).
 */

/**
 * The delimiter of whitespace-separated files (the CDNOW purchase log, fixed-width exports): a
 * space means "any run of spaces", and spaces at the start and end of a line separate nothing.
 */
export const WHITESPACE_DELIMITER = ' ';

export const OK = 0;
export const OPEN = 1;
export const MALFORMED = 2;

/** Result of splitting one record's text; reused to avoid an object per record. */
export interface SplitState {
  status: number;
  /** field index of the open or malformed quote */
  problemField: number;
}

const LF = 10;
const CR = 13;
const SPACE = 32;

export function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/**
 * Appends the fields of `text` (one line, or several joined lines of one record) to `fields`.
 * Sets `state.status` to OK, OPEN (a quoted field runs past the end) or MALFORMED (text after a
 * closing quote; that field is kept as written, quotes included).
 */
export function splitRecord(text: string, delimiter: string, quote: string, fields: string[], state: SplitState): void {
  const n = text.length;
  const quoteCode = quote.charCodeAt(0);
  const isWhitespace = delimiter === WHITESPACE_DELIMITER;
  state.status = OK;
  state.problemField = -1;
  let i = 0;
  for (;;) {
    let start = i;
    while (start < n && text.charCodeAt(start) === SPACE) start++;
    if (isWhitespace) {
      if (start >= n) {
        if (fields.length === 0) fields.push('');
        return;
      }
      i = start;
    }
    if (start < n && text.charCodeAt(start) === quoteCode) {
      const next = quotedField(text, i, start, delimiter, quote, fields, state);
      if (next < 0) return;
      i = next;
      continue;
    }
    const end = text.indexOf(delimiter, i);
    if (end < 0) {
      fields.push(i === 0 ? text : text.slice(i));
      return;
    }
    fields.push(text.slice(i, end));
    i = end + delimiter.length;
  }
}

/** Reads the quoted field opening at `start`; returns where the next field starts, or -1 at the end of the record. */
function quotedField(text: string, fieldStart: number, start: number, delimiter: string, quote: string, fields: string[], state: SplitState): number {
  const n = text.length;
  const quoteCode = quote.charCodeAt(0);
  let value = '';
  let from = start + 1;
  let after: number;
  for (;;) {
    const close = text.indexOf(quote, from);
    if (close < 0) {
      state.status = OPEN;
      state.problemField = fields.length;
      return -1;
    }
    if (text.charCodeAt(close + 1) === quoteCode) {
      value += text.slice(from, close + 1);
      from = close + 2;
      continue;
    }
    value += text.slice(from, close);
    after = close + 1;
    break;
  }
  const closeEnd = after;
  while (after < n && text.charCodeAt(after) === SPACE) after++;
  if (after >= n) {
    fields.push(value);
    return -1;
  }
  if (delimiter === WHITESPACE_DELIMITER && after > closeEnd) {
    fields.push(value);
    return after;
  }
  if (text.startsWith(delimiter, after)) {
    fields.push(value);
    return after + delimiter.length;
  }
  // Text after the closing quote: keep the field exactly as written, up to the next delimiter.
  if (state.status === OK) {
    state.status = MALFORMED;
    state.problemField = fields.length;
  }
  const end = text.indexOf(delimiter, after);
  fields.push(text.slice(fieldStart, end < 0 ? n : end));
  return end < 0 ? -1 : end + delimiter.length;
}

/** The fields of a line without quotes (whitespace-separated: runs of spaces, edges ignored). */
export function splitPlainLine(line: string, delimiter: string): string[] {
  if (delimiter !== WHITESPACE_DELIMITER) return line.split(delimiter);
  const trimmed = line.trim();
  return trimmed === '' ? [''] : trimmed.split(/ +/);
}

/**
 * The fields of the quote-free lines of one text, cut straight out of it: the same fields as
 * `splitPlainLine(text.slice(start, end), delimiter)`, without making the line's string first
 * (a string per row less to copy and collect: ~0.1 s per million rows). Lines must be asked
 * for in order; the next delimiter is remembered, so a text with few or no delimiters (a
 * one-column file) is still searched once, not once per line.
 */
export class PlainLineSplitter {
  /** where the next delimiter at or after the last line asked for starts (text length: none) */
  private nextDelimiter = -1;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  fields(start: number, end: number): string[] {
    const { text, delimiter } = this;
    if (delimiter === WHITESPACE_DELIMITER || delimiter === '') return splitPlainLine(text.slice(start, end), delimiter);
    const fields: string[] = [];
    let fieldStart = start;
    for (;;) {
      if (this.nextDelimiter < fieldStart) this.nextDelimiter = indexOrLength(text, delimiter, fieldStart);
      const at = this.nextDelimiter;
      // a delimiter running past the line's end is not in the line
      if (at + delimiter.length > end) break;
      fields.push(text.slice(fieldStart, at));
      fieldStart = at + delimiter.length;
    }
    fields.push(text.slice(fieldStart, end));
    return fields;
  }
}

function indexOrLength(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * Where the record starting at `pos` ends when a quoted field in it runs past its first line:
 * the quotes are followed across line breaks (a quote char closes a field unless doubled) up to
 * `limit`. Returns the end of the record's last line (before its line break), or
 * `NEEDS_MORE` when the text stops first (and may go on), or `NO_END` when no record ends
 * before `limit` or the end of the text. `lastQuote` is the text's last quote character.
 */
export const NEEDS_MORE = -1;
export const NO_END = -2;

export function multiLineRecordEnd(text: string, pos: number, quote: string, delimiter: string, limit: number, isFinal: boolean, lastQuote: number): number {
  const quoteCode = quote.charCodeAt(0);
  const n = text.length;
  const stop = Math.min(n, limit);
  let i = pos;
  let isFieldStart = true;
  while (i < stop) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) return i;
    if (isFieldStart) {
      let start = i;
      while (start < stop && text.charCodeAt(start) === SPACE) start++;
      if (start < stop && text.charCodeAt(start) === quoteCode) {
        // No quote after this one: nothing closes it (without this, every broken line of a file would search to its end).
        const close = start >= lastQuote ? NEEDS_MORE : closingQuote(text, start + 1, quote, stop, isFinal);
        if (close < 0) return close === NEEDS_MORE && (isFinal || stop < n) ? NO_END : close;
        i = close + 1;
        isFieldStart = false;
        continue;
      }
      isFieldStart = false;
    }
    if (text.startsWith(delimiter, i)) {
      i += delimiter.length;
      isFieldStart = true;
      continue;
    }
    i++;
  }
  if (stop < n) return NO_END;
  return isFinal ? n : NEEDS_MORE;
}

/** The closing quote of a quoted field whose text starts at `from` ("" is an escaped quote). */
function closingQuote(text: string, from: number, quote: string, stop: number, isFinal: boolean): number {
  const quoteCode = quote.charCodeAt(0);
  let at = from;
  for (;;) {
    const close = text.indexOf(quote, at);
    if (close < 0 || close >= stop) return NEEDS_MORE;
    // a quote at the very end of the text may be the first of a doubled one
    if (close + 1 >= text.length) return isFinal ? close : NEEDS_MORE;
    if (text.charCodeAt(close + 1) !== quoteCode) return close;
    at = close + 2;
  }
}

/** How many line breaks (LF, CR or CRLF, each one) `text` has between `from` and `to`. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR) {
      count++;
      if (text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

/** Line breaks inside a value made uniform: CRLF and a bare CR become LF. */
export function normalizeLineBreaks(value: string): string {
  return value.indexOf('\r') < 0 ? value : value.replace(/\r\n?/g, '\n');
}
