/** An orders export of `rows` rows (no quotes, 4 columns) with 40,000 new customers: several event blocks. */
export function ordersExport(rows: number): Uint8Array {
  const lines = ['customer_id,order_date,revenue,order_id'];
  for (let row = 0; row < rows; row++) lines.push(`X${row % 40_000},2026-0${1 + (row % 9)}-1${row % 10},${100 + (row % 9000)},O${row}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}
