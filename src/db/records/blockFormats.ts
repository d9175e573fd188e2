import { z } from 'zod';
import { CONSENT_CHANNELS, CUSTOMER_TEXT_FIELDS } from '../../domain';
import type { BlockColumnsRecord } from '../storedRecords';
import type { RecordFormat } from './recordFormat';

/**
 * The columns of a stored block (data-model.md "Storage"). Validation checks each column's
 * array type and length, never the values one by one, and by hand rather than by a zod schema
 * per column: a million events are read on every first visit of a screen, and this keeps the
 * check to a few dozen steps.
 */
type Issues = string[];

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkArray(issues: Issues, path: string, value: unknown, isRightType: (value: unknown) => boolean, length: number | null): void {
  if (!isRightType(value)) issues.push(`${path}: not the stored column type`);
  else if (length !== null && (value as { length: number }).length !== length) issues.push(`${path}: ${(value as { length: number }).length} values for ${length} rows`);
}

const isCodes = (value: unknown) => value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array;

function checkDictColumns(issues: Issues, path: string, value: unknown, rows: number): void {
  if (!isRecordObject(value)) {
    issues.push(`${path}: not a set of columns`);
    return;
  }
  for (const [name, column] of Object.entries(value)) {
    if (!isRecordObject(column)) {
      issues.push(`${path}.${name}: not a column`);
      continue;
    }
    checkArray(issues, `${path}.${name}.values`, column.values, Array.isArray, null);
    const sparseRows = column.rows;
    if (sparseRows === undefined) checkArray(issues, `${path}.${name}.codes`, column.codes, isCodes, rows);
    else {
      checkArray(issues, `${path}.${name}.rows`, sparseRows, (rows) => rows instanceof Uint16Array || rows instanceof Uint32Array, null);
      checkArray(issues, `${path}.${name}.codes`, column.codes, isCodes, (sparseRows as { length?: number }).length ?? 0);
    }
  }
}

function checkEventColumns(issues: Issues, columns: Record<string, unknown>, count: number): void {
  checkArray(issues, 'columns.ts', columns.ts, (value) => value instanceof Float64Array, count);
  checkArray(issues, 'columns.amount', columns.amount, (value) => value instanceof Float64Array, count);
  checkArray(issues, 'columns.customer', columns.customer, (value) => value instanceof Int32Array, count);
  checkArray(issues, 'columns.type', columns.type, (value) => value instanceof Uint16Array, count);
  checkDictColumns(issues, 'columns.props', columns.props, count);
}

function checkCustomerColumns(issues: Issues, columns: Record<string, unknown>, count: number): void {
  if (!Number.isInteger(columns.start)) issues.push('columns.start: not a customer index');
  checkArray(issues, 'columns.id', columns.id, Array.isArray, count);
  checkArray(issues, 'columns.signupAt', columns.signupAt, (value) => value instanceof Float64Array, count);
  const text = isRecordObject(columns.text) ? columns.text : {};
  for (const field of CUSTOMER_TEXT_FIELDS) checkArray(issues, `columns.text.${field}`, text[field], Array.isArray, count);
  const consents = isRecordObject(columns.consents) ? columns.consents : {};
  for (const channel of CONSENT_CHANNELS) checkArray(issues, `columns.consents.${channel}`, consents[channel], (value) => value instanceof Uint8Array, count);
  checkDictColumns(issues, 'columns.attrs', columns.attrs, count);
}

function checkRecord(issues: Issues, record: unknown): void {
  if (!isRecordObject(record) || typeof record.id !== 'string') return void issues.push('not a block record');
  const columns = record.columns;
  if (!isRecordObject(columns) || !Number.isInteger(columns.count) || (columns.count as number) < 0) return void issues.push('columns: no row count');
  if (record.kind === 'events') checkEventColumns(issues, columns, columns.count as number);
  else if (record.kind === 'customers') checkCustomerColumns(issues, columns, columns.count as number);
  else issues.push(`kind: not a block kind (${String(record.kind)})`);
}

export const BLOCK_COLUMNS_FORMAT: RecordFormat<BlockColumnsRecord> = {
  what: 'block',
  current: 1,
  migrations: [],
  // A BlockColumnsRecord once the checks find every column of its kind, of its type and length.
  schema: z.custom<BlockColumnsRecord>().superRefine((record, context) => {
    const issues: Issues = [];
    checkRecord(issues, record);
    for (const issue of issues) context.addIssue({ code: 'custom', message: issue });
  }),
};
