/**
 * A dictionary-encoded text column for event props and customer attrs, whose keys differ
 * from file to file. Most props are sparse (an `order_id` only on orders), so a column stores
 * either one code per row (dense) or the rows that have a value and their codes (sparse),
 * whichever is smaller, in the narrowest integer width: a block of a million events then
 * costs a few megabytes to store and to read back, not a hundred.
 *
 * Codes: 0 = no value, k > 0 = `values[k - 1]`. Read through the functions below, never the
 * arrays directly: the layout is the storage's business.
 */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

export interface DictColumn {
  values: string[];
  /** dense: one code per row; sparse: the code of each row in `rows` */
  codes: CodeArray;
  /** sparse only: the rows that have a value, ascending */
  rows?: Uint16Array | Uint32Array;
}

export interface DictColumnBuilder {
  add(row: number, value: string | undefined): void;
  finish(): DictColumn;
}

function codeArray(maxCode: number, length: number): CodeArray {
  if (maxCode <= 0xff) return new Uint8Array(length);
  if (maxCode <= 0xffff) return new Uint16Array(length);
  return new Uint32Array(length);
}

function rowArray(rowCount: number, length: number): Uint16Array | Uint32Array {
  return rowCount <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

export function createDictColumnBuilder(rowCount: number): DictColumnBuilder {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const presentRows: number[] = [];
  const presentCodes: number[] = [];
  return {
    add(row, value) {
      if (value === undefined || value === '') return;
      let code = codeOf.get(value);
      if (code === undefined) {
        values.push(value);
        code = values.length;
        codeOf.set(value, code);
      }
      presentRows.push(row);
      presentCodes.push(code);
    },
    finish: () => packDictColumn(values, presentRows, presentCodes, rowCount),
  };
}

/**
 * A column from the rows that have a value and their codes (1-based into `values`). Rows must be
 * ascending. Chooses the smaller of the dense and sparse layouts.
 */
export function packDictColumn(values: string[], rows: ArrayLike<number>, codes: ArrayLike<number>, rowCount: number): DictColumn {
  const codeBytes = codeArray(values.length, 0).BYTES_PER_ELEMENT;
  const rowBytes = rowCount <= 0x10000 ? 2 : 4;
  const isSparse = rows.length * (codeBytes + rowBytes) < rowCount * codeBytes;
  if (isSparse) {
    const packedCodes = codeArray(values.length, codes.length);
    for (let i = 0; i < codes.length; i++) packedCodes[i] = codes[i]!;
    const packedRows = rowArray(rowCount, rows.length);
    for (let i = 0; i < rows.length; i++) packedRows[i] = rows[i]!;
    return { values, codes: packedCodes, rows: packedRows };
  }
  const dense = codeArray(values.length, rowCount);
  for (let i = 0; i < rows.length; i++) dense[rows[i]!] = codes[i]!;
  return { values, codes: dense };
}

function sparseIndex(rows: Uint16Array | Uint32Array, row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]! < row) low = mid + 1;
    else high = mid;
  }
  return low < rows.length && rows[low] === row ? low : -1;
}

/** The code of one row: 0 = no value. */
export function dictCode(column: DictColumn, row: number): number {
  if (!column.rows) return column.codes[row] ?? 0;
  const index = sparseIndex(column.rows, row);
  return index < 0 ? 0 : column.codes[index]!;
}

export function dictValue(column: DictColumn, row: number): string | undefined {
  const code = dictCode(column, row);
  return code === 0 ? undefined : column.values[code - 1];
}

/** One code per row (0 = no value), for scans that test a prop on every row of a block. */
export function denseDictCodes(column: DictColumn, rowCount: number): CodeArray {
  if (!column.rows) return column.codes;
  const dense = codeArray(column.values.length, rowCount);
  for (let i = 0; i < column.rows.length; i++) dense[column.rows[i]!] = column.codes[i]!;
  return dense;
}

/** Calls `visit` for each row that has a value, in row order. */
export function forEachDictValue(column: DictColumn, rowCount: number, visit: (row: number, value: string) => void): void {
  if (column.rows) {
    for (let i = 0; i < column.rows.length; i++) visit(column.rows[i]!, column.values[column.codes[i]! - 1]!);
    return;
  }
  for (let row = 0; row < rowCount; row++) {
    const code = column.codes[row]!;
    if (code !== 0) visit(row, column.values[code - 1]!);
  }
}

/** Builds one dict column per key found in `recordAt(row)`. */
export function buildDictColumns(
  rowCount: number,
  recordAt: (row: number) => Record<string, string>,
): Record<string, DictColumn> {
  const builders = new Map<string, DictColumnBuilder>();
  for (let row = 0; row < rowCount; row++) {
    const record = recordAt(row);
    for (const key in record) {
      let builder = builders.get(key);
      if (!builder) {
        builder = createDictColumnBuilder(rowCount);
        builders.set(key, builder);
      }
      builder.add(row, record[key]);
    }
  }
  const columns: Record<string, DictColumn> = {};
  for (const [key, builder] of builders) columns[key] = builder.finish();
  return columns;
}

export function dictRecordAt(columns: Record<string, DictColumn>, row: number): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key in columns) {
    const value = dictValue(columns[key]!, row);
    if (value !== undefined) record[key] = value;
  }
  return record;
}
