import { packDictColumn, type DictColumn } from '../columnar/dictColumn';
import type { CrmEvent } from '../model/event';
import type { CustomerDirectory } from './customerDirectory';

/** Where an import session's events go, and the small structures it counts with. */
/** Events as columns, in the order they were produced; `slot` refers to the customer directory. */
export interface EventRows {
  slot: number[];
  type: string[];
  ts: number[];
  /** NaN = no amount */
  amount: number[];
  props: Record<string, string>[];
}

export function emptyEventRows(): EventRows {
  return { slot: [], type: [], ts: [], amount: [], props: [] };
}

/** Where a session puts the events it produces. */
export interface EventSink {
  /** true: the sink drops props, so a row need not make them (only what keys the event) */
  readonly ignoresProps?: boolean;
  /** with `ignoresProps`: the prop keys it keeps all the same (rows then make only those and an order's id) */
  readonly keepsProp?: (key: string) => boolean;
  add(slot: number, type: string, ts: number, amount: number, props: Record<string, string>): void;
}

/** Keeps events as columns until drained (the app's worker writes them into blocks as it goes). */
export class EventRowsSink implements EventSink {
  private rows = emptyEventRows();

  add(slot: number, type: string, ts: number, amount: number, props: Record<string, string>): void {
    const rows = this.rows;
    rows.slot.push(slot);
    rows.type.push(type);
    rows.ts.push(ts);
    rows.amount.push(amount);
    rows.props.push(props);
  }

  drain(): EventRows {
    const drained = this.rows;
    this.rows = emptyEventRows();
    return drained;
  }
}

/**
 * Makes CrmEvent records straight away (the command line): no second pass over a million
 * events. A customer first seen by e-mail and later given its id is corrected at the end.
 */
export class CrmEventSink implements EventSink {
  readonly events: CrmEvent[] = [];
  private readonly slots: number[] = [];

  constructor(private readonly directory: CustomerDirectory) {}

  add(slot: number, type: string, ts: number, amount: number, props: Record<string, string>): void {
    const event: CrmEvent = Number.isNaN(amount)
      ? { customerId: this.directory.idOf(slot), type, ts, props }
      : { customerId: this.directory.idOf(slot), type, ts, amount, props };
    this.events.push(event);
    this.slots.push(slot);
  }

  /** Event customer ids as they are at the end of the file. */
  finish(): CrmEvent[] {
    if (this.directory.hasRenamedSlots) {
      for (let i = 0; i < this.events.length; i++) this.events[i]!.customerId = this.directory.idOf(this.slots[i]!);
    }
    return this.events;
  }
}

/** Events as typed columns, without props: what a command that only needs who, what, when and how much keeps. */
export interface EventColumns {
  count: number;
  /** customer slot (see CustomerDirectory) */
  slot: Int32Array;
  /** index into `types` */
  type: Uint16Array;
  types: string[];
  ts: Float64Array;
  /** NaN = no amount */
  amount: Float64Array;
  /** the props the sink was asked to keep (`keepsProp`), dictionary-encoded; none otherwise */
  props: Record<string, DictColumn>;
}

/** One kept prop while rows come in: the rows that have a value and their codes. */
interface KeptProp {
  values: string[];
  codeOf: Map<string, number>;
  rows: number[];
  codes: number[];
}

/**
 * Keeps events as typed columns and drops their props (`chainlab rfm`): a million events cost
 * 22 bytes each instead of an object, a props object and its strings. Same events, same order
 * as the other sinks. `keepsProp` names props to keep all the same, as dictionary columns
 * (`chainlab metrics` keeps the attribution props `utm_source`, `campaign` …).
 */
export class EventColumnsSink implements EventSink {
  readonly ignoresProps = true;
  private columns: Omit<EventColumns, 'props'>;
  private readonly typeCodes = new Map<string, number>();
  /** kept props by key; null for a key the sink was asked about and does not keep */
  private readonly kept = new Map<string, KeptProp | null>();

  /** `capacity`: the events expected (the plan's estimate): columns that grow past it copy themselves each time they double */
  constructor(
    readonly keepsProp?: (key: string) => boolean,
    capacity = 1024,
  ) {
    const size = Math.max(16, capacity);
    this.columns = { count: 0, slot: new Int32Array(size), type: new Uint16Array(size), types: [], ts: new Float64Array(size), amount: new Float64Array(size) };
  }

  add(slot: number, type: string, ts: number, amount: number, props?: Record<string, string>): void {
    if (this.keepsProp && props) this.keepProps(this.columns.count, props);
    if (this.columns.count === this.columns.slot.length) this.grow();
    const columns = this.columns;
    const row = columns.count;
    columns.slot[row] = slot;
    columns.type[row] = this.typeCode(type);
    columns.ts[row] = ts;
    columns.amount[row] = amount;
    columns.count = row + 1;
  }

  private keepProps(row: number, props: Record<string, string>): void {
    for (const key in props) {
      let prop = this.kept.get(key);
      if (prop === undefined) {
        prop = this.keepsProp!(key) ? { values: [], codeOf: new Map(), rows: [], codes: [] } : null;
        this.kept.set(key, prop);
      }
      if (prop === null) continue;
      const value = props[key]!;
      let code = prop.codeOf.get(value);
      if (code === undefined) {
        code = prop.values.push(value);
        prop.codeOf.set(value, code);
      }
      prop.rows.push(row);
      prop.codes.push(code);
    }
  }

  private lastType: string | undefined;
  private lastCode = -1;

  private typeCode(type: string): number {
    // Files are runs of one type (every row of an orders file is an order): no lookup per event.
    if (type === this.lastType) return this.lastCode;
    let code = this.typeCodes.get(type);
    if (code === undefined) {
      code = this.columns.types.length;
      this.columns.types.push(type);
      this.typeCodes.set(type, code);
    }
    this.lastType = type;
    this.lastCode = code;
    return code;
  }

  private grow(): void {
    const { count, slot, type, ts, amount, types } = this.columns;
    const size = count * 2;
    this.columns = { count, types, slot: grown(new Int32Array(size), slot), type: grown(new Uint16Array(size), type), ts: grown(new Float64Array(size), ts), amount: grown(new Float64Array(size), amount) };
  }

  /** The columns, cut to the events added. */
  finish(): EventColumns {
    const { count, slot, type, ts, amount, types } = this.columns;
    const props: Record<string, DictColumn> = {};
    for (const [key, prop] of this.kept) if (prop) props[key] = packDictColumn(prop.values, prop.rows, prop.codes, count);
    return { count, types, slot: slot.subarray(0, count), type: type.subarray(0, count), ts: ts.subarray(0, count), amount: amount.subarray(0, count), props };
  }
}

function grown<T extends Int32Array | Uint16Array | Float64Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

/** A set of small non-negative integers (customer slots) as a growing bitmap. */
export class SlotSet {
  private bits = new Uint8Array(1024);
  size = 0;

  add(slot: number): void {
    if (slot >= this.bits.length) {
      const grown = new Uint8Array(Math.max(slot + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    if (this.bits[slot] === 0) {
      this.bits[slot] = 1;
      this.size++;
    }
  }

  has(slot: number): boolean {
    return this.bits[slot] === 1;
  }
}

