/**
 * A dictionary-encoded text column: `codes[i] = 0` means "no value", `k > 0` means `values[k - 1]`.
 * Used for event props and customer attrs, whose keys differ from file to file.
 */
export interface DictColumn {
  values: string[];
  codes: Uint32Array;
}

export interface DictColumnBuilder {
  add(row: number, value: string | undefined): void;
  finish(): DictColumn;
}

export function createDictColumnBuilder(rowCount: number): DictColumnBuilder {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(rowCount);
  return {
    add(row, value) {
      if (value === undefined || value === '') return;
      let code = codeOf.get(value);
      if (code === undefined) {
        values.push(value);
        code = values.length;
        codeOf.set(value, code);
      }
      codes[row] = code;
    },
    finish: () => ({ values, codes }),
  };
}

export function dictValue(column: DictColumn, row: number): string | undefined {
  const code = column.codes[row] ?? 0;
  return code === 0 ? undefined : column.values[code - 1];
}

/** Builds one dict column per key found in `records[i][key]`. */
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
