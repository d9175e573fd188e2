import { CsvRecordReader, WHITESPACE_DELIMITER, type CsvDialect } from './csvRecords';
import { CANONICAL_FIELDS, FIELD_SPECS, normalizeHeader } from './fields';
import { looksLikeEmail, looksLikePhone } from './values/contacts';
import { emptyTokens, tokenizeDate } from './values/dateParts';
import { parseNumber } from './values/numbers';

/**
 * The layout of a CSV file from its first lines: line terminator, delimiter (`,` `;` tab `|`,
 * or Excel's `sep=;` first line), title lines before the header (1C and Excel reports put
 * "Отчёт о продажах за …" there), whether the first row is a header, and the column names.
 */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export interface LayoutOverrides {
  delimiter?: string;
  hasHeader?: boolean;
}

export interface SampleRow {
  fields: string[];
  line: number;
}

export interface FileLayout {
  dialect: CsvDialect;
  hasHeader: boolean;
  /** physical lines before the header or first data row (title lines, a `sep=` line, blank lines) */
  skipLines: number;
  /** unique column names; "column 1", "column 2" … when there is no header */
  columns: string[];
  /** the header as written (empty without a header) */
  headerFields: string[];
  /** data records of the sample, with their physical lines */
  rows: SampleRow[];
}

const SAMPLE_RECORDS = 2_000;
const DELIMITER_PROBE_RECORDS = 200;
const MAX_TITLE_LINES = 10;

interface Probe {
  records: SampleRow[];
}

function readRecords(text: string, dialect: CsvDialect, firstLine: number, limit: number, isWholeText: boolean): SampleRow[] {
  const records: SampleRow[] = [];
  const reader = new CsvRecordReader(dialect, (fields, line) => {
    if (records.length < limit) records.push({ fields, line });
  }, { firstLine });
  reader.push(text);
  if (isWholeText) reader.end();
  return records;
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

function modalCount(records: readonly SampleRow[]): { count: number; share: number } {
  const counts = new Map<number, number>();
  let total = 0;
  for (const record of records) {
    if (isBlank(record.fields)) continue;
    counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1);
    total++;
  }
  let count = 0;
  let seen = 0;
  for (const [fields, times] of counts) if (times > seen || (times === seen && fields > count)) [count, seen] = [fields, times];
  return { count, share: total ? seen / total : 0 };
}

/** Lines split at LF, CRLF or a bare CR (the reader treats them alike). */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Chooses the candidate that splits the most lines into the same number (≥ 2) of fields; when
 * none does, a whitespace-separated layout if the lines clearly have one.
 */
function detectDelimiter(text: string, firstLine: number, isWholeText: boolean): string {
  return detectSeparatedDelimiter(text, firstLine, isWholeText) ?? (isWhitespaceSeparated(text, firstLine, isWholeText) ? WHITESPACE_DELIMITER : ',');
}

/**
 * Space-separated columns, told from a one-column file of names or phrases ("Иван Петров"):
 * every line splits into the same number (≥ 2) of fields, and the columns are aligned (runs of
 * spaces, or lines starting with a space) or the data lines hold no letters (a purchase log).
 */
function isWhitespaceSeparated(text: string, firstLine: number, isWholeText: boolean): boolean {
  const records = readRecords(text, { delimiter: WHITESPACE_DELIMITER, quote: '"' }, firstLine, DELIMITER_PROBE_RECORDS, isWholeText);
  const { count, share } = modalCount(records);
  if (count < 2 || share < 0.9) return false;
  const lines = text.split(LINE_BREAK, DELIMITER_PROBE_RECORDS).filter((line) => line.trim() !== '');
  const aligned = lines.filter((line) => line.startsWith(' ') || line.trimEnd().includes('  ')).length;
  const withLetters = lines.slice(1).filter((line) => /\p{L}/u.test(line)).length;
  return aligned >= lines.length / 2 || withLetters === 0;
}

function detectSeparatedDelimiter(text: string, firstLine: number, isWholeText: boolean): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  let bestCount = 0;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const records = readRecords(text, { delimiter, quote: '"' }, firstLine, DELIMITER_PROBE_RECORDS, isWholeText);
    const { count, share } = modalCount(records);
    if (count < 2) continue;
    const score = share;
    if (score > bestScore + 0.05 || (Math.abs(score - bestScore) <= 0.05 && count > bestCount)) {
      best = delimiter;
      bestScore = score;
      bestCount = count;
    }
  }
  return best;
}

const SEP_LINE = /^"?sep=(.)"?[ \t]*\r?$/i;

const KNOWN_HEADERS = new Set<string>();
for (const field of CANONICAL_FIELDS) {
  const spec = FIELD_SPECS[field];
  for (const name of spec.synonyms) KNOWN_HEADERS.add(name);
  for (const names of Object.values(spec.kindSynonyms ?? {})) for (const name of names) KNOWN_HEADERS.add(name);
}

const tokens = emptyTokens();

/** Whether a cell looks like data rather than a column name: a number, date, e-mail or phone. */
export function looksLikeData(raw: string): boolean {
  const text = raw.trim();
  if (!text) return false;
  if (!Number.isNaN(parseNumber(text, '.')) || !Number.isNaN(parseNumber(text, ','))) return true;
  if (tokenizeDate(text, tokens) === text.length && tokens.count === 3) return true;
  return looksLikeEmail(text) || looksLikePhone(text);
}

function isHeaderRow(first: readonly string[], rows: readonly SampleRow[]): boolean {
  if (first.some((cell) => KNOWN_HEADERS.has(normalizeHeader(cell)))) return true;
  if (first.some(looksLikeData)) return false;
  const nonEmpty = first.filter((cell) => cell.trim() !== '');
  const isDistinct = new Set(nonEmpty.map((cell) => cell.trim().toLowerCase())).size === nonEmpty.length;
  if (nonEmpty.length === first.length && isDistinct) return true;
  // Some column is typed in the data rows but not in the first row.
  return first.some((_, column) => {
    const values = rows.slice(0, 50).map((row) => row.fields[column] ?? '').filter((value) => value.trim() !== '');
    return values.length > 0 && values.filter(looksLikeData).length >= values.length * 0.8;
  });
}

/** Whether a row repeats the header (exports joined together): trimmed, ignoring case. */
export function isSameRow(fields: readonly string[], header: readonly string[]): boolean {
  if (header.length === 0 || fields.length !== header.length) return false;
  for (let i = 0; i < header.length; i++) if (fields[i]!.trim().toLowerCase() !== header[i]!.toLowerCase()) return false;
  return true;
}

/** Unique, non-empty column names: duplicates get " (2)", empty ones "column N". */
export function columnNames(headerFields: readonly string[], count: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = (headerFields[i] ?? '').trim() || `column ${i + 1}`;
    if (used.has(name.toLowerCase())) {
      let n = 2;
      while (used.has(`${name} (${n})`.toLowerCase())) n++;
      name = `${name} (${n})`;
    }
    used.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/**
 * The layout of the file whose decoded beginning is `text`. `isWholeText` tells that `text`
 * is the whole file (otherwise its last, possibly cut, line is ignored).
 */
export function detectLayout(rawText: string, isWholeText: boolean, overrides: LayoutOverrides = {}): FileLayout {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let firstLine = 1;
  let body = text;
  let delimiter = overrides.delimiter;
  const firstBreak = LINE_BREAK.exec(text);
  const firstRow = firstBreak ? text.slice(0, firstBreak.index) : text;
  const sep = SEP_LINE.exec(firstRow);
  if (sep) {
    delimiter ??= sep[1]!;
    body = firstBreak ? text.slice(firstBreak.index + firstBreak[0].length) : '';
    firstLine = 2;
  }
  delimiter ??= detectDelimiter(body, firstLine, isWholeText);
  const dialect: CsvDialect = { delimiter, quote: '"' };
  const probe: Probe = { records: readRecords(body, dialect, firstLine, SAMPLE_RECORDS, isWholeText) };
  const { count } = modalCount(probe.records);
  let start = 0;
  while (start < probe.records.length && start < MAX_TITLE_LINES + 1) {
    const record = probe.records[start]!;
    const isTitle = isBlank(record.fields) || (count >= 2 && record.fields.length <= Math.max(1, Math.floor(count / 2)));
    if (!isTitle) break;
    start++;
  }
  if (start > MAX_TITLE_LINES) start = 0;
  const records = probe.records.slice(start).filter((record) => !isBlank(record.fields));
  const first = records[0];
  const skipLines = (first?.line ?? firstLine) - 1;
  const hasHeader = overrides.hasHeader ?? (first ? isHeaderRow(first.fields, records.slice(1)) : true);
  const headerFields = hasHeader && first ? first.fields.map((field) => field.trim()) : [];
  const rows = hasHeader ? records.slice(1).filter((record) => !isSameRow(record.fields, headerFields)) : records;
  const width = Math.max(headerFields.length, count, first?.fields.length ?? 0);
  return { dialect, hasHeader, skipLines, columns: columnNames(headerFields, hasHeader ? headerFields.length : width), headerFields, rows };
}
