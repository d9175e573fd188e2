/**
 * Stable keys that make a re-import change nothing (data-model.md "Import rules"): an order or
 * return is the same record as an earlier one when its type and order id are the same; any
 * other event when its content is the same — customer, type, time, amount and props — and it
 * is the same occurrence of that content (the second of two equal rows is not the first). Keys are
 * 53-bit hashes (cyrb53, fed field by field, numbers by their bits: no key string is built)
 * so a million of them fit in a Set of numbers; the chance that two different events among a
 * million collide is about one in ten thousand.
 */
import { ORDER_EVENT, RETURN_EVENT } from '../model/event';

let h1 = 0;
let h2 = 0;
const floatView = new Float64Array(1);
const wordView = new Uint32Array(floatView.buffer);

function begin(seed: number): void {
  h1 = 0xdeadbeef ^ seed;
  h2 = 0x41c6ce57 ^ seed;
}

function mix(code: number): void {
  h1 = Math.imul(h1 ^ code, 2_654_435_761);
  h2 = Math.imul(h2 ^ code, 1_597_334_677);
}

function mixText(text: string): void {
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  mix(0x1f);
}

function mixNumber(value: number): void {
  floatView[0] = value;
  mix(wordView[0]!);
  mix(wordView[1]!);
}

function end(): number {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507);
  a ^= Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  let b = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507);
  b ^= Math.imul(a ^ (a >>> 13), 3_266_489_909);
  return 4_294_967_296 * (2_097_151 & b) + (a >>> 0);
}

export function hash53(text: string, seed = 0): number {
  begin(seed);
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  return end();
}

/** The prop an order's id is kept in (FIELD_SPECS.orderId.propKey). */
export const ORDER_ID_PROP = 'order_id';

/** Whether an event is keyed by its order id (orders and returns that have one). */
export function hasOrderKey(type: string, props: Record<string, string>): boolean {
  return Boolean(props.order_id) && (type === ORDER_EVENT || type === RETURN_EVENT);
}

let lastOrderType = '';
let lastOrderId = '';
let lastOrderKey = Number.NaN;

export function orderKey(type: string, orderId: string): number {
  // a row's order key is asked for when the row is checked and again when it is stored
  if (orderId === lastOrderId && type === lastOrderType && !Number.isNaN(lastOrderKey)) return lastOrderKey;
  begin(1);
  mixText(type);
  mixText(orderId);
  lastOrderType = type;
  lastOrderId = orderId;
  lastOrderKey = end();
  return lastOrderKey;
}

/**
 * The content key of an event. `propKeys` lists the prop names to include, sorted (the order
 * is part of the key); props without a value do not count.
 */
export function contentKey(customerId: string, type: string, ts: number, amount: number | undefined, props: Record<string, string>, propKeys?: readonly string[]): number {
  begin(2);
  mixText(customerId);
  mixText(type);
  mixNumber(ts);
  mixNumber(amount ?? Number.NaN);
  for (const key of propKeys ?? Object.keys(props).sort()) {
    const value = props[key];
    if (value === undefined || value === '') continue;
    mixText(key);
    mixText(value);
  }
  return end();
}

/**
 * The key of the k-th (0-based) event with the same content. Identical rows of one file are
 * separate facts (two equal purchases on one day), so each gets its own key; importing the
 * file again gives the same keys, so nothing is added twice.
 */
export function occurrenceKey(base: number, occurrence: number): number {
  if (occurrence === 0) return base;
  begin(3);
  mixNumber(base);
  mixNumber(occurrence);
  return end();
}

/** The keys of stored events, computed exactly as an import computes them. */
export class EventKeyCounter {
  private readonly occurrences = new KeySet();

  key(customerId: string, type: string, ts: number, amount: number | undefined, props: Record<string, string>): number {
    if (hasOrderKey(type, props)) return orderKey(type, props.order_id!);
    const base = contentKey(customerId, type, ts, amount, props);
    return occurrenceKey(base, this.occurrences.bump(base));
  }
}

/**
 * A set of 53-bit keys, each with a number, without a boxed number per key (a JS Set of such
 * numbers allocates one for each and was the slowest part of reading a million events). The
 * keys and numbers are kept in insertion order (written one after the other); the hash table
 * only holds, per slot, the key's low 32 bits and its entry: 8 bytes, half the memory a
 * million random probes walk through (cache and TLB misses were most of the cost). A slot
 * whose low bits match is confirmed against the full key. Open addressing, grown at half load.
 */
export class KeySet {
  /** per slot: the key's low 32 bits at 2i, entry + 1 at 2i + 1 (0 = empty: a new table needs no filling) */
  private table: Uint32Array;
  private mask: number;
  private keys: Float64Array;
  private numbers: Float64Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.table = new Uint32Array(size * 2);
    this.mask = size - 1;
    const entries = Math.max(capacity, 16);
    this.keys = new Float64Array(entries);
    this.numbers = new Float64Array(entries);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The last `find` (key and position; NaN = none): an order is looked up when its row is
   * checked, again when it is stored and once more when added, three probes of a table too big
   * for the cache — the memo makes them one. Valid until the table changes (`insertAt`).
   */
  private foundKey = Number.NaN;
  private foundAt = 0;

  /** The table position (2i) of `key`, or of the empty slot where it would go. */
  private find(key: number): number {
    if (key === this.foundKey) return this.foundAt;
    const at = this.probe(key);
    this.foundKey = key;
    this.foundAt = at;
    return at;
  }

  private probe(key: number): number {
    const table = this.table;
    const low = key >>> 0;
    let index = low & this.mask;
    for (;;) {
      const entry = table[index * 2 + 1]!;
      if (entry === 0 || (table[index * 2] === low && this.keys[entry - 1] === key)) return index * 2;
      index = (index + 1) & this.mask;
    }
  }

  has(key: number): boolean {
    return this.table[this.find(key) + 1] !== 0;
  }

  /** Adds `key` (with `number`); returns false when it was already there. */
  add(key: number, number = 0): boolean {
    const at = this.find(key);
    if (this.table[at + 1] !== 0) return false;
    this.insertAt(at, key, number);
    return true;
  }

  /** Stores `number` with `key`, adding the key when absent. */
  set(key: number, number: number): void {
    const at = this.find(key);
    const entry = this.table[at + 1]!;
    if (entry !== 0) this.numbers[entry - 1] = number;
    else this.insertAt(at, key, number);
  }

  /** Adds one to the number kept with `key` (adding it with 1); returns the number before. */
  bump(key: number): number {
    const at = this.find(key);
    const entry = this.table[at + 1]!;
    if (entry !== 0) {
      const before = this.numbers[entry - 1]!;
      this.numbers[entry - 1] = before + 1;
      return before;
    }
    this.insertAt(at, key, 1);
    return 0;
  }

  /** The number stored with `key`, NaN when the key is absent. */
  numberOf(key: number): number {
    const entry = this.table[this.find(key) + 1]!;
    return entry !== 0 ? this.numbers[entry - 1]! : Number.NaN;
  }

  private insertAt(at: number, key: number, number: number): void {
    if (this.count === this.keys.length) this.growEntries();
    this.keys[this.count] = key;
    this.numbers[this.count] = number;
    this.count++;
    this.table[at] = key >>> 0;
    this.table[at + 1] = this.count;
    // the key now sits where it was looked for; another key's empty slot may be taken
    this.foundKey = key;
    this.foundAt = at;
    if (this.count * 2 > this.mask) this.growTable();
  }

  private growEntries(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  private growTable(): void {
    const size = (this.mask + 1) * 2;
    const table = new Uint32Array(size * 2);
    const mask = size - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const low = this.keys[entry]! >>> 0;
      let index = low & mask;
      while (table[index * 2 + 1] !== 0) index = (index + 1) & mask;
      table[index * 2] = low;
      table[index * 2 + 1] = entry + 1;
    }
    this.table = table;
    this.mask = mask;
    this.foundKey = Number.NaN;
  }

  /** The keys, in the order they were added. */
  values(): number[] {
    return Array.from(this.keys.subarray(0, this.count));
  }
}
