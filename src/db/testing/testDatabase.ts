import 'fake-indexeddb/auto';
import { ChainLabDatabase } from '../schema';

let counter = 0;

/** A fresh, empty database on fake-indexeddb; each test gets its own name. */
export function createTestDatabase(): ChainLabDatabase {
  counter += 1;
  return new ChainLabDatabase(`chainlab-test-${process.pid}-${counter}`);
}
