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

