import { createDictColumnBuilder, dictRecordAt, type DictColumnBuilder } from '../columnar/dictColumn';
import type { CustomerBlock } from '../columnar/customerBlock';
import { allocateEventBlock, type EventBlock } from '../columnar/eventBlock';
import type { KnownCustomer } from './customerDirectory';
import { EventKeyCounter, KeySet } from './keys';
import type { EventRows } from './sinks';

/**
 * Between an import session and the columnar store: session events become sorted event blocks
 * without an object per event, and stored blocks become what the session must know to merge
 * customers and skip events imported before.
 */

/** Event type names → indexes of the workspace's type list, growing it for new types. */
export class TypeIndex {
  private readonly index = new Map<string, number>();

  constructor(readonly types: string[]) {
    types.forEach((type, i) => this.index.set(type, i));
  }

  of(type: string): number {
    let code = this.index.get(type);
    if (code === undefined) {
      code = this.types.length;
      this.types.push(type);
      this.index.set(type, code);
    }
    return code;
  }
}

/** The (customer, ts, type) order of rows `from..to` of `rows`. */
function sortOrder(rows: EventRows, from: number, to: number, types: Uint16Array): Uint32Array {
  const order = new Uint32Array(to - from);
  for (let i = 0; i < order.length; i++) order[i] = from + i;
  const { slot, ts } = rows;
  order.sort((a, b) => slot[a]! - slot[b]! || ts[a]! - ts[b]! || types[a - from]! - types[b - from]! || a - b);
  return order;
}

/**
 * Cuts session events into blocks of at most `blockSize` rows, each sorted by (customer, ts)
 * as the store requires. `slot` is already the workspace customer index.
 */
export function eventBlocksFromRows(rows: EventRows, typeIndex: TypeIndex, blockSize: number): EventBlock[] {
  const blocks: EventBlock[] = [];
  const total = rows.ts.length;
  for (let from = 0; from < total; from += blockSize) {
    const to = Math.min(total, from + blockSize);
    const types = new Uint16Array(to - from);
    for (let i = from; i < to; i++) types[i - from] = typeIndex.of(rows.type[i]!);
    blocks.push(buildBlock(rows, sortOrder(rows, from, to, types), types, from));
  }
  return blocks;
}

function buildBlock(rows: EventRows, order: Uint32Array, types: Uint16Array, from: number): EventBlock {
  const count = order.length;
  const block = allocateEventBlock(count);
  const builders = new Map<string, DictColumnBuilder>();
  for (let row = 0; row < count; row++) {
    const source = order[row]!;
    block.ts[row] = rows.ts[source]!;
    block.amount[row] = rows.amount[source]!;
    block.customer[row] = rows.slot[source]!;
    block.type[row] = types[source - from]!;
    const props = rows.props[source]!;
    for (const key in props) {
      let builder = builders.get(key);
      if (!builder) {
        builder = createDictColumnBuilder(count);
        builders.set(key, builder);
      }
      builder.add(row, props[key]);
    }
  }
  for (const [key, builder] of builders) block.props[key] = builder.finish();
  return block;
}

/** The stored customers as the session needs them: index, id, e-mail, phone. */
export function knownCustomersOf(blocks: readonly CustomerBlock[]): KnownCustomer[] {
  const known: KnownCustomer[] = [];
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const customer: KnownCustomer = { index: block.start + row, id: block.id[row]! };
      const email = block.text.email[row];
      const phone = block.text.phone[row];
      if (email) customer.email = email;
      if (phone) customer.phone = phone;
      known.push(customer);
    }
  }
  return known;
}

/** The keys of every stored event (see keys.ts), so a re-import adds none of them again. */
export function storedEventKeys(blocks: readonly EventBlock[], eventTypes: readonly string[], customerIds: (index: number) => string): KeySet {
  const counter = new EventKeyCounter();
  const keys = new KeySet(blocks.reduce((sum, block) => sum + block.count, 0));
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      const amount = block.amount[row]!;
      const props = dictRecordAt(block.props, row);
      keys.add(counter.key(customerIds(block.customer[row]!), eventTypes[block.type[row]!] ?? '', block.ts[row]!, Number.isNaN(amount) ? undefined : amount, props));
    }
  }
  return keys;
}
