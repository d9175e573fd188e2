/**
 * The tokenizer under date parsing: one pass over the characters (no regular expressions, no
 * Date objects — it runs a million times per import) that finds up to three date tokens
 * (numbers or month names, RU and EN), an optional time of day with seconds, fraction, AM/PM,
 * and an optional zone ("Z", "UTC", "+03:00", "+0300").
 */
export interface DateTokens {
  /** numbers of the date part; a month given by name is in `namedMonth` and its slot holds -1 */
  values: [number, number, number];
  digits: [number, number, number];
  count: number;
  /** 1–12 when a token was a month name, else 0; `namedIndex` is its position */
  namedMonth: number;
  namedIndex: number;
  /** the first separator between date tokens ('.', '-', '/', ' ') */
  separator: string;
  hasTime: boolean;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  hasSeconds: boolean;
  hasFraction: boolean;
  /** 0 none, 1 AM, 2 PM */
  meridiem: number;
  /** minutes east of UTC, NaN when the value names no zone */
  offsetMinutes: number;
  /** 'T' or ' ' between date and time */
  timeSeparator: string;
}

export function emptyTokens(): DateTokens {
  return {
    values: [0, 0, 0],
    digits: [0, 0, 0],
    count: 0,
    namedMonth: 0,
    namedIndex: -1,
    separator: '',
    hasTime: false,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    hasSeconds: false,
    hasFraction: false,
    meridiem: 0,
    offsetMinutes: Number.NaN,
    timeSeparator: '',
  };
}

const MONTH_PREFIXES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, май: 5, мая: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** Month number of a name like "Mar", "March", "марта", "мар." or 0. */
export function monthFromName(word: string): number {
  return MONTH_PREFIXES[word.slice(0, 3).toLowerCase()] ?? 0;
}

/**
 * Fills `out` from `text`. Returns the index where parsing stopped: `text.length` when the
 * whole value was understood, less when something is left over (not a date of these shapes).
 */
export function tokenizeDate(text: string, out: DateTokens): number {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  out.count = 0;
  out.namedMonth = 0;
  out.namedIndex = -1;
  out.separator = '';
  out.hasTime = false;
  out.hasSeconds = false;
  out.hasFraction = false;
  out.meridiem = 0;
  out.offsetMinutes = Number.NaN;
  out.hour = out.minute = out.second = out.millisecond = 0;
  out.timeSeparator = '';
  i = dateTokens(text, i, out);
  if (out.count < 3) return i;
  // "2026 г." / trailing dot after the year
  i = skipYearSuffix(text, i);
  if (i >= n) return n;
  const afterDate = i;
  let code = text.charCodeAt(i);
  if (code === 44) i++; // "05.03.2026, 14:30"
  code = text.charCodeAt(i);
  if (code === 84 || code === 116) {
    out.timeSeparator = 'T';
    i++;
  } else if (isSpace(code)) {
    out.timeSeparator = ' ';
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  } else if (code === 43 || code === 45 || code === 90) {
    return zoneSuffix(text, i, out);
  } else return afterDate;
  if (i >= n) return n;
  if (!isDigit(text.charCodeAt(i))) return zoneSuffix(text, i, out);
  return timeOfDay(text, i, out);
}

function dateTokens(text: string, start: number, out: DateTokens): number {
  const n = text.length;
  let i = start;
  while (out.count < 3 && i < n) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      let value = 0;
      const from = i;
      while (i < n && isDigit(text.charCodeAt(i))) value = value * 10 + text.charCodeAt(i++) - 48;
      out.values[out.count] = value;
      out.digits[out.count] = i - from;
    } else if (isLetter(code) && out.namedMonth === 0) {
      const from = i;
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      const month = monthFromName(text.slice(from, i));
      if (month === 0) return from;
      if (text.charCodeAt(i) === 46) i++;
      out.namedMonth = month;
      out.namedIndex = out.count;
      out.values[out.count] = -1;
      out.digits[out.count] = 0;
    } else return i;
    out.count++;
    if (out.count === 3) break;
    const separatorAt = i;
    i = dateSeparator(text, i);
    if (i === separatorAt) return i;
    if (out.count === 1) out.separator = text[separatorAt] === ',' ? ' ' : text[separatorAt]!;
  }
  return i;
}

function dateSeparator(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 46 || code === 45 || code === 47) return i + 1;
  let j = i;
  if (code === 44) j++;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j;
}

function skipYearSuffix(text: string, i: number): number {
  const n = text.length;
  let j = i;
  if (text.charCodeAt(j) === 46) j++;
  let k = j;
  while (k < n && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === 0x433) {
    k++;
    if (text.charCodeAt(k) === 46) k++;
    return k;
  }
  return j === i + 1 && (j >= n || isSpace(text.charCodeAt(j))) ? j : i;
}

function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function timeOfDay(text: string, start: number, out: DateTokens): number {
  const n = text.length;
  let i = start;
  let hour = 0;
  const from = i;
  while (i < n && isDigit(text.charCodeAt(i))) hour = hour * 10 + text.charCodeAt(i++) - 48;
  if (i - from > 2 || text.charCodeAt(i) !== 58) return from;
  const minute = twoDigits(text, i + 1);
  if (minute < 0) return from;
  i += 3;
  out.hasTime = true;
  out.hour = hour;
  out.minute = minute;
  if (text.charCodeAt(i) === 58) {
    const second = twoDigits(text, i + 1);
    if (second < 0) return i;
    out.second = second;
    out.hasSeconds = true;
    i += 3;
    const code = text.charCodeAt(i);
    if ((code === 46 || code === 44) && isDigit(text.charCodeAt(i + 1))) {
      i++;
      let scale = 100;
      let ms = 0;
      while (i < n && isDigit(text.charCodeAt(i))) {
        ms += (text.charCodeAt(i++) - 48) * scale;
        scale /= 10;
      }
      out.millisecond = Math.floor(ms);
      out.hasFraction = true;
    }
  }
  i = meridiem(text, i, out);
  return zoneSuffix(text, i, out);
}

function meridiem(text: string, start: number, out: DateTokens): number {
  let i = start;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const first = text.charCodeAt(i) | 0x20;
  if ((first === 97 || first === 112) && (text.charCodeAt(i + 1) | 0x20) === 109) {
    out.meridiem = first === 97 ? 1 : 2;
    return i + 2;
  }
  return start;
}

/** "Z", " UTC", " GMT", "+03:00", "+0300", "+03", "-05:00"; anything else stops here. */
function zoneSuffix(text: string, start: number, out: DateTokens): number {
  const n = text.length;
  let i = start;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i >= n) return n;
  const code = text.charCodeAt(i);
  if (code === 90 || code === 122) {
    out.offsetMinutes = 0;
    return trailingSpaces(text, i + 1);
  }
  const word = text.slice(i, i + 3).toUpperCase();
  if (word === 'UTC' || word === 'GMT' || word === 'MSK' || word === 'МСК') {
    // Moscow time has been UTC+3 all year since 2014.
    out.offsetMinutes = word === 'MSK' || word === 'МСК' ? 180 : 0;
    i += 3;
    if (i >= n || isSpace(text.charCodeAt(i))) return trailingSpaces(text, i);
  }
  const sign = text.charCodeAt(i);
  if (sign !== 43 && sign !== 45 && sign !== 0x2212) return i;
  const hours = twoDigits(text, i + 1);
  if (hours < 0) return i;
  let j = i + 3;
  if (text.charCodeAt(j) === 58) j++;
  const minutes = twoDigits(text, j);
  if (minutes >= 0) j += 2;
  out.offsetMinutes = (sign === 43 ? 1 : -1) * (hours * 60 + Math.max(0, minutes));
  return trailingSpaces(text, j);
}

function trailingSpaces(text: string, start: number): number {
  let i = start;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
