import Dexie from 'dexie';
import { ChainLabDatabase, DATABASE_NAME } from './schema';

let database: ChainLabDatabase | undefined;

/** The app's database, opened once. Another tab upgrading the schema makes this one reload. */
export function getDatabase(): ChainLabDatabase {
  if (!database) {
    database = new ChainLabDatabase(DATABASE_NAME);
    database.on('versionchange', () => {
      database?.close();
      // In a Web Worker there is nothing to reload; the page's own handler does it.
      if (typeof location !== 'undefined' && 'reload' in location) location.reload();
      return false;
    });
  }
  return database;
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts — not on a page
 * served to the room over plain HTTP from another machine (npm run serve:lan) — so it is built
 * from `crypto.getRandomValues` there, which every context has.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Deletes ChainLab's whole database in this browser (every workspace, setting and preset).
 * Other tabs and the workers get `versionchange`, close their connection and reload (see
 * getDatabase), so the deletion is not blocked by them. The caller reloads the page after.
 */
export async function deleteAllData(): Promise<void> {
  const db = getDatabase();
  db.close();
  await Dexie.delete(db.name);
  database = undefined;
}
