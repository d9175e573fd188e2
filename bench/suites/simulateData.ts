import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoCustomers } from '../../src/domain/demo';
import type { Customer } from '../../src/domain/model';
import type { SimulateBenchHeader } from '../browser/simulateColumns';

/**
 * The simulation benchmark's data, made once and kept in bench/tmp/simulate: the demo
 * generator's customers (seed 42, 12 months) and every event they did, as the binary file
 * bench/browser/simulateColumns.ts reads.
 */
const VERSION = 'simulate-bench-v1';

export async function prepareSimulateData(dir: string, customers: number, log: (message: string) => void): Promise<string> {
  const path = join(dir, `demo-${customers}.bin`);
  const metaPath = join(dir, `demo-${customers}.json`);
  if (existsSync(path) && existsSync(metaPath) && (JSON.parse(readFileSync(metaPath, 'utf8')) as { version: string }).version === VERSION) return path;
  log(`generating ${customers.toLocaleString('en-US')} demo customers over 12 months (once; kept in ${dir})`);
  const profiles: Customer[] = [];
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  let capacity = 1 << 20;
  let ts = new Float64Array(capacity);
  let amount = new Float64Array(capacity);
  let customer = new Int32Array(capacity);
  let type = new Uint16Array(capacity);
  let rows = 0;
  let index = 0;
  for (const demo of generateDemoCustomers({ customers, seed: 42, months: 12 })) {
    profiles.push(demo.customer);
    for (const event of demo.events) {
      if (rows === capacity) {
        capacity *= 2;
        const grow = <T extends Float64Array | Int32Array | Uint16Array>(array: T, make: (n: number) => T) => {
          const next = make(capacity);
          next.set(array);
          return next;
        };
        ts = grow(ts, (n) => new Float64Array(n));
        amount = grow(amount, (n) => new Float64Array(n));
        customer = grow(customer, (n) => new Int32Array(n));
        type = grow(type, (n) => new Uint16Array(n));
      }
      let code = typeIndex.get(event.type);
      if (code === undefined) typeIndex.set(event.type, (code = types.push(event.type) - 1));
      ts[rows] = event.ts;
      amount[rows] = event.amount ?? Number.NaN;
      customer[rows] = index;
      type[rows] = code;
      rows++;
    }
    index++;
  }
  let firstTs = Number.POSITIVE_INFINITY;
  let lastTs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    if (ts[i]! < firstTs) firstTs = ts[i]!;
    if (ts[i]! > lastTs) lastTs = ts[i]!;
  }
  const header: SimulateBenchHeader = { eventTypes: types, customers: profiles.map((profile) => ({ ...profile, attrs: {} })), rows, firstTs, lastTs };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const padded = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const out = Buffer.alloc(padded + rows * 22);
  out.writeDoubleLE(headerBytes.length, 0);
  headerBytes.copy(out, 8);
  Buffer.from(ts.buffer, 0, rows * 8).copy(out, padded);
  Buffer.from(amount.buffer, 0, rows * 8).copy(out, padded + rows * 8);
  Buffer.from(customer.buffer, 0, rows * 4).copy(out, padded + rows * 16);
  Buffer.from(type.buffer, 0, rows * 2).copy(out, padded + rows * 20);
  writeFileSync(path, out);
  writeFileSync(metaPath, JSON.stringify({ version: VERSION, rows, customers }));
  return path;
}
