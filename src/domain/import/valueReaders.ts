import type { CountryCode } from 'libphonenumber-js';
import { formatEpochDay } from '../time/isoFormat';
import { isPlaceholderYear } from '../time/plausibleDates';
import { normalizeEmail, normalizePhone } from './values/contacts';
import { describeDateProblem, emptyParsedDate, instantOf, parseDateInto, type DateFormat, type DateProblem } from './values/dates';
import { parseCommonDate } from './values/fastDates';
import { normalizeEventType } from './values/eventTypes';
import { parseNumber, type DecimalMark } from './values/numbers';

/**
 * Value normalisers for the row hot path: each remembers what it just did (a column often
 * repeats a value: the same date on every line of an order, the same customer's e-mail on each
 * of their orders), allocates nothing per value on the happy path, and keeps the reason of the
 * last failure for the reject message.
 */
export class DateReader {
  /** what was wrong with the last value that failed */
  problem: DateProblem = { code: 'not_date', value: '' };
  private lastRaw: string | undefined;
  private lastInstant = Number.NaN;
  private lastDay = '';
  private readonly parsed = emptyParsedDate();

  private readonly isCalendar: boolean;

  constructor(
    readonly format: DateFormat,
    private readonly timeZone: string,
  ) {
    // The fast path reads day-first dotted and year-first dates; a month-first column must not take it.
    this.isCalendar = format.kind === 'calendar' && format.order !== 'MDY';
  }

  get reason(): string {
    return describeDateProblem(this.problem);
  }

  /** The instant (ms UTC) of `raw`, or NaN with `problem` set. Year 0000 or 0001 is a placeholder, not a date. */
  instant(raw: string): number {
    if (raw === this.lastRaw) return this.lastInstant;
    this.lastRaw = raw;
    if (this.isCalendar && parseCommonDate(raw, this.parsed)) {
      this.lastInstant = instantOf(this.parsed, this.timeZone);
      this.lastDay = '';
      return isPlaceholderYear(this.lastInstant) ? this.placeholderYear(raw) : this.lastInstant;
    }
    const problem = parseDateInto(raw, this.format, this.parsed);
    if (problem !== undefined) return this.fail(problem);
    this.lastInstant = instantOf(this.parsed, this.timeZone);
    if (isPlaceholderYear(this.lastInstant)) return this.placeholderYear(raw);
    this.lastDay = formatEpochDay(this.parsed.epochDay);
    return this.lastInstant;
  }

  private fail(problem: DateProblem): number {
    this.problem = problem;
    this.lastInstant = Number.NaN;
    this.lastDay = '';
    return Number.NaN;
  }

  private placeholderYear(raw: string): number {
    return this.fail({ code: 'placeholder_year', value: raw.trim(), year: new Date(this.lastInstant).getUTCFullYear() });
  }

  /** The calendar date `YYYY-MM-DD` of `raw` (no zone shift), or '' with `reason` set. */
  calendarDate(raw: string): string {
    if (Number.isNaN(this.instant(raw))) return '';
    if (!this.lastDay) this.lastDay = formatEpochDay(this.parsed.epochDay);
    return this.lastDay;
  }
}

const CACHE_LIMIT = 200_000;

/** A memo of a pure text → value function, cleared when it grows past a bound. */
class Memo<T> {
  private readonly cache = new Map<string, T>();

  constructor(private readonly compute: (raw: string) => T) {}

  get(raw: string): T {
    let value = this.cache.get(raw);
    if (value === undefined && !this.cache.has(raw)) {
      value = this.compute(raw);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(raw, value);
    }
    return value as T;
  }
}

export class ContactReaders {
  readonly email: Memo<string | undefined>;
  readonly phone: Memo<string | undefined>;

  constructor(country: CountryCode) {
    this.email = new Memo(normalizeEmail);
    this.phone = new Memo((raw) => normalizePhone(raw, country));
  }
}

export class EventTypeReader {
  /** raw names that were changed on the way in ("Покупка" → "order"), for the report */
  readonly renamed = new Map<string, string>();
  private readonly memo = new Memo((raw: string) => {
    const type = normalizeEventType(raw);
    if (type && type !== raw.trim()) this.renamed.set(raw.trim(), type);
    return type;
  });

  read(raw: string): string {
    return this.memo.get(raw);
  }
}

export class MoneyReader {
  constructor(private readonly mark: DecimalMark) {}

  /** The number in `raw`, NaN when it is not one (check for empty text first). */
  read(raw: string): number {
    return parseNumber(raw, this.mark);
  }
}
