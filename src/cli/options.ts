import { InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../domain/demo';
import type { TextLanguage } from '../domain/text';

/**
 * Parsers for option values, shared by the subcommands. They throw commander's
 * InvalidArgumentError, which commander reports as one line naming the option (exit 2).
 */
export function integerOption(min: number, max: number): (value: string) => number {
  return (value) => {
    const text = value.trim();
    const number = Number(text);
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    }
    return number;
  };
}

export function seedOption(value: string): number {
  const text = value.trim();
  const number = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError('expected a whole number.');
  }
  return number;
}

export function dateOption(value: string): string {
  const text = value.trim();
  if (!isCalendarDate(text)) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return text;
}

/** An IANA time zone name (the zone of day boundaries and of local times in a file). */
export function timeZoneOption(value: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value }).format(0);
    return value;
  } catch {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone (e.g. UTC, Europe/Moscow).`);
  }
}

/** One of a fixed list of values (after `parse`, e.g. Number). */
export function choice<T extends string | number>(values: readonly T[], parse: (text: string) => T = (text) => text as T): (value: string) => T {
  return (value) => {
    const parsed = parse(value.trim());
    if (!values.includes(parsed)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}.`);
    return parsed;
  };
}

/** The language of texts a command writes: en or ru. */
export function languageOption(value: string): TextLanguage {
  if (value === 'en' || value === 'ru') return value;
  throw new InvalidArgumentError('expected en or ru.');
}
