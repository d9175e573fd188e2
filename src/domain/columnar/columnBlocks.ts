import type { Customer } from '../model/customer';
import { unknownConsents } from '../model/customer';
import { mergeCustomer } from '../customers/mergeCustomer';
import type { EventColumns } from '../import/sinks';
import { buildCustomerBlocks, type CustomerBlock } from './customerBlock';
import { createDictColumnBuilder, denseDictCodes, type CodeArray, type DictColumn } from './dictColumn';
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

/**
 * One column of every file's rows end to end. A single file's own array is used as it is, not
 * copied: `chainlab stages` on a gigabyte of events would otherwise hold the column twice while
 * the blocks are made (18 bytes an event of the 70 the peak held: the files' columns, the joined
 * columns and their sort order, the blocks).
 */
function joinedColumn<T extends Float64Array | Uint16Array>(parts: readonly T[], total: number, make: (length: number) => T): T {
  if (parts.length === 1) return parts[0]!;
  const joined = make(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/** Each file's type codes in the dataset's type list; the file's own column when the codes are the same (always for a single file). */
function datasetTypes(files: readonly ColumnsFile[], eventTypes: string[], typeIndex: Map<string, number>): Uint16Array[] {
  return files.map(({ events }) => {
    const typeMap = events.types.map((name) => {
      let index = typeIndex.get(name);
      if (index === undefined) {
        index = eventTypes.length;
        eventTypes.push(name);
        typeIndex.set(name, index);
      }
      return index;
    });
    const own = events.type.subarray(0, events.count);
    if (typeMap.every((index, code) => index === code)) return own;
    return own.map((code) => typeMap[code]!);
  });
}

/** Which file a row of the joined columns comes from (`starts`: each file's first row; a handful of files). */
function fileOfRow(starts: readonly number[], row: number): number {
  let file = 0;
  while (file + 1 < starts.length && starts[file + 1]! <= row) file++;
  return file;
}

/** The files' events and customers as blocks. */
export function blocksFromColumns(files: readonly ColumnsFile[], blockSize = DEFAULT_EVENT_BLOCK_SIZE): ColumnDataset {
  const { profiles, slotIndexes } = numberCustomers(files);
  const total = files.reduce((sum, file) => sum + file.events.count, 0);
  const starts = files.map((_, index) => files.slice(0, index).reduce((sum, file) => sum + file.events.count, 0));
  const eventTypes: string[] = [];
  const type = joinedColumn(datasetTypes(files, eventTypes, new Map()), total, (length) => new Uint16Array(length));
  const ts = joinedColumn(files.map((file) => file.events.ts.subarray(0, file.events.count)), total, (length) => new Float64Array(length));
  const amount = joinedColumn(files.map((file) => file.events.amount.subarray(0, file.events.count)), total, (length) => new Float64Array(length));
  const customer = new Int32Array(total);
  files.forEach((file, fileIndex) => {
    const { slot, count } = file.events;
    const indexOfSlot = slotIndexes[fileIndex]!;
    const start = starts[fileIndex]!;
    for (let i = 0; i < count; i++) customer[start + i] = indexOfSlot[slot[i]!]!;
  });
  const propKeys = [...new Set(files.flatMap((file) => Object.keys(file.events.props)))];
  // kept props come sparse or dense (dictColumn.ts): one dense code per row of each file, 0 = no value
  const propCodes = propKeys.map((key) => files.map(({ events }) => (events.props[key] ? denseDictCodes(events.props[key], events.count) : undefined)));
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
      const column = propColumn(rows, starts, propCodes[k]!, files, key);
      if (column) block.props[key] = column;
    });
    events.push(block);
  }
  return { customers: buildCustomerBlocks(profiles, 0), events, eventTypes };
}

function propColumn(rows: Uint32Array, starts: readonly number[], codes: readonly (CodeArray | undefined)[], files: readonly ColumnsFile[], key: string): DictColumn | undefined {
  const builder = createDictColumnBuilder(rows.length);
  let hasValue = false;
  for (let r = 0; r < rows.length; r++) {
    const file = fileOfRow(starts, rows[r]!);
    const code = codes[file]?.[rows[r]! - starts[file]!] ?? 0;
    if (code === 0) continue;
    hasValue = true;
    builder.add(r, files[file]!.events.props[key]!.values[code - 1]);
  }
  return hasValue ? builder.finish() : undefined;
}
