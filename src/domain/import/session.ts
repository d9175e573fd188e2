import { CsvRecordReader } from './csvRecords';
import { EventRowsSink, SlotSet, type EventRows, type EventSink } from './sinks';
import { CustomerDirectory, type KnownCustomer } from './customerDirectory';
import { CustomerRowReader } from './customerRows';
import { ActivityRowReader } from './activityRows';
import { contentKey, hasOrderKey, KeySet, occurrenceKey, orderKey } from './keys';
import type { ImportPlan } from './plan';
import { WarningList, type CustomerMerge, type ImportReject, type ImportReport } from './report';
import { rejectText, type MessageParams, type RejectCode, type WarningCode } from './messages';
import { readActivityRow, finishLineOrders, type ActivityState } from './activitySession';
import { isCustomerField, type CanonicalField } from './fields';
import { LineAggregator } from './lineOrders';
import { formatUtcDate } from '../time/isoFormat';
import type { Counts } from './sessionCounts';

export type { Counts } from './sessionCounts';

/**
 * One import as a stream: decoded text goes in chunk by chunk (from a Web Worker reading a
 * File, or Node reading a file stream), normalised customers and events come out, with the
 * report. Pure: no I/O, no clock (the plan carries "now"). Counting rule, for every kind:
 * each data row is read once and ends up accepted, merged (a duplicate of a customer, order or
 * event seen before — in this file or, in the app, already stored) or rejected.
 */
export interface SessionOptions {
  /** customers already stored (app): matched by id, e-mail, phone; their indexes are kept */
  knownCustomers?: readonly KnownCustomer[];
  /** keys (see keys.ts) of the events already stored (app) */
  knownEventKeys?: KeySet;
  /** where events go; by default columns for `drainEvents` */
  sink?: (directory: CustomerDirectory) => EventSink;
  /**
   * How many rejected rows to list (report `rejects`) and keep with their values (app: what it
   * stores for the download); the count `rejected` is always complete. Default: all (CLI).
   */
  listedRejectsLimit?: number;
}

export interface RejectedRow {
  line: number;
  reason: string;
  code: RejectCode;
  params: MessageParams;
  fields: string[];
}

export class ImportSession implements ActivityState {
  readonly directory: CustomerDirectory;
  readonly counts: Counts = { read: 0, accepted: 0, merged: 0, rejected: 0, events: 0, orders: 0, returns: 0 };
  readonly rejectedRows: RejectedRow[] = [];
  readonly warnings = new WarningList();
  readonly merges: CustomerMerge[] = [];
  readonly customerRows: CustomerRowReader;
  readonly activity: ActivityRowReader | undefined;
  readonly customersSeen = new SlotSet();
  readonly lastSignature = new Map<number, string>();
  readonly lineOrders = new LineAggregator();
  readonly renamedTypes = new Set<string>();
  readonly keptPropKeys: readonly string[];
  private readonly rejects: ImportReject[] = [];
  /** order and return keys of this file, with their amounts */
  private readonly orderKeys: KeySet;
  /** content keys of this file, with how many times each occurred */
  private readonly contentKeys: KeySet;
  /** the key of the last event offered to `addEvent` */
  lastKey = 0;
  private readonly knownKeys: KeySet;
  private readonly reader: CsvRecordReader;
  readonly sink: EventSink;
  private isHeaderPending: boolean;
  private hasStarted = false;
  private isFinished = false;
  private readonly width: number;
  private readonly listedRejectsLimit: number;

  constructor(
    readonly plan: ImportPlan,
    options: SessionOptions = {},
  ) {
    this.directory = new CustomerDirectory(options.knownCustomers);
    this.sink = options.sink ? options.sink(this.directory) : new EventRowsSink();
    const expected = Math.min(plan.estimatedRows, 50_000_000);
    this.orderKeys = new KeySet(plan.kind === 'orders' ? expected : 16_384);
    this.knownKeys = options.knownEventKeys ?? new KeySet();
    this.contentKeys = new KeySet(plan.kind === 'events' && this.knownKeys.size > 0 ? expected : 1024);
    this.customerRows = new CustomerRowReader(plan, (code, line, params, column) => this.warn(code, line, params, column));
    this.activity = plan.kind === 'customers' ? undefined : new ActivityRowReader(plan);
    const keepsProp = this.sink.keepsProp;
    this.keptPropKeys = this.activity && keepsProp ? this.activity.propKeys.filter((key) => keepsProp(key)) : [];
    this.reader = new CsvRecordReader(plan.layout.dialect, (fields, line, _lines, problem, problemField) => this.onRecord(fields, line, problem, problemField));
    this.reader.expectedFields = plan.layout.columns.length;
    this.isHeaderPending = plan.layout.hasHeader;
    this.width = plan.layout.columns.length;
    this.listedRejectsLimit = options.listedRejectsLimit ?? Number.POSITIVE_INFINITY;
  }

  /** The physical line the next record starts on (progress). */
  get line(): number {
    return this.reader.nextLine;
  }

  pushText(text: string): void {
    this.reader.push(text);
  }

  warn(code: WarningCode, line: number, params: MessageParams, column?: string): void {
    this.warnings.add(code, line, params, column);
  }

  reject(line: number, code: RejectCode, params: MessageParams, fields: readonly string[], column?: string): void {
    const reason = rejectText(code, params);
    this.counts.rejected++;
    // A file rejected whole (a wrong date format on a million rows) must not hold a million copies in memory.
    if (this.rejects.length >= this.listedRejectsLimit) return;
    this.rejects.push(column === undefined ? { line, reason, code, params } : { line, reason, code, params, column });
    this.rejectedRows.push({ line, reason, code, params, fields: [...fields] });
  }

  /** Whether rows may skip their props: the sink drops them and no stored event's key needs them. */
  get isSkippingProps(): boolean {
    return this.sink.ignoresProps === true && this.knownKeys.size === 0;
  }

  /**
   * Stores an event unless it was stored before: an order or return with the same order id
   * earlier in this file, or any event with the same key already in the workspace. Returns
   * whether it was new.
   */
  addEvent(slot: number, type: string, ts: number, amount: number, props: Record<string, string>, hasExtraProps: boolean): boolean {
    let key: number;
    if (hasOrderKey(type, props)) {
      key = orderKey(type, props.order_id!);
      this.lastKey = key;
      if (!this.orderKeys.add(key, amount)) return false;
    } else if (this.knownKeys.size > 0) {
      // Equal rows of one file are separate events; only a key already in the store makes one a
      // duplicate. With nothing stored (the command line, an empty workspace) there is nothing to match.
      const base = contentKey(this.directory.idOf(slot), type, ts, Number.isNaN(amount) ? undefined : amount, props, hasExtraProps ? undefined : this.activity!.propKeys);
      key = occurrenceKey(base, this.contentKeys.bump(base));
      this.lastKey = key;
    } else key = -1;
    if (key >= 0 && this.knownKeys.has(key)) return false;
    this.sink.add(slot, type, ts, amount, props);
    this.counts.events++;
    if (type === 'order') this.counts.orders++;
    else if (type === 'return') this.counts.returns++;
    this.customersSeen.add(slot);
    return true;
  }

  /** The amount of the order or return with order key `key` in this file (NaN when none). */
  amountOf(key: number): number {
    return this.orderKeys.numberOf(key);
  }

  /** Events produced since the last call (a writer stores them while the file is still read). */
  drainEvents(): EventRows {
    if (!(this.sink instanceof EventRowsSink)) throw new Error('This session collects CrmEvent records, not rows.');
    return this.sink.drain();
  }

  private onRecord(fields: string[], line: number, problem: string | undefined, problemField: number): void {
    if (line <= this.plan.layout.skipLines || isBlank(fields)) return;
    if (this.isHeaderPending) {
      this.isHeaderPending = false;
      return;
    }
    if (!this.hasStarted) this.start(line);
    this.counts.read++;
    if (problem === 'unterminated_quote') {
      const column = this.plan.layout.columns[problemField] ?? `column ${problemField + 1}`;
      this.reject(line, 'unterminated_quote', { column, next: line + 1 }, fields, column);
      return;
    }
    if (problem === 'malformed_quote') {
      const column = this.plan.layout.columns[problemField] ?? `column ${problemField + 1}`;
      this.warn('malformed_quote', line, { column }, column);
    }
    if (fields.length !== this.width) this.checkWidth(fields, line);
    if (this.activity) readActivityRow(this, fields, line);
    else this.readCustomerRow(fields, line);
  }

  private checkWidth(fields: readonly string[], line: number): void {
    if (fields.length < this.width) {
      // Tools often leave out trailing empty cells; only say so when a mapped column goes missing.
      const mapped = Object.values(this.plan.mapping) as number[];
      if (mapped.some((column) => column >= fields.length)) {
        this.warn('missing_values', line, { count: fields.length, width: this.width });
      }
      return;
    }
    if (this.extraValues(fields).length > 0) {
      this.warn('extra_values', line, { count: fields.length, width: this.width, names: this.extraNames(fields.length) });
    }
  }

  private extraNames(count: number): string {
    const first = this.width + 1;
    return count === first ? `"column ${first}"` : `"column ${first}" … "column ${count}"`;
  }

  /** Non-empty values beyond the header's columns, named "column N". */
  extraValues(fields: readonly string[]): [string, string][] {
    const extras: [string, string][] = [];
    for (let i = this.width; i < fields.length; i++) {
      const value = fields[i]!.trim();
      if (value) extras.push([`column ${i + 1}`, value]);
    }
    return extras;
  }

  private start(line: number): void {
    this.hasStarted = true;
    const { layout, dates } = this.plan;
    if (layout.skipLines > 0) {
      const last = layout.skipLines;
      this.warn('title_lines', 1, { count: last });
    }
    for (const [field, date] of Object.entries(dates) as [CanonicalField, NonNullable<(typeof dates)[CanonicalField]>][]) {
      const column = layout.columns[this.plan.mapping[field]!]!;
      if (date.isAmbiguous) {
        this.warn('ambiguous_dates', line, { column, format: date.format.label }, column);
      }
      if (date.hasConflict) this.warn('date_conflict', line, { column, format: date.format.label }, column);
    }
  }

  private readCustomerRow(fields: string[], line: number): void {
    const reference = this.customerRows.reference(fields);
    if (!reference.id && !reference.email && !reference.phone) {
      this.reject(line, 'no_customer', this.noCustomerParams(fields), fields);
      return;
    }
    const profile = this.customerRows.profile(fields, line);
    const mapped = new Set(Object.values(this.plan.mapping));
    this.plan.layout.columns.forEach((name, index) => {
      if (mapped.has(index)) return;
      const value = (fields[index] ?? '').trim();
      if (value) profile.attrs[name] = value;
    });
    for (const [name, value] of this.extraValues(fields)) profile.attrs[name] = value;
    const match = this.directory.find(reference.id, reference.email, reference.phone);
    const slot = match?.slot ?? this.directory.create(reference.id, reference.email, reference.phone);
    this.directory.applyProfile(slot, profile);
    this.customersSeen.add(slot);
    if (match) {
      this.counts.merged++;
      this.merges.push({ line, customerId: this.directory.idOf(slot), by: match.by });
    } else this.counts.accepted++;
  }

  /** Why a row names no customer: which columns were empty or invalid. */
  noCustomerParams(fields: readonly string[]): MessageParams {
    const named = (['customerId', 'email', 'phone'] as const).filter((field) => this.plan.mapping[field] !== undefined);
    const parts = named.map((field) => {
      const column = this.plan.layout.columns[this.plan.mapping[field]!]!;
      const raw = (fields[this.plan.mapping[field]!] ?? '').trim();
      return raw ? `${column} "${raw}" is not valid` : `${column} is empty`;
    });
    return { details: parts.join(', '), columns: named.map((field) => this.plan.layout.columns[this.plan.mapping[field]!]!).join(', ') };
  }

  /** Reads the rest of the text and returns the report. */
  finish(): ImportReport {
    if (!this.isFinished) {
      this.reader.end();
      if (this.plan.kind === 'lines') finishLineOrders(this);
      this.isFinished = true;
    }
    return this.report();
  }

  private report(): ImportReport {
    const { plan } = this;
    const mapping: Record<string, string> = {};
    for (const [field, column] of Object.entries(plan.mapping)) mapping[field] = plan.layout.columns[column!]!;
    const mapped = new Set(Object.values(plan.mapping));
    const mainDate = plan.kind === 'customers' ? (plan.dates.signupAt ?? plan.dates.birthDate) : plan.dates.ts;
    const dateFormats: Record<string, string> = {};
    for (const [field, date] of Object.entries(plan.dates)) dateFormats[plan.layout.columns[plan.mapping[field as CanonicalField]!]!] = date!.format.label;
    return {
      kind: plan.kind,
      detected: {
        encoding: plan.encoding.label,
        bom: plan.encoding.hasBom,
        delimiter: plan.layout.dialect.delimiter,
        hasHeader: plan.layout.hasHeader,
        dateFormat: mainDate?.format.label ?? null,
        dateAmbiguous: mainDate?.isAmbiguous ?? false,
        dateFormats,
        decimalMark: plan.decimalMark,
        skippedLines: plan.layout.skipLines,
        timeZone: plan.timeZone,
      },
      mapping,
      unmapped: plan.layout.columns.filter((_, index) => !mapped.has(index)),
      read: this.counts.read,
      accepted: this.counts.accepted,
      merged: this.counts.merged,
      rejected: this.counts.rejected,
      customers: this.customersSeen.size,
      events: this.counts.events,
      orders: this.counts.orders,
      returns: this.counts.returns,
      rejects: this.rejects,
      warnings: this.warnings.finish(),
      warningCount: this.warnings.count,
      merges: this.merges,
    };
  }

  futureCheck(ts: number, line: number, field: CanonicalField): void {
    if (ts > this.plan.now + 86_400_000) {
      const column = this.activity!.columnName(field);
      this.warn('future_date', line, { column, date: formatUtcDate(ts) }, column);
    }
  }

  isCustomerMapped(field: CanonicalField): boolean {
    return isCustomerField(field) && this.plan.mapping[field] !== undefined;
  }
}

function isBlank(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field !== '' && field.trim() !== '') return false;
  }
  return true;
}
