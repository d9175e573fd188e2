import { daysFromCivil, daysInMonth, type ParsedDate } from './dates';

/**
 * The two shapes that make up nearly every real export — ISO `YYYY-MM-DD[(T| )HH:mm[:ss]][Z]`
 * and Russian `DD.MM.YYYY[ HH:mm[:ss]]` — read by fixed character positions: a tenth of the
 * general tokenizer's work on the million-row path. Anything else (or anything invalid) returns
 * false and goes through the general parser, which also words the reason.
 */
function digit(text: string, i: number): number {
  const value = text.charCodeAt(i) - 48;
  return value >= 0 && value <= 9 ? value : -100_000;
}

function two(text: string, i: number): number {
  return digit(text, i) * 10 + digit(text, i + 1);
}

function four(text: string, i: number): number {
  return two(text, i) * 100 + two(text, i + 2);
}

let lastYear = -1;
let lastMonth = -1;
let lastDay = -1;
let lastEpochDay = 0;

function epochDayOf(year: number, month: number, day: number): number {
  if (year !== lastYear || month !== lastMonth || day !== lastDay) {
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastEpochDay = daysFromCivil(year, month, day);
  }
  return lastEpochDay;
}

/** Reads `HH:mm[:ss][Z]` starting at `at`; returns ms of day, -1 when it is not that shape, -2 for a trailing Z. */
function timeAt(text: string, at: number, out: ParsedDate): boolean {
  const length = text.length;
  const hour = two(text, at);
  if (text.charCodeAt(at + 2) !== 58) return false;
  const minute = two(text, at + 3);
  let end = at + 5;
  let second = 0;
  if (end < length && text.charCodeAt(end) === 58) {
    second = two(text, end + 1);
    end += 3;
  }
  let offset = Number.NaN;
  if (end === length - 1 && text.charCodeAt(end) === 90) {
    offset = 0;
    end++;
  }
  if (end !== length || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  out.msOfDay = ((hour * 60 + minute) * 60 + second) * 1000;
  out.hasTime = true;
  out.offsetMinutes = offset;
  return true;
}

function dateInto(out: ParsedDate, year: number, month: number, day: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  out.epochDay = epochDayOf(year, month, day);
  out.msOfDay = 0;
  out.hasTime = false;
  out.offsetMinutes = Number.NaN;
  out.instant = Number.NaN;
  return true;
}

/** Fills `out` for the common shapes and returns true; false means "use the general parser". */
export function parseCommonDate(text: string, out: ParsedDate): boolean {
  const length = text.length;
  if (length < 10) return false;
  let year: number;
  let month: number;
  let day: number;
  const c4 = text.charCodeAt(4);
  if (c4 === 45 && text.charCodeAt(7) === 45) {
    year = four(text, 0);
    month = two(text, 5);
    day = two(text, 8);
  } else if (text.charCodeAt(2) === 46 && text.charCodeAt(5) === 46) {
    day = two(text, 0);
    month = two(text, 3);
    year = four(text, 6);
  } else return false;
  if (!dateInto(out, year, month, day)) return false;
  if (length === 10) return true;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return false;
  return timeAt(text, 11, out);
}
