import type { Customer } from '../model/customer';
import { unknownConsents } from '../model/customer';
import { mergeCustomer } from '../customers/mergeCustomer';
import type { EventColumns } from '../import/sinks';
import { buildCustomerBlocks, type CustomerBlock } from './customerBlock';
import { createDictColumnBuilder, denseDictCodes, type DictColumn } from './dictColumn';
import { DEFAULT_EVENT_BLOCK_SIZE, allocateEventBlock, type EventBlock } from './eventBlock';

/**
 * Files read as event columns (import/sinks.ts `EventColumnsSink`) into the customer and event
 * blocks the app stores, numbered exactly as `blocksFromRecords` numbers the same files read as
 * records — customers with profile data first, in order, then the customers events name, in
 * the order of their first event — without a million event objects in between: the command
 * line's `stages` reads a gigabyte of events this way in bounded memory.
 */
export interface ColumnsFile {
  /** customers with profile data in the file */
  customers: readonly Customer[];
  events: EventColumns;
  /** customer id of each slot of `events.slot` */
  customerIds: readonly string[];
}

export interface ColumnDataset {
  customers: CustomerBlock[];
  events: EventBlock[];
  eventTypes: string[];
}

/** Customer indexes: profiles of every file first, then ids events name, each once. */
function numberCustomers(files: readonly ColumnsFile[]): { profiles: Customer[]; indexOf: Map<string, number>; slotIndexes: Int32Array[] } {
  const indexOf = new Map<string, number>();
  const profiles: Customer[] = [];
  for (const file of files) {
    for (const customer of file.customers) {
      const index = indexOf.get(customer.id);
      if (index === undefined) {
        indexOf.set(customer.id, profiles.length);
        profiles.push(customer);
      } else profiles[index] = mergeCustomer(profiles[index]!, customer);
    }
  }
  const slotIndexes = files.map((file) => {
    const indexes = new Int32Array(file.customerIds.length).fill(-1);
    const { slot, count } = file.events;
    for (let row = 0; row < count; row++) {
      const at = slot[row]!;
      if (indexes[at] !== -1) continue;
      const id = file.customerIds[at]!;
      let index = indexOf.get(id);
      if (index === undefined) {
        index = profiles.length;
        indexOf.set(id, index);
        profiles.push({ id, consents: unknownConsents(), attrs: {} });
      }
      indexes[at] = index;
    }
    return indexes;
  });
  return { profiles, indexOf, slotIndexes };
}

/** Rows of all files in (customer, ts, type, file order): a counting sort by customer, then each customer's run. */
function sortedRows(customerOfRow: Int32Array, ts: Float64Array, type: Uint16Array, customerCount: number): Uint32Array {
  const starts = new Uint32Array(customerCount + 1);
  for (let row = 0; row < customerOfRow.length; row++) starts[customerOfRow[row]! + 1]! += 1;
  for (let c = 1; c <= customerCount; c++) starts[c]! += starts[c - 1]!;
  const next = starts.slice(0, customerCount);
  const order = new Uint32Array(customerOfRow.length);
  for (let row = 0; row < customerOfRow.length; row++) order[next[customerOfRow[row]!]!++] = row;
  const isBefore = (a: number, b: number) => ts[a]! < ts[b]! || (ts[a] === ts[b] && (type[a]! < type[b]! || (type[a] === type[b] && a < b)));
  for (let c = 0; c < customerCount; c++) {
    const from = starts[c]!;
    const to = starts[c + 1]!;
    let isSorted = true;
    for (let i = from + 1; i < to && isSorted; i++) isSorted = !isBefore(order[i]!, order[i - 1]!);
    if (!isSorted) order.set(Array.from(order.subarray(from, to)).sort((a, b) => (isBefore(a, b) ? -1 : 1)), from);
  }
  return order;
}

/** The files' events and customers as blocks. */
export function blocksFromColumns(files: readonly ColumnsFile[], blockSize = DEFAULT_EVENT_BLOCK_SIZE): ColumnDataset {
  const { profiles, slotIndexes } = numberCustomers(files);
  const total = files.reduce((sum, file) => sum + file.events.count, 0);
  const eventTypes: string[] = [];
  const typeIndex = new Map<string, number>();
  const customer = new Int32Array(total);
  const ts = new Float64Array(total);
  const amount = new Float64Array(total);
  const type = new Uint16Array(total);
  const propKeys = [...new Set(files.flatMap((file) => Object.keys(file.events.props)))];
  const props = propKeys.map(() => ({ file: new Uint8Array(total), code: new Uint32Array(total) }));
  let row = 0;
  files.forEach((file, fileIndex) => {
    const { events } = file;
    const typeMap = events.types.map((name) => {
      let index = typeIndex.get(name);
      if (index === undefined) {
        index = eventTypes.length;
        eventTypes.push(name);
        typeIndex.set(name, index);
      }
      return index;
    });
    // kept props come sparse or dense (dictColumn.ts): one dense code per row here, 0 = no value
    const fileProps = propKeys.map((key) => {
      const column = events.props[key];
      return column ? { codes: denseDictCodes(column, events.count) } : undefined;
    });
    for (let i = 0; i < events.count; i++, row++) {
      customer[row] = slotIndexes[fileIndex]![events.slot[i]!]!;
      ts[row] = events.ts[i]!;
      amount[row] = events.amount[i]!;
      type[row] = typeMap[events.type[i]!]!;
      fileProps.forEach((codes, k) => {
        if (!codes) return;
        props[k]!.file[row] = fileIndex;
        props[k]!.code[row] = codes.codes[i]!;
      });
    }
  });
  const order = sortedRows(customer, ts, type, profiles.length);
  const events: EventBlock[] = [];
  for (let start = 0; start < total; start += blockSize) {
    const rows = order.subarray(start, Math.min(start + blockSize, total));
    const block = allocateEventBlock(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const at = rows[r]!;
      block.ts[r] = ts[at]!;
      block.amount[r] = amount[at]!;
      block.customer[r] = customer[at]!;
      block.type[r] = type[at]!;
    }
    propKeys.forEach((key, k) => {
      const column = propColumn(rows, props[k]!, files, key);
      if (column) block.props[key] = column;
    });
    events.push(block);
  }
  return { customers: buildCustomerBlocks(profiles, 0), events, eventTypes };
}

function propColumn(rows: Uint32Array, prop: { file: Uint8Array; code: Uint32Array }, files: readonly ColumnsFile[], key: string): DictColumn | undefined {
  const builder = createDictColumnBuilder(rows.length);
  let hasValue = false;
  for (let r = 0; r < rows.length; r++) {
    const code = prop.code[rows[r]!]!;
    if (code === 0) continue;
    hasValue = true;
    builder.add(r, files[prop.file[rows[r]!]!]!.events.props[key]!.values[code - 1]);
  }
  return hasValue ? builder.finish() : undefined;
}
