import { CsvRecordReader, MAX_LINE_CHARS, type RecordProblem } from './csvRecords';
import { EventRowsSink, SlotSet, type EventRows, type EventSink } from './sinks';
import { CustomerDirectory, type KnownCustomer } from './customerDirectory';
import { CustomerRowReader } from './customerRows';
import { ActivityRowReader } from './activityRows';
import { contentKey, hasOrderKey, KeySet, occurrenceKey, orderKey } from './keys';
import { ORDER_EVENT } from '../model/event';
import type { ImportPlan } from './plan';
import { WarningList, type CustomerMerge, type ImportReject, type ImportReport } from './report';
import { boundedParams, rejectText, type MessageParams, type RejectCode, type WarningCode } from './messages';
import { FarDateTally, FloatIdTally, OrderCounts, OrderLedger, UnusableIdTally } from './rowChecks';
import type { CustomerRef } from './customerRows';
import { dominantCustomer } from '../quality/dominantCustomer';
import { describeWindow } from '../time/plausibleDates';
import { isSameRow } from './sniff';
import { readActivityRow, finishLineOrders, type ActivityState } from './activitySession';
import { isCustomerField, type CanonicalField } from './fields';
import { LineAggregator } from './lineOrders';
import { formatLocalDate } from '../time/localDay';
import type { Counts } from './sessionCounts';

/** what TextDecoder puts for bytes its encoding cannot read */
const REPLACEMENT_CHARACTER = '\uFFFD';

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
   * stores for the download); the count `rejected` is always complete. Default: all.
   */
  listedRejectsLimit?: number;
  /**
   * Receives every rejected row with its values as it is rejected (the command line streams
   * them to `--rejects`); they are then not kept in `rejectedRows`.
   */
  onRejectedRow?: (row: RejectedRow) => void;
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
  /** the first row of each order and return key of this file */
  readonly ledger: OrderLedger;
  readonly unusableIds = new UnusableIdTally();
  readonly floatIds = new FloatIdTally();
  readonly farDates = new FarDateTally();
  private readonly ordersPerSlot = new OrderCounts();
  /** content keys of this file, with how many times each occurred */
  private readonly contentKeys: KeySet;
  private readonly knownKeys: KeySet;
  private readonly reader: CsvRecordReader;
  readonly sink: EventSink;
  private isHeaderPending: boolean;
  private hasStarted = false;
  /** a decoded chunk held U+FFFD: bytes the file's encoding could not read (rows are checked from then on) */
  private mayHaveUndecodable = false;
  private isFinished = false;
  private readonly width: number;
  /** the header's first character in both cases ('' when the first column has no name, as in pandas' index column) */
  private readonly headerFirstChars: [string, string];
  private readonly listedRejectsLimit: number;
  private readonly onRejectedRow: ((row: RejectedRow) => void) | undefined;

  constructor(
    readonly plan: ImportPlan,
    options: SessionOptions = {},
  ) {
    this.directory = new CustomerDirectory(options.knownCustomers);
    this.sink = options.sink ? options.sink(this.directory) : new EventRowsSink();
    const expected = Math.min(plan.estimatedRows, 50_000_000);
    this.ledger = plan.kind === 'orders' ? new OrderLedger(new KeySet(expected), expected) : new OrderLedger(new KeySet(16_384));
    this.knownKeys = options.knownEventKeys ?? new KeySet();
    this.contentKeys = new KeySet(plan.kind === 'events' && this.knownKeys.size > 0 ? expected : 1024);
    this.customerRows = new CustomerRowReader(plan, (code, line, params, column) => this.warn(code, line, params, column));
    this.activity = plan.kind === 'customers' ? undefined : new ActivityRowReader(plan, (code, line, params, column) => this.warn(code, line, params, column));
    const keepsProp = this.sink.keepsProp;
    this.keptPropKeys = this.activity && keepsProp ? this.activity.propKeys.filter((key) => keepsProp(key)) : [];
    this.reader = new CsvRecordReader(plan.layout.dialect, (fields, line, _lines, problem, problemField, droppedNuls) => this.onRecord(fields, line, problem, problemField, droppedNuls));
    this.reader.expectedFields = plan.layout.columns.length;
    this.isHeaderPending = plan.layout.hasHeader;
    this.width = plan.layout.columns.length;
    const headerFirst = plan.layout.headerFields[0] ?? '';
    this.headerFirstChars = [headerFirst.toLowerCase().charAt(0), headerFirst.toUpperCase().charAt(0)];
    this.listedRejectsLimit = options.listedRejectsLimit ?? Number.POSITIVE_INFINITY;
    this.onRejectedRow = options.onRejectedRow;
  }

  /** The physical line the next record starts on (progress). */
  get line(): number {
    return this.reader.nextLine;
  }

  pushText(text: string): void {
    // one native search per chunk; only a file with unreadable bytes pays for checking its rows
    if (!this.mayHaveUndecodable && text.includes(REPLACEMENT_CHARACTER)) this.mayHaveUndecodable = true;
    this.reader.push(text);
  }

  warn(code: WarningCode, line: number, params: MessageParams, column?: string): void {
    this.warnings.add(code, line, boundedParams(params), column);
  }

  reject(line: number, code: RejectCode, rawParams: MessageParams, fields: readonly string[], column?: string): void {
    const params = boundedParams(rawParams);
    const reason = rejectText(code, params);
    this.counts.rejected++;
    this.onRejectedRow?.({ line, reason, code, params, fields: [...fields] });
    // A file rejected whole (a wrong date format on a million rows) must not hold a million copies in memory.
    if (this.rejects.length >= this.listedRejectsLimit) return;
    this.rejects.push(column === undefined ? { line, reason, code, params } : { line, reason, code, params, column });
    if (!this.onRejectedRow) this.rejectedRows.push({ line, reason, code, params, fields: [...fields] });
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
  addEvent(slot: number, type: string, ts: number, amount: number, props: Record<string, string>, hasExtraProps: boolean, line: number): boolean {
    let key: number;
    if (hasOrderKey(type, props)) {
      // the order's key only to look up among stored events (none on the command line)
      key = this.knownKeys.size > 0 ? orderKey(type, props.order_id!) : -1;
      if (this.ledger.entryOf(type, props.order_id!) >= 0) return false;
      this.ledger.add(type, props.order_id!, slot, ts, amount, line);
    } else if (this.knownKeys.size > 0) {
      // Equal rows of one file are separate events; only a key already in the store makes one a
      // duplicate. With nothing stored (the command line, an empty workspace) there is nothing to match.
      const base = contentKey(this.directory.idOf(slot), type, ts, Number.isNaN(amount) ? undefined : amount, props, hasExtraProps ? undefined : this.activity!.propKeys);
      key = occurrenceKey(base, this.contentKeys.bump(base));
    } else key = -1;
    if (key >= 0 && this.knownKeys.has(key)) return false;
    this.sink.add(slot, type, ts, amount, props);
    this.counts.events++;
    if (type === ORDER_EVENT) {
      this.counts.orders++;
      this.ordersPerSlot.add(slot);
    }
    else if (type === 'return') this.counts.returns++;
    this.customersSeen.add(slot);
    return true;
  }

  /** Events produced since the last call (a writer stores them while the file is still read). */
  drainEvents(): EventRows {
    if (!(this.sink instanceof EventRowsSink)) throw new Error('This session collects CrmEvent records, not rows.');
    return this.sink.drain();
  }

  private onRecord(fields: string[], line: number, problem: RecordProblem | undefined, problemField: number, droppedNuls: number): void {
    if (line <= this.plan.layout.skipLines || isBlank(fields)) return;
    if (this.isHeaderPending) {
      this.isHeaderPending = false;
      return;
    }
    if (this.isRepeatedHeader(fields)) {
      this.warn('repeated_header', line, {});
      return;
    }
    if (!this.hasStarted) this.start(line);
    this.counts.read++;
    if (droppedNuls > 0) this.warn('nul_dropped', line, { count: droppedNuls });
    if (problem === 'oversized') {
      this.reject(line, 'oversized', { limit: MAX_LINE_CHARS.toLocaleString('en-US') }, fields);
      return;
    }
    if (problem === 'unterminated_quote') {
      const column = this.plan.layout.columns[problemField] ?? `column ${problemField + 1}`;
      this.reject(line, 'unterminated_quote', { column, next: line + 1 }, fields, column);
      return;
    }
    if (this.mayHaveUndecodable && this.rejectUndecodable(fields, line)) return;
    if (problem === 'malformed_quote') {
      const column = this.plan.layout.columns[problemField] ?? `column ${problemField + 1}`;
      this.warn('malformed_quote', line, { column }, column);
    }
    if (fields.length !== this.width) this.checkWidth(fields, line);
    if (this.activity) readActivityRow(this, fields, line);
    else this.readCustomerRow(fields, line);
  }

  /**
   * A value with bytes the encoding could not read would be stored garbled (U+FFFD in a name, an
   * id that matches nobody): the row is rejected and says which value and which encoding.
   */
  private rejectUndecodable(fields: readonly string[], line: number): boolean {
    const at = fields.findIndex((field) => field.includes(REPLACEMENT_CHARACTER));
    if (at < 0) return false;
    const column = this.plan.layout.columns[at] ?? `column ${at + 1}`;
    this.reject(line, 'undecodable', { column, value: fields[at]!, encoding: this.plan.encoding.label }, fields, column);
    return true;
  }

  /** A line equal to the header (exports joined one after the other); most rows are told apart by their width or first character. */
  private isRepeatedHeader(fields: readonly string[]): boolean {
    const header = this.plan.layout.headerFields;
    if (header.length === 0 || fields.length !== header.length) return false;
    const first = fields[0]!.trim().charAt(0);
    return (first === this.headerFirstChars[0] || first === this.headerFirstChars[1]) && isSameRow(fields, header);
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
    if (reference.idIssue) this.unusableIds.note(reference, line);
    if (!reference.id && !reference.email && !reference.phone) {
      this.rejectNoCustomer(reference, fields, line);
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
    this.floatIds.note(reference, slot);
    this.directory.applyProfile(slot, profile);
    this.customersSeen.add(slot);
    if (match) {
      this.counts.merged++;
      this.merges.push({ line, customerId: this.directory.idOf(slot), by: match.by });
    } else this.counts.accepted++;
  }

  /** Rejects a row that names no customer; a placeholder or Excel-rounded id gets its own reason. */
  rejectNoCustomer(reference: CustomerRef, fields: readonly string[], line: number): void {
    if (!reference.idIssue) return this.reject(line, 'no_customer', this.noCustomerParams(fields), fields);
    this.unusableIds.rejected++;
    const column = this.customerRows.idColumn;
    this.reject(line, reference.idIssue === 'excel' ? 'excel_id' : 'placeholder_id', { column, value: reference.unusedId }, fields, column);
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
      this.noteFileWideFindings();
      this.isFinished = true;
    }
    return this.report();
  }

  /** Warnings about the file as a whole: ids that identified nobody, a customer with an implausible share of the orders. */
  private noteFileWideFindings(): void {
    const ids = this.unusableIds;
    if (ids.rows > 0) this.warn('placeholder_ids', ids.firstLine, { column: this.customerRows.idColumn, rows: ids.rows, rejected: ids.rejected, values: ids.describeValues() }, this.customerRows.idColumn);
    const dominant = dominantCustomer(this.ordersPerSlot.values);
    if (dominant) {
      const customer = this.directory.idOf(dominant.index);
      this.warn('dominant_customer', 0, { customer, orders: dominant.orders, total: dominant.totalOrders, share: Math.round(dominant.share * 1000) / 10 });
    }
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
        placeholderIds: [...plan.placeholderIds],
        plausibleDates: describeWindow(plan.plausible),
        farDates: plan.farDates,
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
      unusableIds: this.unusableIds.summary(),
      floatIds: this.floatIds.summary(this.customerRows.idColumn),
      farDates: this.farDates.summary(this.plan.timeZone),
    };
  }

  /**
   * Whether a row's date may be kept: a date outside the plausible dates is warned about and
   * kept (left out of default dates later), or rejected when the plan says so.
   */
  checkDate(ts: number, line: number, fields: readonly string[]): boolean {
    const { plausible } = this.plan;
    if (ts >= plausible.from && ts <= plausible.to) return true;
    this.farDates.note(ts);
    const column = this.activity!.columnName('ts');
    const date = formatLocalDate(ts, this.plan.timeZone);
    if (this.plan.farDates === 'reject') {
      this.farDates.rejected++;
      this.reject(line, 'implausible_date', { column, date, window: describeWindow(plausible) }, fields, column);
      return false;
    }
    const [from, to] = describeWindow(plausible).split(' … ');
    if (ts > plausible.to) this.warn('future_date', line, { column, date, to: to! }, column);
    else this.warn('early_date', line, { column, date, from: from! }, column);
    return true;
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
