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

export function newId(): string {
  return crypto.randomUUID();
}
