import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing/testDatabase';
import lock from './schema.lock.json' with { type: 'json' };
import { STORED_RECORDS } from './records';
import { DATABASE_VERSIONS } from './schema';

/**
 * Users' databases were made by the shipped versions: a shipped version may never change, and no
 * table or index may disappear by accident. Adding tables and indexes (in a new version) is fine.
 */
function indexesOf(stores: string): string[] {
  return stores.split(',').map((part) => part.trim());
}

const db = createTestDatabase();
afterAll(async () => {
  await db.delete();
});

describe('database schema', () => {
  it('declares every shipped version exactly as it shipped', () => {
    const declared = Object.fromEntries(DATABASE_VERSIONS.map(({ version, stores }) => [String(version), stores]));
    for (const [version, stores] of Object.entries(lock.versions)) expect(declared[version], `database version ${version}`).toEqual(stores);
  });

  it('keeps every table and index of the last shipped version', async () => {
    const shipped = Object.entries(lock.versions).at(-1)![1] as Record<string, string>;
    await db.open();
    const current = Object.fromEntries(db.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)]]));
    for (const [table, stores] of Object.entries(shipped)) {
      expect(current[table], `table ${table}`).toBeDefined();
      const [primaryKey, ...indexes] = indexesOf(stores);
      expect(current[table]![0], `primary key of ${table}`).toBe(primaryKey);
      for (const index of indexes) expect(current[table], `index ${index} of ${table}`).toContain(index);
    }
  });

  it('knows how the records of every table are versioned', async () => {
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(Object.keys(STORED_RECORDS).sort());
  });
});
