import { emptyParsedDate, parseDateInto, type DateFormat, type DateOrder } from './dates';
import { emptyTokens, tokenizeDate, type DateTokens } from './dateParts';

/**
 * Which date format a column is in, decided from all its sampled values: the shape (ISO,
 * dotted, slashed, month names, compact, Excel serials, Unix numbers), the day/month order
 * (a value whose first number is over 12 proves day-first; the second over 12 proves
 * month-first; dotted dates are day-first by convention) and a readable label for the report
 * ("DD.MM.YYYY HH:mm").
 */
export interface DateColumnGuess {
  /** undefined: the values are not dates */
  format: DateFormat | undefined;
  /** share of the non-empty sampled values that parse in `format` */
  validShare: number;
  /** the day/month order could not be settled from the values (read in the preferred order) */
  isAmbiguous: boolean;
  /** some values need day-first and others month-first; the majority won */
  hasConflict: boolean;
  nonEmpty: number;
}

const MAX_SAMPLE = 20_000;

interface Shape {
  calendar: number;
  yearFirst: number;
  dayFirstProof: number;
  monthFirstProof: number;
  dotted: number;
  named: number;
  separators: Map<string, number>;
  /** how often each written shape occurs, with one example of it (for the label) */
  shapes: Map<string, { count: number; tokens: DateTokens }>;
}

/** The written shape of a value: separator, year width, and which time parts it has. */
function shapeOf(tokens: DateTokens): string {
  return [tokens.separator, tokens.digits[0], tokens.digits[2], tokens.namedMonth > 0, tokens.hasTime, tokens.hasSeconds, tokens.hasFraction, tokens.meridiem > 0, Number.isNaN(tokens.offsetMinutes), tokens.timeSeparator].join('|');
}

function copyTokens(tokens: DateTokens): DateTokens {
  return { ...tokens, values: [...tokens.values], digits: [...tokens.digits] };
}

function observeShapes(values: readonly string[]): Shape {
  const shape: Shape = { calendar: 0, yearFirst: 0, dayFirstProof: 0, monthFirstProof: 0, dotted: 0, named: 0, separators: new Map(), shapes: new Map() };
  const tokens = emptyTokens();
  for (const value of values) {
    const stop = tokenizeDate(value, tokens);
    if (tokens.count < 3 || stop !== value.length) continue;
    shape.calendar++;
    shape.separators.set(tokens.separator, (shape.separators.get(tokens.separator) ?? 0) + 1);
    const key = shapeOf(tokens);
    const seen = shape.shapes.get(key);
    if (seen) seen.count++;
    else shape.shapes.set(key, { count: 1, tokens: copyTokens(tokens) });
    if (tokens.namedMonth) shape.named++;
    else if (tokens.digits[0]! >= 3) shape.yearFirst++;
    else {
      const [a, b] = tokens.values;
      if (a! > 12 && b! <= 12) shape.dayFirstProof++;
      if (b! > 12 && a! <= 12) shape.monthFirstProof++;
      if (tokens.separator === '.') shape.dotted++;
    }
  }
  return shape;
}

function commonestShape(shape: Shape): DateTokens | undefined {
  let best: { count: number; tokens: DateTokens } | undefined;
  for (const entry of shape.shapes.values()) if (!best || entry.count > best.count) best = entry;
  return best?.tokens;
}

function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) if (count > bestCount) [best, bestCount] = [key, count];
  return best;
}

/** "DD.MM.YYYY HH:mm", "MM/DD/YYYY h:mm A", "YYYY-MM-DDTHH:mm:ssZ" … */
export function dateLabel(order: DateOrder, tokens: DateTokens | undefined, separator: string): string {
  const sep = separator || '-';
  const yearDigits = tokens ? (order === 'YMD' ? tokens.digits[0] : tokens.digits[2]) : 4;
  const year = yearDigits === 2 ? 'YY' : 'YYYY';
  const month = tokens?.namedMonth ? 'MMM' : 'MM';
  let date: string;
  if (order === 'YMD') date = `${year}${sep}${month}${sep}DD`;
  else if (order === 'DMY') date = `DD${sep}${month}${sep}${year}`;
  else date = `${month}${sep}DD${sep}${year}`;
  if (!tokens?.hasTime) return date;
  let time = tokens.meridiem ? 'h:mm' : 'HH:mm';
  if (tokens.hasSeconds) time += ':ss';
  if (tokens.hasFraction) time += '.SSS';
  if (tokens.meridiem) time += ' A';
  if (!Number.isNaN(tokens.offsetMinutes)) time += 'Z';
  return `${date}${tokens.timeSeparator === 'T' ? 'T' : ' '}${time}`;
}

function numericFormat(values: readonly string[]): DateFormat | undefined {
  let integers = 0;
  let fractions = 0;
  let compact = 0;
  let seconds = 0;
  let millis = 0;
  let serials = 0;
  for (const value of values) {
    const text = value.trim();
    if (/^\d+$/.test(text)) {
      integers++;
      const number = Number(text);
      if ((text.length === 8 || text.length === 12 || text.length === 14) && /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/.test(text)) compact++;
      if (text.length >= 9 && text.length <= 10 && number >= 1e8) seconds++;
      if (text.length >= 12 && text.length <= 13) millis++;
      if (number >= 10_000 && number < 100_000) serials++;
    } else if (/^\d+[.,]\d+$/.test(text)) {
      fractions++;
      const number = Number(text.replace(',', '.'));
      if (number >= 10_000 && number < 100_000) serials++;
      if (number >= 1e8 && number < 1e10) seconds++;
    }
  }
  const total = values.length;
  const enough = (count: number) => count > 0 && count >= total * 0.9;
  if (integers + fractions < total * 0.9) return undefined;
  if (enough(compact)) return { kind: 'compact', label: values.some((v) => v.trim().length > 8) ? 'YYYYMMDDHHmmss' : 'YYYYMMDD' };
  if (enough(millis)) return { kind: 'unix_ms', label: 'Unix milliseconds' };
  if (enough(seconds)) return { kind: 'unix_s', label: 'Unix seconds' };
  if (enough(serials)) return { kind: 'excel', label: 'Excel serial' };
  return undefined;
}

function validShare(values: readonly string[], format: DateFormat): number {
  const out = emptyParsedDate();
  let valid = 0;
  for (const value of values) if (parseDateInto(value, format, out) === undefined) valid++;
  return values.length ? valid / values.length : 0;
}

/**
 * The format of a column from its values. `preferMonthFirst` decides a slashed column that
 * nothing settles (true for files without Cyrillic text, where "03/04/2025" is usually American).
 */
export function detectDateFormat(allValues: readonly string[], preferMonthFirst = false): DateColumnGuess {
  const values = sampleNonEmpty(allValues);
  const none: DateColumnGuess = { format: undefined, validShare: 0, isAmbiguous: false, hasConflict: false, nonEmpty: values.length };
  if (values.length === 0) return none;
  const numeric = numericFormat(values);
  if (numeric) return { format: numeric, validShare: validShare(values, numeric), isAmbiguous: false, hasConflict: false, nonEmpty: values.length };
  const shape = observeShapes(values);
  if (shape.calendar < values.length * 0.5) return none;
  const separator = mostCommon(shape.separators);
  let order: DateOrder;
  let isAmbiguous = false;
  const hasConflict = shape.dayFirstProof > 0 && shape.monthFirstProof > 0;
  if (shape.yearFirst >= shape.calendar / 2) order = 'YMD';
  else if (shape.named >= shape.calendar / 2) order = 'DMY';
  else if (shape.dayFirstProof > 0 || shape.monthFirstProof > 0) order = shape.dayFirstProof >= shape.monthFirstProof ? 'DMY' : 'MDY';
  else if (shape.dotted > 0) order = 'DMY';
  else {
    order = preferMonthFirst && separator === '/' ? 'MDY' : 'DMY';
    isAmbiguous = true;
  }
  const format: DateFormat = { kind: 'calendar', order, label: dateLabel(order, commonestShape(shape), separator) };
  return { format, validShare: validShare(values, format), isAmbiguous, hasConflict, nonEmpty: values.length };
}

function sampleNonEmpty(values: readonly string[]): string[] {
  const nonEmpty: string[] = [];
  const step = Math.max(1, Math.floor(values.length / MAX_SAMPLE));
  for (let i = 0; i < values.length && nonEmpty.length < MAX_SAMPLE; i += step) {
    const value = values[i]!.trim();
    if (value) nonEmpty.push(value);
  }
  return nonEmpty;
}

const NAMED_FORMATS: Record<string, DateFormat> = {
  iso: { kind: 'calendar', order: 'YMD', label: 'YYYY-MM-DD' },
  iso8601: { kind: 'calendar', order: 'YMD', label: 'YYYY-MM-DD' },
  ymd: { kind: 'calendar', order: 'YMD', label: 'YYYY-MM-DD' },
  dmy: { kind: 'calendar', order: 'DMY', label: 'DD.MM.YYYY' },
  mdy: { kind: 'calendar', order: 'MDY', label: 'MM/DD/YYYY' },
  excel: { kind: 'excel', label: 'Excel serial' },
  unix: { kind: 'unix_s', label: 'Unix seconds' },
  unixs: { kind: 'unix_s', label: 'Unix seconds' },
  seconds: { kind: 'unix_s', label: 'Unix seconds' },
  epoch: { kind: 'unix_s', label: 'Unix seconds' },
  unixms: { kind: 'unix_ms', label: 'Unix milliseconds' },
  milliseconds: { kind: 'unix_ms', label: 'Unix milliseconds' },
  ms: { kind: 'unix_ms', label: 'Unix milliseconds' },
};

const COMPACT_FORMATS: Record<string, DateFormat> = {
  yyyymmdd: { kind: 'compact', label: 'YYYYMMDD' },
  yyyymmddhhmmss: { kind: 'compact', label: 'YYYYMMDDHHmmss' },
};

const DATE_TOKEN = '(D{1,2}|d{1,2}|M{1,4}|Y{2}|Y{4}|y{2}|y{4})';
const FORMAT_PATTERN = new RegExp(`^${DATE_TOKEN}[.\\-/ ]${DATE_TOKEN}[.\\-/ ,]+${DATE_TOKEN}(?:[ T,]+[Hh]{1,2}:mm(?::ss(?:[.,][Ss]{1,6})?)?(?: ?[Aa])?(?: ?Z{1,3}| ?X{1,3})?)?$`);

/**
 * A format the user named: a keyword (iso, dmy, mdy, excel, unix, unix_ms, yyyymmdd) or a
 * pattern such as "DD.MM.YYYY HH:mm" or "M/D/YY" (only the order of D, M and Y matters; the
 * parser accepts any separators and optional times). Undefined when it cannot be understood.
 */
export function parseDateFormatSpec(spec: string): DateFormat | undefined {
  const text = spec.trim();
  const key = text.toLowerCase().replace(/[\s_\-.]/g, '');
  const named = NAMED_FORMATS[key] ?? COMPACT_FORMATS[text.toLowerCase()];
  if (named) return named;
  const match = FORMAT_PATTERN.exec(text);
  if (!match) return undefined;
  const parts = [match[1]!, match[2]!, match[3]!].map((part) => part[0]!.toUpperCase());
  let order: DateOrder;
  if (parts.join('') === 'YMD') order = 'YMD';
  else if (parts.join('') === 'DMY') order = 'DMY';
  else if (parts.join('') === 'MDY') order = 'MDY';
  else return undefined;
  return { kind: 'calendar', order, label: text };
}
