import { UserFacingError } from '../../domain';
import { loadRecord, type RecordFormat } from './recordFormat';
import { reportStorageProblem } from './storageProblems';

/**
 * Reading rows through their format (recordFormat.ts), the two ways a repository needs: a list
 * from which an unreadable row is set aside (reported, left in the table, not shown), or data
 * that is unusable with a row missing (a block of a workspace), where an unreadable row stops
 * the read with an error that says what and why.
 */
export function readableRows<T>(table: string, format: RecordFormat<T>, rows: readonly unknown[], keyOf: (row: unknown) => string): T[] {
  const readable: T[] = [];
  for (const row of rows) {
    const loaded = loadRecord(format, row);
    if (loaded.ok) readable.push(loaded.value);
    else reportStorageProblem({ table, key: keyOf(row), what: format.what, reason: loaded.reason, why: loaded.why });
  }
  return readable;
}

export function readableRow<T>(table: string, format: RecordFormat<T>, row: unknown, key: string): T | undefined {
  return row === undefined ? undefined : readableRows(table, format, [row], () => key)[0];
}

export function requiredRows<T>(table: string, format: RecordFormat<T>, rows: readonly unknown[], keyOf: (row: unknown) => string): T[] {
  return rows.map((row) => {
    const loaded = loadRecord(format, row);
    if (loaded.ok) return loaded.value;
    const key = keyOf(row);
    reportStorageProblem({ table, key, what: format.what, reason: loaded.reason, why: loaded.why });
    // Flat, so it crosses the worker boundary; errorMessage() puts the reason in the user's language.
    const { code: reasonCode, ...why } = loaded.why;
    throw new UserFacingError('storage.unreadable', `A stored ${format.what} (${table} ${key}) could not be read: ${loaded.reason}`, { what: format.what, reason: loaded.reason, reasonCode, ...why });
  });
}

export function idOf(row: unknown): string {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '?';
}
