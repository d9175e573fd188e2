import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerAt } from '../../domain';
import { UserFacingError } from '../../domain/errors';
import { FORMULA_CITY, HOSTILE_FILES, INJECTION_NAME } from '../../domain/import/testing/hostileFiles';
import type { ChainLabDatabase } from '../schema';
import { createTestDatabase } from '../testing/testDatabase';
import { loadDataset, loadWorkspaceStats } from './datasetRepository';
import { listImportBatches } from './importRepository';
import { bytesSource, runImport, type ImportOutcome } from './importRunner';
import { createWorkspace } from './workspaceRepository';

/**
 * Hostile input (issue 17): the awkward-file corpus and random or mutated bytes go through the
 * app's importer into a workspace that already holds data. Each file gets a message or row-level
 * rejections that say what is wrong; none throws anything but a user-facing error, and none
 * loses or garbles what was stored before.
 */
let db: ChainLabDatabase;
let workspaceId: string;
const NOW = Date.parse('2026-06-01');
const EXISTING_CUSTOMERS = 'customer_id,email,first_name\nk1,k1@x.ru,Анна\nk2,k2@x.ru,Борис\n';
const EXISTING_ORDERS = 'order_id,customer_id,order_date,amount\nE1,k1,2025-03-01,100\nE2,k2,2025-03-02,200\n';

beforeEach(async () => {
  db = createTestDatabase();
  workspaceId = (await createWorkspace(db, { name: 'Test', timeZone: 'UTC' })).id;
  await importBytes('customers.csv', new TextEncoder().encode(EXISTING_CUSTOMERS));
  await importBytes('orders.csv', new TextEncoder().encode(EXISTING_ORDERS));
});
afterEach(async () => {
  await db.delete();
});

function importBytes(name: string, bytes: Uint8Array): Promise<ImportOutcome> {
  return runImport(db, workspaceId, bytesSource(name, bytes), { timeZone: 'UTC', now: NOW });
}

function corpusFile(name: string): Uint8Array {
  const file = HOSTILE_FILES.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no ${name} in the corpus`);
  return file.bytes;
}

/** Everything a user could see of the stored data: customers with their fields, events, the batches. */
async function storedSnapshot() {
  const dataset = await loadDataset(db, workspaceId);
  const stats = await loadWorkspaceStats(db, workspaceId);
  const batches = (await listImportBatches(db, workspaceId)).filter((batch) => batch.status === 'done').map((batch) => batch.id);
  return { customers: dataset.customers, events: dataset.events, stats, batches };
}

async function customerField(id: string, field: 'firstName' | 'lastName' | 'city'): Promise<unknown> {
  const { customers } = await loadDataset(db, workspaceId);
  for (const block of customers) {
    const row = block.id.indexOf(id);
    if (row >= 0) return customerAt(block, row)[field];
  }
  throw new Error(`no customer ${id}`);
}

async function expectRefused(name: string, code: string): Promise<void> {
  const before = await storedSnapshot();
  const refusal = await importBytes(name, corpusFile(name)).then(() => null, (error: unknown) => error);
  expect(refusal).toBeInstanceOf(UserFacingError);
  expect((refusal as UserFacingError).code).toBe(code);
  expect(await storedSnapshot()).toEqual(before);
}

describe('the awkward-file corpus through the importer', () => {
  it('refuses an empty file, a header without rows and a picture, and changes nothing', async () => {
    await expectRefused('empty.csv', 'import.empty');
    await expectRefused('header_only.csv', 'import.headerOnly');
    await expectRefused('picture.csv', 'import.binary');
  });

  it('keeps a second column of the same name under its own name', async () => {
    const { report } = await importBytes('duplicate_headers.csv', corpusFile('duplicate_headers.csv'));
    expect(report).toMatchObject({ read: 2, accepted: 2, rejected: 0, mapping: { email: 'email' } });
    expect(report.unmapped).toEqual(['email (2)']);
  });

  it('rejects the row with an unclosed quote, says where, and reads on', async () => {
    const { report } = await importBytes('unbalanced_quotes.csv', corpusFile('unbalanced_quotes.csv'));
    expect(report).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(report.rejects).toEqual([expect.objectContaining({ line: 2, code: 'unterminated_quote', column: 'first_name' })]);
  });

  it('keeps a 100,000-character value whole', async () => {
    const { report } = await importBytes('long_field.csv', corpusFile('long_field.csv'));
    expect(report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(await customerField('c1', 'firstName')).toBe('x'.repeat(100_000));
  });

  it('reads a UTF-8 file with one Windows-1251 row as UTF-8 and rejects that row, naming the value and the encoding', async () => {
    const { report } = await importBytes('mixed_encodings.csv', corpusFile('mixed_encodings.csv'));
    expect(report.detected.encoding).toBe('utf-8');
    expect(report).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
    expect(report.rejects).toEqual([expect.objectContaining({ line: 4, code: 'undecodable', column: 'last_name', params: expect.objectContaining({ encoding: 'utf-8' }) })]);
    expect(report.rejects[0]!.reason).toContain('not utf-8 text');
    expect(await customerField('c2', 'lastName')).toBe('Смирнова');
    await expect(customerField('c3', 'lastName')).rejects.toThrow('no customer c3');
  });

  it('keeps orders dated 9999 and 1900 and tells about them', async () => {
    const { report } = await importBytes('far_dates.csv', corpusFile('far_dates.csv'));
    expect(report).toMatchObject({ read: 4, accepted: 4, rejected: 0 });
    expect(report.farDates.rows).toBe(2);
    // "end of data", and every default date taken from it, ignores them (the customer card's journey took 9999-12-31 and crashed the page)
    const stats = await loadWorkspaceStats(db, workspaceId, NOW);
    expect(stats.lastTs).toBe(Date.parse('9999-12-31'));
    expect(stats.lastPlausibleTs).toBe(Date.parse('2025-03-02'));
  });

  it('stores markup and formulas as the text they are', async () => {
    const { report } = await importBytes('injection.csv', corpusFile('injection.csv'));
    expect(report).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(await customerField('c1', 'firstName')).toBe(INJECTION_NAME);
    expect(await customerField('c1', 'city')).toBe(FORMULA_CITY);
  });
});

const VALID_ORDERS = new TextEncoder().encode('order_id,customer_id,order_date,amount\nO1,c1,2025-01-05,100\nO2,c2,2025-01-06,"1,50"\nO3,c1,2025-02-07,70\nO4,c3,2025-02-08,12.5\n');
const NASTY_BYTES = [0x00, 0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x09, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0xd0, 0x80, 0x1a];

/** A valid orders file with a few bytes changed, inserted, removed, or its end cut off. */
const mutatedOrders = fc
  .array(fc.tuple(fc.constantFrom('set', 'insert', 'delete', 'cut'), fc.nat(), fc.oneof(fc.constantFrom(...NASTY_BYTES), fc.integer({ min: 0, max: 255 }))), { minLength: 1, maxLength: 6 })
  .map((edits) => {
    const bytes = [...VALID_ORDERS];
    for (const [edit, position, byte] of edits) {
      const at = position % (bytes.length + 1);
      if (edit === 'set' && at < bytes.length) bytes[at] = byte;
      else if (edit === 'insert') bytes.splice(at, 0, byte);
      else if (edit === 'delete') bytes.splice(at, 1);
      else if (edit === 'cut') bytes.length = Math.max(1, at);
    }
    return new Uint8Array(bytes);
  });

describe('random and mutated files (fuzz)', () => {
  it('never throw anything but a user-facing error, count every row, and never lose or garble stored data', async () => {
    const existing = await storedSnapshot();
    const existingIds = existing.customers.flatMap((block) => block.id);
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedOrders, fc.uint8Array({ maxLength: 600 })), async (bytes) => {
        const before = await storedSnapshot();
        const outcome = await importBytes('fuzz.csv', bytes).then(
          (result) => result,
          (error: unknown) => {
            if (!(error instanceof UserFacingError)) throw error;
            return null;
          },
        );
        const after = await storedSnapshot();
        if (outcome === null) {
          expect(after).toEqual(before);
          return;
        }
        const { report } = outcome;
        expect(report.read).toBe(report.accepted + report.merged + report.rejected);
        // what was stored before is still there, field for field
        const afterIds = after.customers.flatMap((block) => block.id);
        for (const id of existingIds) expect(afterIds).toContain(id);
        expect(await customerField('k1', 'firstName')).toBe('Анна');
        expect(after.stats.events).toBeGreaterThanOrEqual(before.stats.events);
      }),
      { numRuns: 60 },
    );
  });
});
