import { countText, type LocalizedText } from '../text';
import type { Duration, DurationUnit } from './types';

/** Local clock times ('HH:mm'), local date-times ('YYYY-MM-DDTHH:mm') and durations of the chain model. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const LOCAL_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of 'HH:mm'; NaN when malformed. */
export function minutesOfDay(time: string): number {
  if (!LOCAL_TIME_PATTERN.test(time)) return Number.NaN;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether 'YYYY-MM-DDTHH:mm' names a real calendar date (no 31 April). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const UNIT_MS: Record<DurationUnit, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

/** Elapsed milliseconds of a duration (a day is 24 h). */
export function durationMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

const UNIT_WORDS: Record<DurationUnit, { en: [string, string]; ru: [string, string, string] }> = {
  minutes: { en: ['minute', 'minutes'], ru: ['минуту', 'минуты', 'минут'] },
  hours: { en: ['hour', 'hours'], ru: ['час', 'часа', 'часов'] },
  days: { en: ['day', 'days'], ru: ['день', 'дня', 'дней'] },
  weeks: { en: ['week', 'weeks'], ru: ['неделю', 'недели', 'недель'] },
};

/** "3 days" / "3 дня"; "1 hour" / "1 час". */
export function durationText(duration: Duration): LocalizedText {
  const words = UNIT_WORDS[duration.unit];
  return countText(duration.amount, words.en, words.ru);
}

export function days(amount: number): Duration {
  return { amount, unit: 'days' };
}

export function hours(amount: number): Duration {
  return { amount, unit: 'hours' };
}

export function minutes(amount: number): Duration {
  return { amount, unit: 'minutes' };
}
