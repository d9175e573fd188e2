import { DEFAULT_EVENT_TYPES } from '../model/event';
import { looksLikeEmail, looksLikePhone } from './values/contacts';
import { detectDateFormat, type DateColumnGuess } from './values/dateDetection';
import { normalizeEventType } from './values/eventTypes';
import { looksLikeBoolean, looksLikeGender } from './values/flags';
import { parseNumber } from './values/numbers';

/**
 * What the sampled values of one column look like: shares of e-mails, phones, dates, numbers,
 * yes/no words, genders, person names and event names. The mapping guesser reads these when a
 * header says nothing (or says something the values contradict).
 */
export interface ColumnProfile {
  /** values looked at, empty ones included, and the share of them that has a value */
  sampled: number;
  filled: number;
  nonEmpty: number;
  distinct: number;
  email: number;
  phone: number;
  number: number;
  /** numbers with a fractional part */
  decimal: number;
  boolean: number;
  gender: number;
  personName: number;
  /** share of values that are known event types of the vocabulary */
  knownEventType: number;
  /** short word-like values (event names, statuses) */
  word: number;
  date: DateColumnGuess;
  examples: string[];
}

const KNOWN_TYPES = new Set<string>(DEFAULT_EVENT_TYPES);
const PERSON_NAME = /^[\p{Lu}][\p{L}'’-]*(\s+[\p{L}][\p{L}'’.-]*){0,3}$/u;
const WORD = /^[\p{L}][\p{L}\d _-]{0,39}$/u;

/** Values looked at for the shares; the date detection sees every sampled value. */
const PROFILE_VALUES = 1_500;

function spread(values: readonly string[], limit: number): string[] {
  if (values.length <= limit) return [...values];
  const step = values.length / limit;
  return Array.from({ length: limit }, (_, i) => values[Math.floor(i * step)]!);
}

export function profileColumn(allValues: readonly string[], preferMonthFirst: boolean): ColumnProfile {
  const everyNonEmpty = allValues.map((value) => value.trim()).filter((value) => value !== '');
  const nonEmpty = spread(everyNonEmpty, PROFILE_VALUES);
  const total = nonEmpty.length || 1;
  const share = (test: (value: string) => boolean) => nonEmpty.filter(test).length / total;
  const distinct = new Set(nonEmpty);
  const numbers = nonEmpty.filter((value) => !Number.isNaN(parseNumber(value, '.')) || !Number.isNaN(parseNumber(value, ',')));
  return {
    sampled: allValues.length,
    filled: allValues.length ? everyNonEmpty.length / allValues.length : 0,
    nonEmpty: nonEmpty.length,
    distinct: distinct.size,
    email: share(looksLikeEmail),
    phone: share(looksLikePhone),
    number: numbers.length / total,
    decimal: numbers.filter((value) => /\d[.,]\d{1,2}$/.test(value)).length / total,
    boolean: share(looksLikeBoolean),
    gender: share(looksLikeGender),
    personName: share((value) => PERSON_NAME.test(value) && !looksLikeEmail(value)),
    knownEventType: share((value) => KNOWN_TYPES.has(normalizeEventType(value))),
    word: share((value) => WORD.test(value)),
    date: detectDateFormat(everyNonEmpty, preferMonthFirst),
    examples: [...distinct].slice(0, 5),
  };
}
