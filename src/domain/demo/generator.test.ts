import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../errors';
import { createDemoContext, DEFAULT_DEMO_OPTIONS } from './context';
import { generateDemoCustomer, generateDemoCustomers, generateDemoDataset } from './generator';
import { demoPeriod } from './period';

const SMALL = { customers: 300, seed: 7 };

describe('generateDemoCustomers', () => {
  it('gives deep-equal output for the same seed and different output for another seed', () => {
    const first = [...generateDemoCustomers(SMALL)];
    const second = [...generateDemoCustomers(SMALL)];
    expect(second).toEqual(first);
    const other = [...generateDemoCustomers({ ...SMALL, seed: 8 })];
    expect(other).not.toEqual(first);
    const sameIds = other.filter((demo, i) => demo.customer.id === first[i]!.customer.id).length;
    expect(sameIds).toBe(SMALL.customers);
    const sameNames = other.filter((demo, i) => demo.customer.lastName === first[i]!.customer.lastName).length;
    expect(sameNames).toBeLessThan(SMALL.customers * 0.2);
  });

  it('streaming, batch, per-index and larger data sets agree on every customer', () => {
    const streamed = [...generateDemoCustomers(SMALL)];
    const batch = generateDemoDataset(SMALL);
    expect(batch.customers).toEqual(streamed.map((demo) => demo.customer));
    expect(batch.events).toEqual(streamed.flatMap((demo) => demo.events));
    const context = createDemoContext(SMALL);
    expect(generateDemoCustomer(context, 123)).toEqual(streamed[123]);
    // A customer does not depend on how many others there are (ids aside, which are padded to the count).
    const prefix = [...generateDemoCustomers({ ...SMALL, customers: 50 })];
    expect(prefix).toEqual(streamed.slice(0, 50));
  });

  it('numbers customers C000001… padded to the count', () => {
    const [first] = generateDemoCustomers({ customers: 5, seed: 1 });
    expect(first!.customer.id).toBe('C000001');
    const context = createDemoContext({ customers: 12_345_678, seed: 1 });
    expect(generateDemoCustomer(context, 9).customer.id).toBe('C00000010');
  });

  it('keeps every event inside the period, in whole seconds, sorted, of its own customer', () => {
    const { startMs, endMs } = demoPeriod(SMALL);
    expect(new Date(startMs).toISOString()).toBe('2025-08-31T21:00:00.000Z');
    expect(new Date(endMs).toISOString()).toBe('2026-10-31T21:00:00.000Z');
    for (const demo of generateDemoCustomers(SMALL)) {
      let previous = -Infinity;
      for (const event of demo.events) {
        expect(event.customerId).toBe(demo.customer.id);
        expect(event.ts).toBeGreaterThanOrEqual(Math.max(previous, startMs));
        expect(event.ts).toBeLessThan(endMs);
        expect(event.ts % 1000).toBe(0);
        previous = event.ts;
      }
    }
  });

  it('honours endDate and months', () => {
    const options = { customers: 200, seed: 3, endDate: '2025-12-31', months: 12 };
    const { startMs, endMs } = demoPeriod(options);
    expect(new Date(startMs).toISOString()).toBe('2024-12-31T21:00:00.000Z');
    const events = generateDemoDataset(options).events;
    expect(events.length).toBeGreaterThan(200 * 30);
    expect(events.every((event) => event.ts >= startMs && event.ts < endMs)).toBe(true);
  });

  it('rejects unusable options with a user-facing error', () => {
    const attempt = (options: object) => () => [...generateDemoCustomers({ ...DEFAULT_DEMO_OPTIONS, ...options })];
    expect(attempt({ customers: -1 })).toThrow(UserFacingError);
    expect(attempt({ customers: 1.5 })).toThrow(/customers/);
    expect(attempt({ seed: Number.NaN })).toThrow(/seed/);
    expect(attempt({ endDate: '2026-02-30' })).toThrow(/endDate/);
    expect(attempt({ months: 11 })).toThrow(/months/);
    expect([...generateDemoCustomers({ customers: 0, seed: 1 })]).toEqual([]);
  });

  it('exposes the defaults the app uses', () => {
    expect(DEFAULT_DEMO_OPTIONS).toEqual({ customers: 5000, seed: 42 });
  });
});
