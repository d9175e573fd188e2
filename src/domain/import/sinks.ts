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

/** A prop kept as codes: 0 = no value, k = values[k - 1]. */
export interface PropCodes {
  values: string[];
  codes: Uint32Array;
}

/** Events as typed columns, without props but the few kept: what a command that needs who, what, when and how much keeps. */
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
  /** the props asked to be kept (`EventColumnsSink`), by key */
  props: Record<string, PropCodes>;
}

interface PropCoder {
  key: string;
  values: string[];
  codeOf: Map<string, number>;
  codes: Uint32Array;
}

/**
 * Keeps events as typed columns and drops their props (`chainlab rfm`), or all but a few
 * (`chainlab stages` keeps the channel and the NPS score): a million events cost 22 bytes each
 * (4 more per kept prop) instead of an object, a props object and its strings. Same events,
 * same order as the other sinks.
 */
export class EventColumnsSink implements EventSink {
  readonly ignoresProps: boolean;
  private columns: EventColumns = { count: 0, slot: new Int32Array(1024), type: new Uint16Array(1024), types: [], ts: new Float64Array(1024), amount: new Float64Array(1024), props: {} };
  private readonly typeCodes = new Map<string, number>();
  private readonly coders: PropCoder[];

  constructor(keptProps: readonly string[] = []) {
    this.ignoresProps = keptProps.length === 0;
    this.coders = keptProps.map((key) => ({ key, values: [], codeOf: new Map(), codes: new Uint32Array(1024) }));
  }

  add(slot: number, type: string, ts: number, amount: number, props?: Record<string, string>): void {
    if (this.columns.count === this.columns.slot.length) this.grow();
    const columns = this.columns;
    const row = columns.count;
    columns.slot[row] = slot;
    columns.type[row] = this.typeCode(type);
    columns.ts[row] = ts;
    columns.amount[row] = amount;
    columns.count = row + 1;
    if (props) for (const coder of this.coders) coder.codes[row] = propCode(coder, props[coder.key]);
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
    const { count, slot, type, ts, amount, types, props } = this.columns;
    const size = count * 2;
    this.columns = { count, types, props, slot: grown(new Int32Array(size), slot), type: grown(new Uint16Array(size), type), ts: grown(new Float64Array(size), ts), amount: grown(new Float64Array(size), amount) };
    for (const coder of this.coders) coder.codes = grown(new Uint32Array(size), coder.codes);
  }

  /** The columns, cut to the events added. */
  finish(): EventColumns {
    const { count, slot, type, ts, amount, types } = this.columns;
    const props: Record<string, PropCodes> = {};
    for (const coder of this.coders) props[coder.key] = { values: coder.values, codes: coder.codes.subarray(0, count) };
    return { count, types, props, slot: slot.subarray(0, count), type: type.subarray(0, count), ts: ts.subarray(0, count), amount: amount.subarray(0, count) };
  }
}

function propCode(coder: PropCoder, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  let code = coder.codeOf.get(value);
  if (code === undefined) {
    coder.values.push(value);
    code = coder.values.length;
    coder.codeOf.set(value, code);
  }
  return code;
}

function grown<T extends Int32Array | Uint16Array | Uint32Array | Float64Array>(into: T, from: T): T {
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

