import { formatLocalDate } from '../time/localDay';
import type { CustomerRef } from './customerRows';
import type { KeySet } from './keys';

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

/** The first row of each order id in this file: its customer slot, time, amount and line. */
export class OrderLedger {
  private slot = new Int32Array(1024);
  private ts = new Float64Array(1024);
  private amount = new Float64Array(1024);
  private line = new Int32Array(1024);
  private count = 0;

  constructor(private readonly keys: KeySet) {}

  /** The entry of an order key seen before in this file, or -1. */
  entryOf(key: number): number {
    const entry = this.keys.numberOf(key);
    return Number.isNaN(entry) ? -1 : entry;
  }

  /** Records the first row of a new order key. */
  add(key: number, slot: number, ts: number, amount: number, line: number): void {
    if (this.count === this.slot.length) this.grow();
    const entry = this.count++;
    this.slot[entry] = slot;
    this.ts[entry] = ts;
    this.amount[entry] = amount;
    this.line[entry] = line;
    this.keys.add(key, entry);
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
    const size = this.slot.length * 2;
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
