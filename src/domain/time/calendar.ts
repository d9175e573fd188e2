/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) for periods: months and ISO weeks.
 * Plain integer arithmetic (Hinnant's civil-from-days / days-from-civil), no Date objects, so
 * that scans over a million orders can afford one call per order.
 *
 * - A month is numbered `year × 12 + (month − 1)`; consecutive months differ by 1, so the
 *   months between two dates is a subtraction (metrics.md "month index").
 * - An ISO week (Monday first) is numbered `floor((day + 3) / 7)`: 1970-01-01 was a Thursday,
 *   so week 0 runs from Monday 1969-12-29. Consecutive weeks differ by 1.
 */
export type CalendarUnit = 'month' | 'week';
export const CALENDAR_UNITS: readonly CalendarUnit[] = ['month', 'week'];

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The month number (`year × 12 + month − 1`) of a day. Inlined civil-from-days: no object per call. */
export function monthOfDay(epochDay: number): number {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** The ISO week number (Monday first, see above) of a day. */
export function weekOfDay(epochDay: number): number {
  return Math.floor((epochDay + 3) / 7);
}

export function periodOfDay(epochDay: number, unit: CalendarUnit): number {
  return unit === 'month' ? monthOfDay(epochDay) : weekOfDay(epochDay);
}

/** The first day of a period (a month's 1st, a week's Monday). */
export function periodStartDay(period: number, unit: CalendarUnit): number {
  if (unit === 'week') return period * 7 - 3;
  const year = Math.floor(period / 12);
  return daysFromCivil(year, period - year * 12 + 1, 1);
}

/** The first day of the period that holds `epochDay`. */
export function startOfPeriodDay(epochDay: number, unit: CalendarUnit): number {
  return periodStartDay(periodOfDay(epochDay, unit), unit);
}

/** The first day of the period after the one that starts on (or holds) `epochDay`. */
export function nextPeriodStartDay(epochDay: number, unit: CalendarUnit): number {
  return periodStartDay(periodOfDay(epochDay, unit) + 1, unit);
}

/** `2010-12` for a month, `2010-W49` for an ISO week (its ISO week-numbering year). */
export function periodLabel(period: number, unit: CalendarUnit): string {
  if (unit === 'month') {
    const year = Math.floor(period / 12);
    return `${String(year).padStart(4, '0')}-${String(period - year * 12 + 1).padStart(2, '0')}`;
  }
  // The ISO year of a week is the year of its Thursday; its number counts Thursdays from 1 January.
  const thursday = period * 7;
  const { year } = civilFromDays(thursday);
  const number = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(number).padStart(2, '0')}`;
}

/**
 * The same day `months` calendar months later (earlier when negative); a day that does not
 * exist there is clamped to the month's last day: 31 May − 3 months = 28 (29) February.
 */
export function addMonthsToDay(epochDay: number, months: number): number {
  const { year, month, day } = civilFromDays(epochDay);
  const target = year * 12 + month - 1 + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
