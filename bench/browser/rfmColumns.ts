import type { EventBlock } from '../../src/domain/columnar';

/** The RFM benchmark's orders as columns (see bench/suites/rfmData.ts); browser-safe. */
export interface RfmBenchColumns {
  customer: Int32Array;
  ts: Float64Array;
  amount: Float64Array;
}

/** The columns of orders.bin (also used by the browser page, on a fetched ArrayBuffer). */
export function readRfmColumns(buffer: ArrayBuffer): RfmBenchColumns {
  const count = new Float64Array(buffer, 0, 1)[0]!;
  return {
    customer: new Int32Array(buffer, 8, count),
    ts: new Float64Array(buffer, 8 + 4 * count, count),
    amount: new Float64Array(buffer, 8 + 12 * count, count),
  };
}

/** Event blocks as the app stores them: sorted by (customer, time), 32,768 rows each, one type ('order'). */
export function rfmBlocks(columns: RfmBenchColumns, blockSize = 32_768): EventBlock[] {
  const count = columns.customer.length;
  const blocks: EventBlock[] = [];
  for (let start = 0; start < count; start += blockSize) {
    const end = Math.min(count, start + blockSize);
    blocks.push({
      count: end - start,
      ts: columns.ts.slice(start, end),
      amount: columns.amount.slice(start, end),
      customer: columns.customer.slice(start, end),
      type: new Uint16Array(end - start),
      props: {},
    });
  }
  return blocks;
}
