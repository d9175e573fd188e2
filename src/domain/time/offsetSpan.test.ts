import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPAN_BLOCK_HOURS, zoneOffsetMs, zoneOffsetSpan, ZoneOffsetCache, type OffsetSpan } from './localDay';

const HOUR_MS = 3_600_000;
const ZONES = ['Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/Moscow', 'UTC'];
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });

function spanAt(ts: number, timeZone: string): OffsetSpan {
  const span = { offsetMs: Number.NaN, fromTs: Number.NaN, toTs: Number.NaN };
  zoneOffsetSpan(ts, timeZone, span);
  return span;
}

describe('offset spans', () => {
  it('answer the offset of the instant, hold it, and the offset is the same at every hour of the span', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ts, timeZone) => {
        const span = spanAt(ts, timeZone);
        expect(span.offsetMs).toBe(zoneOffsetMs(ts, timeZone));
        expect(ts).toBeGreaterThanOrEqual(span.fromTs);
        expect(ts).toBeLessThan(span.toTs);
        if (timeZone === 'UTC') return;
        expect(span.toTs - span.fromTs).toBeGreaterThanOrEqual(HOUR_MS);
        let differing = zoneOffsetMs(span.toTs - 1, timeZone) === span.offsetMs ? 0 : 1;
        for (let at = span.fromTs; at < span.toTs; at += HOUR_MS) if (zoneOffsetMs(at, timeZone) !== span.offsetMs) differing++;
        expect(differing).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('end exactly at a daylight-saving change (Berlin, spring 2026: 01:00 UTC)', () => {
    const change = Date.UTC(2026, 2, 29, 1);
    const before = spanAt(change - 1, 'Europe/Berlin');
    const after = spanAt(change, 'Europe/Berlin');
    expect(before.offsetMs).toBe(HOUR_MS);
    expect(before.toTs).toBe(change);
    expect(after.offsetMs).toBe(2 * HOUR_MS);
    expect(after.fromTs).toBe(change);
    // months long, not an hour: a customer's clock walks through them without asking again
    expect(after.toTs - after.fromTs).toBeGreaterThan(30 * 24 * HOUR_MS);
  });

  it('walked from one to the next, cover 2000 … 2030 hour by hour and end only at a change or a block edge', () => {
    for (const timeZone of ['Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe']) {
      const problems: string[] = [];
      for (let ts = Date.UTC(2000, 0, 1); ts < Date.UTC(2030, 0, 1); ) {
        const span = spanAt(ts, timeZone);
        for (let at = ts; at < span.toTs; at += HOUR_MS) if (zoneOffsetMs(at, timeZone) !== span.offsetMs) problems.push(`${new Date(at).toISOString()} inside a span of another offset`);
        const isChange = zoneOffsetMs(span.toTs, timeZone) !== span.offsetMs;
        if (!isChange && (span.toTs / HOUR_MS) % SPAN_BLOCK_HOURS !== 0) problems.push(`${new Date(span.toTs).toISOString()} ends a span without a change`);
        ts = span.toTs;
      }
      expect(problems, timeZone).toEqual([]);
    }
  });

  it('cover instants outside the table (before 1970) by their hour', () => {
    const ts = Date.UTC(1960, 5, 1, 12, 30);
    const span = spanAt(ts, 'Europe/Berlin');
    expect(span.offsetMs).toBe(zoneOffsetMs(ts, 'Europe/Berlin'));
    expect(span.fromTs).toBe(Date.UTC(1960, 5, 1, 12));
    expect(span.toTs).toBe(Date.UTC(1960, 5, 1, 13));
  });
});

describe('the zone offset cache', () => {
  it('answers like zoneOffsetMs for any sequence of instants and zones', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 60 }), fc.boolean(), (asks, inOrder) => {
        const cache = new ZoneOffsetCache();
        if (inOrder) asks.sort((a, b) => a[0] - b[0]);
        for (const [ts, timeZone] of asks) expect(cache.offsetAt(ts, timeZone)).toBe(zoneOffsetMs(ts, timeZone));
      }),
    );
  });
});
