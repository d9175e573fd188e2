import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { TYPED_ARRAY_TYPES } from '../../domain/workspaceFile/frameCodec';

/**
 * Frozen databases (src/db/fixtures): a JSON export of every table, typed arrays and values JSON
 * cannot hold encoded (see the fixtures' README). `writeFixtureDatabase` puts the rows back into
 * a database of the fixture's own version and schema — exactly what a user of that version has
 * on disk — for today's code to open.
 */
export interface DatabaseFixture {
  databaseVersion: number;
  schema: Record<string, string>;
  tables: Record<string, unknown[]>;
}

// The same typed-array kinds the workspace file carries.
const TYPED_ARRAYS: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = TYPED_ARRAY_TYPES;

export function decodeFixtureValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFixtureValue);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record.$undefined === true) return undefined;
  if (typeof record.$number === 'string') return Number(record.$number);
  if (typeof record.$typed === 'string' && typeof record.base64 === 'string') {
    const bytes = Uint8Array.from(Buffer.from(record.base64, 'base64'));
    const Type = TYPED_ARRAYS[record.$typed];
    if (!Type) throw new Error(`Unknown typed array ${record.$typed} in a fixture`);
    return new Type(bytes.buffer);
  }
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decodeFixtureValue(inner)]));
}

export function fixtureRows(fixture: DatabaseFixture): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(fixture.tables).map(([table, rows]) => [table, rows.map(decodeFixtureValue)]));
}

/** Writes the fixture's rows, as they are, into a new database `name` of the fixture's version. */
export async function writeFixtureDatabase(fixture: DatabaseFixture, name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(fixture.databaseVersion).stores(fixture.schema);
  await db.open();
  const rows = fixtureRows(fixture);
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.bulkAdd(rows[table.name] ?? []);
  });
  db.close();
}
