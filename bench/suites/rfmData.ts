import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCsvHeader, generateDemoCustomers, orderCsvLine } from '../../src/domain/demo';
import { LineWriter } from '../../src/cli/fileOutput';
export { readRfmColumns, rfmBlocks, type RfmBenchColumns } from '../browser/rfmColumns';

/**
 * The RFM benchmark's data, made once and kept in bench/tmp/rfm: 1,000,000 demo orders of
 * 100,000 demo customers (seed 42, 120 months, orders cut at one million), as
 * - orders.csv — the demo generator's orders file, for the command line and pandas' read_csv;
 * - orders.bin — customer index (Int32), instant (Float64 ms), amount (Float64) columns after
 *   a Float64 count: the in-memory input of both the app's code and pandas.
 */
export const RFM_BENCH_CUSTOMERS = 100_000;
export const RFM_BENCH_ORDERS = 1_000_000;
const VERSION = 'rfm-bench-v1';

export interface RfmBenchData {
  csvPath: string;
  binPath: string;
  customers: number;
  orders: number;
  customersWithOrders: number;
}

export async function prepareRfmData(dir: string, log: (message: string) => void): Promise<RfmBenchData> {
  const metaPath = join(dir, 'meta.json');
  const data: RfmBenchData = { csvPath: join(dir, 'orders.csv'), binPath: join(dir, 'orders.bin'), customers: RFM_BENCH_CUSTOMERS, orders: 0, customersWithOrders: 0 };
  if (existsSync(metaPath) && existsSync(data.csvPath) && existsSync(data.binPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { version: string; orders: number; customersWithOrders: number };
    if (meta.version === VERSION) return { ...data, orders: meta.orders, customersWithOrders: meta.customersWithOrders };
  }
  // Other suites (metrics) share this data; the first of them to run makes the folder.
  mkdirSync(dir, { recursive: true });
  log(`generating ${RFM_BENCH_ORDERS.toLocaleString('en-US')} demo orders of ${RFM_BENCH_CUSTOMERS.toLocaleString('en-US')} customers (once; kept in ${dir})`);
  const customer = new Int32Array(RFM_BENCH_ORDERS);
  const ts = new Float64Array(RFM_BENCH_ORDERS);
  const amount = new Float64Array(RFM_BENCH_ORDERS);
  const writer = new LineWriter(data.csvPath);
  writer.writeLine(demoCsvHeader('orders'));
  let count = 0;
  let index = 0;
  for (const demo of generateDemoCustomers({ customers: RFM_BENCH_CUSTOMERS, seed: 42, months: 120 })) {
    let hasOrder = false;
    for (const event of demo.events) {
      if (event.type !== 'order' || count === RFM_BENCH_ORDERS) continue;
      customer[count] = index;
      ts[count] = event.ts;
      amount[count] = event.amount ?? Number.NaN;
      writer.writeLine(orderCsvLine(event));
      count++;
      hasOrder = true;
    }
    if (hasOrder) data.customersWithOrders++;
    if (writer.isFull) await writer.flush();
    index++;
  }
  await writer.close();
  data.orders = count;
  const header = new Float64Array([count]);
  writeFileSync(data.binPath, Buffer.concat([Buffer.from(header.buffer), Buffer.from(customer.buffer, 0, count * 4), Buffer.from(ts.buffer, 0, count * 8), Buffer.from(amount.buffer, 0, count * 8)]));
  writeFileSync(metaPath, JSON.stringify({ version: VERSION, orders: count, customersWithOrders: data.customersWithOrders }));
  return data;
}

