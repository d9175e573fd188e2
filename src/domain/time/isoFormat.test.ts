import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEpochDay, formatUtcDate, formatUtcInstant } from './isoFormat';

describe('ISO formatting', () => {
  it('matches Date#toISOString for whole seconds, dropping the zero milliseconds', () => {
    expect(formatUtcInstant(Date.UTC(2026, 2, 5, 18, 42, 10))).toBe('2026-03-05T18:42:10Z');
    expect(formatUtcInstant(0)).toBe('1970-01-01T00:00:00Z');
    expect(formatUtcInstant(Date.UTC(2024, 1, 29, 23, 59, 59, 7))).toBe('2024-02-29T23:59:59.007Z');
  });

  it('agrees with Date for any instant between 1900 and 2200', () => {
    const min = Date.UTC(1900, 0, 1);
    const max = Date.UTC(2200, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        expect(formatUtcInstant(ms)).toBe(new Date(ms).toISOString().replace('.000Z', 'Z'));
        expect(formatUtcDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats epoch days around leap years and before 1970', () => {
    expect(formatEpochDay(-1)).toBe('1969-12-31');
    expect(formatEpochDay(Date.UTC(2000, 1, 29) / 86_400_000)).toBe('2000-02-29');
    expect(formatEpochDay(Date.UTC(2100, 2, 1) / 86_400_000)).toBe('2100-03-01');
  });
});
