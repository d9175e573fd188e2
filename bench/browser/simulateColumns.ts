import { buildCustomerBlocks, type CustomerBlock, type EventBlock } from '../../src/domain/columnar';
import type { Customer } from '../../src/domain/model';

/**
 * The simulation benchmark's data as one binary file (browser-safe reader; bench/suites/
 * simulateData.ts writes it): a JSON header (event types, customers with their contacts and
 * consents, row count), then the event columns customer Int32, ts Float64, amount Float64,
 * type Uint16, rows sorted by (customer, time) as the store keeps them.
 */
export interface SimulateBenchHeader {
  eventTypes: string[];
  customers: Customer[];
  rows: number;
  firstTs: number;
  lastTs: number;
}

export interface SimulateBenchData {
  header: SimulateBenchHeader;
  customer: Int32Array;
  ts: Float64Array;
  amount: Float64Array;
  type: Uint16Array;
}

export function readSimulateBench(buffer: ArrayBuffer): SimulateBenchData {
  const headerBytes = new Float64Array(buffer, 0, 1)[0]!;
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerBytes))) as SimulateBenchHeader;
  let offset = 8 + headerBytes;
  offset = Math.ceil(offset / 8) * 8;
  const rows = header.rows;
  const ts = new Float64Array(buffer, offset, rows);
  const amount = new Float64Array(buffer, offset + 8 * rows, rows);
  const customer = new Int32Array(buffer, offset + 16 * rows, rows);
  const type = new Uint16Array(buffer, offset + 20 * rows, rows);
  return { header, customer, ts, amount, type };
}

/** Event blocks of 32,768 rows (views into the columns: no copy) and customer blocks, `copies` times over with new ids (the 1M-customer run). */
export function simulateBenchBlocks(data: SimulateBenchData, copies = 1): { customers: CustomerBlock[]; events: EventBlock[] } {
  const blockSize = 32_768;
  const customersPerCopy = data.header.customers.length;
  const events: EventBlock[] = [];
  const customers: CustomerBlock[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy ? `-${copy}` : '';
    customers.push(...buildCustomerBlocks(copy ? data.header.customers.map((customer) => ({ ...customer, id: `${customer.id}${suffix}` })) : data.header.customers, copy * customersPerCopy));
    for (let start = 0; start < data.header.rows; start += blockSize) {
      const end = Math.min(data.header.rows, start + blockSize);
      const customer = copy ? data.customer.slice(start, end).map((c) => c + copy * customersPerCopy) : data.customer.subarray(start, end);
      events.push({ count: end - start, ts: data.ts.subarray(start, end), amount: data.amount.subarray(start, end), customer, type: data.type.subarray(start, end), props: {} });
    }
  }
  return { customers, events };
}
