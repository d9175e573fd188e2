import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport, recordSession, sessionRecords } from '../../domain';
import { bytesSource, streamSource } from './readSource';

/**
 * Reading a file chunk by chunk (the app's import worker and the command line) must give the
 * records of reading its whole text at once, wherever the chunks are cut: inside a field, a
 * CRLF, a BOM or a multi-byte character.
 */
const NOW = Date.parse('2026-06-01T00:00:00Z');
const INPUT = { sourceName: 'orders.csv', kind: 'orders' as const, now: NOW, mapping: { customerId: 0, ts: 1, amount: 2, orderId: 3 }, dateFormat: 'YYYY-MM-DD' };

async function readInChunks(bytes: Uint8Array, chunkBytes: number) {
  const plan = planImport({ ...INPUT, head: bytes, isWholeFile: true });
  const session = recordSession(plan);
  await streamSource(bytesSource('orders.csv', bytes, chunkBytes), plan, session);
  return sessionRecords(session);
}

/** The same plan, and the whole file decoded in one call into the session. */
function wholeText(bytes: Uint8Array) {
  const plan = planImport({ ...INPUT, head: bytes, isWholeFile: true });
  const session = recordSession(plan);
  session.pushText(new TextDecoder(plan.encoding.label).decode(bytes));
  return sessionRecords(session);
}

const customerId = fc.constantFrom('1', '42', '100234', 'C7', 'Ж1', 'клиент-9', '😀x', 'NA', '0', '4.6E+15');
const orderDate = fc.constantFrom('2024-07-03 16:21:00', '2025-05-28', '2023-08-10T12:06:04Z', '2099-01-01', 'not a date', '');
const amount = fc.constantFrom('346.65', '-12', '0', '1e3', 'abc', '', '18.06');
const orderId = fc.constantFrom('O1', 'O2', 'O17', 'Ж-5', '100', '', 'O1');
const row = fc.tuple(customerId, orderDate, amount, orderId).map((fields) => fields.join(','));

/** A quote-free orders file: header, rows, a line ending of each kind, maybe a BOM. */
const ordersFile = fc
  .record({
    rows: fc.array(row, { minLength: 1, maxLength: 30 }),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    hasBom: fc.boolean(),
    hasFinalBreak: fc.boolean(),
  })
  .map(({ rows, lineEnd, hasBom, hasFinalBreak }) => {
    const text = ['customer_id,order_date,revenue,order_id', ...rows].join(lineEnd) + (hasFinalBreak ? lineEnd : '');
    const bytes = new TextEncoder().encode(text);
    return hasBom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
  });

describe('streamSource', () => {
  it('gives the records of the whole text, for any chunk size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(ordersFile, fc.integer({ min: 1, max: 64 }), async (bytes, chunkBytes) => {
        const whole = wholeText(bytes);
        const chunked = await readInChunks(bytes, chunkBytes);
        expect(chunked.report).toEqual(whole.report);
        expect(chunked.events).toEqual(whole.events);
        expect(chunked.customers).toEqual(whole.customers);
        expect(chunked.rejectedRows).toEqual(whole.rejectedRows);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the records of the whole text for a file of many decoding pieces, in 1 MiB chunks and in odd ones', async () => {
    // Over 2 MiB of Cyrillic rows: each 1 MiB chunk is decoded in pieces (readSource.ts), cut
    // inside two-byte characters and inside lines.
    const rows = Array.from({ length: 50_000 }, (_, i) => `клиент-${i % 977},2025-05-${String((i % 28) + 1).padStart(2, '0')},${i % 500}.5,Заказ-${i}`);
    const bytes = new TextEncoder().encode(['customer_id,order_date,revenue,order_id', ...rows].join('\r\n'));
    expect(bytes.length).toBeGreaterThan(1 << 21);
    const whole = wholeText(bytes);
    expect(whole.report.read).toBe(50_000);
    for (const chunkBytes of [1 << 20, 99_999]) {
      const chunked = await readInChunks(bytes, chunkBytes);
      expect(chunked.report).toEqual(whole.report);
      expect(chunked.events).toEqual(whole.events);
    }
  });

  it('reads a Cyrillic id cut between two chunks whole', async () => {
    const bytes = new TextEncoder().encode('customer_id,order_date,revenue,order_id\nЖ1,2025-05-28,10,O1\n');
    const cut = bytes.indexOf(0xd0) + 1;
    const { events } = await readInChunks(bytes, cut);
    expect(events.map((event) => event.customerId)).toEqual(['Ж1']);
  });
});
