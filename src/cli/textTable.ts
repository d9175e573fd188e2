/** Columns padded to their widest cell, two spaces apart: the readable (non-JSON) output of the commands. */
export function textTable(rows: readonly (readonly string[])[], isRightAligned: (column: number) => boolean = (column) => column > 0): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (isRightAligned(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()).join('\n');
}
