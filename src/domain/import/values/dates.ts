import { daysFromCivil, daysInMonth } from '../../time/calendar';
import { formatEpochDay } from '../../time/isoFormat';
import { DAY_MS, zoneOffsetMs } from '../../time/localDay';
import { emptyTokens, tokenizeDate, type DateTokens } from './dateParts';

/**
 * Dates and times as exports write them (data-model.md "Import rules"): ISO 8601,
 * `DD.MM.YYYY[ HH:mm[:ss]]`, `MM/DD/YYYY[ h:mm AM]`, month names (RU/EN), `YYYYMMDD`, Excel
 * serial numbers and Unix seconds or milliseconds. The day/month order of a column is decided
 * from the whole column (a value like 13/01 settles it); when nothing settles it, the column is
 * reported as ambiguous and read in the preferred order, which the user can change.
 *
 * Times without a zone are local times of `timeZone` (the workspace's zone in the app, `--tz`
 * — default UTC — on the command line); a value's own zone ("Z", "+03:00") wins.
 * No Date objects: day numbers come from Hinnant's days-from-civil arithmetic.
 */
export type DateOrder = 'YMD' | 'DMY' | 'MDY';

export type DateFormat =
  | { kind: 'calendar'; order: DateOrder; label: string }
  | { kind: 'compact'; label: string }
  | { kind: 'excel'; label: string }
  | { kind: 'unix_s'; label: string }
  | { kind: 'unix_ms'; label: string };

const EXCEL_EPOCH_DAY = -25_569; // 1899-12-30

export { daysFromCivil, daysInMonth };

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Excel's rule for two-digit years: 00–29 are 2000s, 30–99 are 1900s. */
export function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** Wall-clock ms (as if UTC) in `timeZone` → the instant. */
export function wallTimeToInstant(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

// Building an Intl.DateTimeFormat costs about a millisecond: remember each name's answer.
const checkedZones = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let isValid = checkedZones.get(timeZone);
  if (isValid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      isValid = true;
    } catch {
      isValid = false;
    }
    if (checkedZones.size < 1000) checkedZones.set(timeZone, isValid);
  }
  return isValid;
}

/** A parsed date value: the calendar date, the wall time of day, and the value's own zone if any. */
export interface ParsedDate {
  epochDay: number;
  msOfDay: number;
  hasTime: boolean;
  /** minutes east of UTC, NaN when the value has no zone (a local time) */
  offsetMinutes: number;
  /** for Unix timestamps: the instant itself */
  instant: number;
}

/** Why a value is not a date, for messages in any language (`describeDateProblem` gives the English). */
export const DATE_PROBLEM_CODES = ['not_date', 'month', 'day', 'day_of_month', 'hour', 'hour_ampm', 'minute', 'second', 'excel', 'unix', 'compact', 'placeholder_year'] as const;
export type DateProblemCode = (typeof DATE_PROBLEM_CODES)[number];

export interface DateProblem {
  code: DateProblemCode;
  /** the value as written (trimmed) */
  value: string;
  /** the offending number (month 13, day 32, hour 25 …) */
  number?: number;
  month?: number;
  year?: number;
}

export function describeDateProblem(problem: DateProblem): string {
  const value = `"${problem.value}"`;
  switch (problem.code) {
    case 'not_date':
      return `${value} is not a date`;
    case 'month':
      return `month ${problem.number} does not exist in ${value}`;
    case 'day':
      return `day ${problem.number} does not exist in ${value}`;
    case 'day_of_month':
      return `${MONTH_NAMES[problem.month! - 1]} ${problem.year} has no day ${problem.number} in ${value}`;
    case 'hour':
      return `hour ${problem.number} does not exist in ${value}`;
    case 'hour_ampm':
      return `hour ${problem.number} does not exist with AM/PM in ${value}`;
    case 'minute':
      return `minute ${problem.number} does not exist in ${value}`;
    case 'second':
      return `second ${problem.number} does not exist in ${value}`;
    case 'excel':
      return `${value} is not an Excel date number`;
    case 'unix':
      return `${value} is not a Unix timestamp`;
    case 'compact':
      return `${value} is not a date YYYYMMDD`;
    case 'placeholder_year':
      return `${value} has year ${problem.year}: a placeholder for a missing date, not a real one`;
  }
}

export type DateParse = { ok: true; date: ParsedDate } | { ok: false; reason: string; problem: DateProblem };

export function emptyParsedDate(): ParsedDate {
  return { epochDay: 0, msOfDay: 0, hasTime: false, offsetMinutes: Number.NaN, instant: Number.NaN };
}

const shared = emptyTokens();

function ymdOf(tokens: DateTokens, order: DateOrder): [number, number, number, number] {
  const [a, b, c] = tokens.values;
  const [da, db, dc] = tokens.digits;
  if (tokens.namedMonth) {
    const index = tokens.namedIndex;
    const [first, second] = index === 0 ? [b, c] : index === 1 ? [a, c] : [a, b];
    const [firstDigits, secondDigits] = index === 0 ? [db, dc] : index === 1 ? [da, dc] : [da, db];
    const isYearFirst = firstDigits >= 3 || first > 31;
    return isYearFirst ? [first, tokens.namedMonth, second, firstDigits] : [second, tokens.namedMonth, first, secondDigits];
  }
  if (da >= 3) return [a, b, c, da];
  // A day-first value with the year last ("05.03.2026") in a mostly year-first column.
  if (order === 'YMD') return dc >= 3 ? [c, b, a, dc] : [a, b, c, da];
  if (order === 'DMY') return [c, b, a, dc];
  return [c, a, b, dc];
}

function checkTime(tokens: DateTokens, value: string): DateProblem | undefined {
  let hour = tokens.hour;
  if (tokens.meridiem) {
    if (hour < 1 || hour > 12) return { code: 'hour_ampm', value, number: hour };
    hour = (hour % 12) + (tokens.meridiem === 2 ? 12 : 0);
    tokens.hour = hour;
  }
  if (hour > 24 || (hour === 24 && (tokens.minute > 0 || tokens.second > 0))) return { code: 'hour', value, number: tokens.hour };
  if (tokens.minute > 59) return { code: 'minute', value, number: tokens.minute };
  if (tokens.second > 60) return { code: 'second', value, number: tokens.second };
  return undefined;
}

/**
 * Parses a calendar-style value (everything but Excel serials and Unix numbers) into `out`.
 * Returns undefined when it is a valid date, else what is wrong with it.
 */
export function parseCalendarInto(raw: string, order: DateOrder, out: ParsedDate): DateProblem | undefined {
  const tokens = shared;
  const stop = tokenizeDate(raw, tokens);
  const value = raw.trim();
  if (tokens.count < 3 || stop !== raw.length) return { code: 'not_date', value };
  const [rawYear, month, day, yearDigits] = ymdOf(tokens, order);
  const year = expandYear(rawYear, yearDigits);
  if (month < 1 || month > 12) return { code: 'month', value, number: month };
  if (day < 1 || day > daysInMonth(year, month)) {
    return day < 1 || day > 31 ? { code: 'day', value, number: day } : { code: 'day_of_month', value, number: day, month, year };
  }
  if (tokens.hasTime) {
    const problem = checkTime(tokens, value);
    if (problem) return problem;
  }
  out.epochDay = daysFromCivil(year, month, day);
  out.msOfDay = ((tokens.hour * 60 + tokens.minute) * 60 + tokens.second) * 1000 + tokens.millisecond;
  out.hasTime = tokens.hasTime;
  out.offsetMinutes = tokens.offsetMinutes;
  out.instant = Number.NaN;
  return undefined;
}

/** A plain non-negative decimal number ('.' or ',' as the decimal mark), NaN otherwise. */
function plainNumber(raw: string): number {
  const text = raw.trim();
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits++;
      if (scale === 0) value = value * 10 + code - 48;
      else {
        value += (code - 48) * scale;
        scale /= 10;
      }
    } else if ((code === 46 || code === 44) && scale === 0 && digits > 0) scale = 0.1;
    else return Number.NaN;
  }
  return digits > 0 ? value : Number.NaN;
}

/** Excel serials count days from 1899-12-30 (the 1900 system, as Excel on Windows writes it). */
function parseExcelInto(raw: string, out: ParsedDate): DateProblem | undefined {
  const serial = plainNumber(raw);
  if (Number.isNaN(serial) || serial < 1 || serial >= 2_958_466) return { code: 'excel', value: raw.trim() };
  const day = Math.floor(serial);
  out.epochDay = day + EXCEL_EPOCH_DAY;
  out.msOfDay = Math.round((serial - day) * DAY_MS);
  out.hasTime = out.msOfDay > 0;
  out.offsetMinutes = Number.NaN;
  out.instant = Number.NaN;
  return undefined;
}

function parseUnixInto(raw: string, scale: number, out: ParsedDate): DateProblem | undefined {
  const value = plainNumber(raw);
  if (Number.isNaN(value)) return { code: 'unix', value: raw.trim() };
  const instant = Math.round(value * scale);
  out.epochDay = Math.floor(instant / DAY_MS);
  out.msOfDay = instant - out.epochDay * DAY_MS;
  out.hasTime = true;
  out.offsetMinutes = 0;
  out.instant = instant;
  return undefined;
}

function parseCompactInto(raw: string, out: ParsedDate): DateProblem | undefined {
  const text = raw.trim();
  const isCompact = (text.length === 8 || text.length === 12 || text.length === 14) && !Number.isNaN(plainNumber(text)) && !/[.,]/.test(text);
  if (!isCompact) return { code: 'compact', value: text };
  const time = text.length > 8 ? ` ${text.slice(8, 10)}:${text.slice(10, 12)}${text.length > 12 ? `:${text.slice(12, 14)}` : ''}` : '';
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}${time}`;
  const problem = parseCalendarInto(iso, 'YMD', out);
  return problem ? { ...problem, value: text } : undefined;
}

/** Parses `raw` in `format` into `out`; returns what is wrong when it is not a valid date. */
export function parseDateInto(raw: string, format: DateFormat, out: ParsedDate): DateProblem | undefined {
  switch (format.kind) {
    case 'calendar':
      return parseCalendarInto(raw, format.order, out);
    case 'compact':
      return parseCompactInto(raw, out);
    case 'excel':
      return parseExcelInto(raw, out);
    case 'unix_s':
      return parseUnixInto(raw, 1000, out);
    case 'unix_ms':
      return parseUnixInto(raw, 1, out);
  }
}

/** The same as `parseDateInto`, returning a fresh result (previews, tests). */
export function parseDate(raw: string, format: DateFormat): DateParse {
  const date = emptyParsedDate();
  const problem = parseDateInto(raw, format, date);
  return problem === undefined ? { ok: true, date } : { ok: false, reason: describeDateProblem(problem), problem };
}

export function formatCalendarDay(epochDay: number): string {
  return formatEpochDay(epochDay);
}

/** The instant of a parsed value: its own zone if it names one, else local time in `timeZone`. */
export function instantOf(date: ParsedDate, timeZone: string): number {
  if (!Number.isNaN(date.instant)) return date.instant;
  const wall = date.epochDay * DAY_MS + date.msOfDay;
  if (!Number.isNaN(date.offsetMinutes)) return wall - date.offsetMinutes * 60_000;
  return wallTimeToInstant(wall, timeZone);
}
