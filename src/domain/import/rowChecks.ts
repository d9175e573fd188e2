import { formatLocalDate } from '../time/localDay';
import type { CustomerRef } from './customerRows';
import { SlotSet } from './sinks';
import { orderKey, type KeySet } from './keys';
import { RETURN_EVENT } from '../model/event';

/**
 * What an import keeps about its rows beyond the counts, for the checks that span rows: ids
 * that identify nobody, dates outside the plausible ones, and each order id's first row.
 */
export interface UnusableIdsSummary {
  /** rows whose customer id was a placeholder or an Excel-rounded number */
  rows: number;
  /** of them, rows rejected for having no e-mail or phone either */
  rejected: number;
  placeholders: number;
  excel: number;
  /** the values, most frequent first (at most 20 listed) */
  values: { value: string; rows: number }[];
}

const LISTED_VALUES = 20;

export class UnusableIdTally {
  rows = 0;
  rejected = 0;
  placeholders = 0;
  excel = 0;
  firstLine = 0;
  private readonly values = new Map<string, number>();

  note(reference: CustomerRef, line: number): void {
    this.rows++;
    if (this.firstLine === 0) this.firstLine = line;
    if (reference.idIssue === 'excel') this.excel++;
    else this.placeholders++;
    const value = reference.unusedId;
    const count = this.values.get(value);
    if (count !== undefined) this.values.set(value, count + 1);
    else if (this.values.size < 1_000) this.values.set(value, 1);
  }

  summary(): UnusableIdsSummary {
    const values = [...this.values].sort((a, b) => b[1] - a[1]).slice(0, LISTED_VALUES).map(([value, rows]) => ({ value, rows }));
    return { rows: this.rows, rejected: this.rejected, placeholders: this.placeholders, excel: this.excel, values };
  }

  /** "“NA” × 3,526, “-” × 3" */
  describeValues(): string {
    return this.summary()
      .values.slice(0, 5)
      .map(({ value, rows }) => `"${value}" × ${rows}`)
      .join(', ');
  }
}

export interface FloatIdsSummary {
  /** the customer id column */
  column: string;
  /** customers of this file whose id was written as a float ("17850.0") and read as the integer ("17850") */
  ids: number;
  /** the first such id, as written and as read; null when there was none */
  example: { written: string; read: string } | null;
}

/**
 * Customers whose id the file wrote as a float and the import read as the integer (plan
 * `customerIdsAsFloats`): counted once each, so the report can say what was read differently.
 */
export class FloatIdTally {
  private readonly customers = new SlotSet();
  private example: FloatIdsSummary['example'] = null;

  note(reference: CustomerRef, slot: number): void {
    if (!reference.floatWritten) return;
    this.customers.add(slot);
    this.example ??= { written: reference.floatWritten, read: reference.id };
  }

  summary(column: string): FloatIdsSummary {
    return { column, ids: this.customers.size, example: this.example };
  }
}

export interface FarDatesSummary {
  /** rows dated outside the plausible dates */
  rows: number;
  /** of them, rows rejected (when the import was told to) */
  rejected: number;
  /** the earliest and latest such dates, YYYY-MM-DD in the import's time zone */
  earliest: string | null;
  latest: string | null;
}

export class FarDateTally {
  rows = 0;
  rejected = 0;
  private earliest = Number.POSITIVE_INFINITY;
  private latest = Number.NEGATIVE_INFINITY;

  note(ts: number): void {
    this.rows++;
    if (ts < this.earliest) this.earliest = ts;
    if (ts > this.latest) this.latest = ts;
  }

  /** `timeZone`: the zone the file's dates were read in, so the dates show as the file has them */
  summary(timeZone: string): FarDatesSummary {
    const has = this.rows > 0;
    return { rows: this.rows, rejected: this.rejected, earliest: has ? formatLocalDate(this.earliest, timeZone) : null, latest: has ? formatLocalDate(this.latest, timeZone) : null };
  }
}

/**
 * The first row of each order id in this file: its customer slot, time, amount and line.
 * Orders are found by type and id. Ids that are one prefix and a running number ("O17",
 * "100234") — most exports' — sit in a typed array per type indexed by the number: a million
 * rows in id order then touch memory in order, where a hash table of a million keys costs a
 * cache miss a row (the largest single cost of `chainlab rfm` after parsing). Other ids are
 * keyed by their `orderKey` hash.
 */
export class OrderLedger {
  private slot: Int32Array;
  private ts: Float64Array;
  private amount: Float64Array;
  private line: Int32Array;
  private count = 0;
  /** the text before the number of numbered ids (set by the first id that has a number) */
  private prefix: string | undefined;
  /** entry + 1 by number, per type (orders, returns); 0 = none */
  private readonly numbered: [Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0)];

  /** `capacity`: the orders expected (the arrays grow past it; set, they need no copying as they fill) */
  constructor(
    private readonly keys: KeySet,
    capacity = 1024,
  ) {
    this.slot = new Int32Array(capacity);
    this.ts = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.line = new Int32Array(capacity);
  }

  /** The entry of an order or return id seen before in this file, or -1. */
  entryOf(type: string, orderId: string): number {
    const number = this.numberOf(orderId);
    if (number >= 0) {
      const byNumber = this.numbered[typeIndex(type)];
      if (number < byNumber.length && byNumber[number] !== 0) return byNumber[number]! - 1;
      if (this.keys.size === 0) return -1;
    }
    const entry = this.keys.numberOf(orderKey(type, orderId));
    return Number.isNaN(entry) ? -1 : entry;
  }

  /** Records the first row of a new order or return id. */
  add(type: string, orderId: string, slot: number, ts: number, amount: number, line: number): void {
    if (this.count === this.slot.length) this.grow();
    const entry = this.count++;
    this.slot[entry] = slot;
    this.ts[entry] = ts;
    this.amount[entry] = amount;
    this.line[entry] = line;
    const number = this.numberOf(orderId);
    if (number >= 0 && this.fitsNumbered(typeIndex(type), number)) this.numbered[typeIndex(type)][number] = entry + 1;
    else this.keys.add(orderKey(type, orderId), entry);
  }

  /** The running number of an id written as the prefix and a plain number (no leading zero, ≤ 9 digits); -1 otherwise. */
  private numberOf(orderId: string): number {
    if (this.prefix === undefined) {
      let start = orderId.length;
      while (start > 0 && isDigit(orderId.charCodeAt(start - 1))) start--;
      if (start === orderId.length) return -1;
      this.prefix = orderId.slice(0, start);
    }
    const start = this.prefix.length;
    const length = orderId.length - start;
    if (length < 1 || length > 9 || (length > 1 && orderId.charCodeAt(start) === DIGIT_0) || !orderId.startsWith(this.prefix)) return -1;
    let number = 0;
    for (let i = start; i < orderId.length; i++) {
      const code = orderId.charCodeAt(i);
      if (!isDigit(code)) return -1;
      number = number * 10 + (code - DIGIT_0);
    }
    return number;
  }

  /**
   * Whether the array of a type holds `number`, growing it when the numbers are dense enough:
   * at most 4 bytes × (1 Mi, or 8 per entry), so memory stays near that of the hash table.
   */
  private fitsNumbered(type: 0 | 1, number: number): boolean {
    const byNumber = this.numbered[type];
    if (number < byNumber.length) return true;
    const limit = Math.max(NUMBERED_FLOOR, this.count * 8);
    if (number >= limit) return false;
    let size = Math.max(1024, byNumber.length * 2);
    while (size <= number) size *= 2;
    const grown = new Int32Array(Math.min(size, limit));
    grown.set(byNumber);
    this.numbered[type] = grown;
    return true;
  }

  slotOf(entry: number): number {
    return this.slot[entry]!;
  }

  tsOf(entry: number): number {
    return this.ts[entry]!;
  }

  amountOf(entry: number): number {
    return this.amount[entry]!;
  }

  lineOf(entry: number): number {
    return this.line[entry]!;
  }

  private grow(): void {
    const size = Math.max(1024, this.slot.length * 2);
    const slot = new Int32Array(size);
    slot.set(this.slot);
    this.slot = slot;
    const ts = new Float64Array(size);
    ts.set(this.ts);
    this.ts = ts;
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.amount = amount;
    const line = new Int32Array(size);
    line.set(this.line);
    this.line = line;
  }
}

/** Orders counted per customer slot (for `dominantCustomer`). */
export class OrderCounts {
  private counts = new Int32Array(1024);

  add(slot: number): void {
    if (slot >= this.counts.length) {
      let size = this.counts.length * 2;
      while (size <= slot) size *= 2;
      const counts = new Int32Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.counts[slot]!++;
  }

  get values(): Int32Array {
    return this.counts;
  }
}

const DIGIT_0 = 48;
const NUMBERED_FLOOR = 1 << 20;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_0 + 9;
}

/** Orders and returns are keyed apart (an order and a return may share an id). */
function typeIndex(type: string): 0 | 1 {
  return type === RETURN_EVENT ? 1 : 0;
}
