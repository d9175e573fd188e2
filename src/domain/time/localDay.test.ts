import { describe, expect, it } from 'vitest';
import { formatEpochDay } from './isoFormat';
import { isoDateToDayNumber, localDayNumber, startOfLocalDay, zoneOffsetMs } from './localDay';

describe('local days', () => {
  it('puts an instant just after UTC midnight on the previous day in New York and the same day in Moscow', () => {
    const ts = Date.UTC(2026, 2, 5, 0, 30);
    expect(formatEpochDay(localDayNumber(ts, 'America/New_York'))).toBe('2026-03-04');
    expect(formatEpochDay(localDayNumber(ts, 'Europe/Moscow'))).toBe('2026-03-05');
    expect(formatEpochDay(localDayNumber(Date.UTC(2026, 2, 5, 21, 30), 'Europe/Moscow'))).toBe('2026-03-06');
  });

  it('follows daylight saving time', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 15), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'Europe/Berlin')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.UTC(2026, 6, 15), 'UTC')).toBe(0);
  });

  it('finds the first instant of a local day', () => {
    const day = isoDateToDayNumber('2026-07-01');
    expect(new Date(startOfLocalDay(day, 'Europe/Moscow')).toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(new Date(startOfLocalDay(day, 'America/New_York')).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(localDayNumber(startOfLocalDay(day, 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(day);
  });

  it('rejects dates that do not exist', () => {
    expect(isoDateToDayNumber('2025-02-29')).toBeNaN();
    expect(isoDateToDayNumber('2025-13-01')).toBeNaN();
    expect(isoDateToDayNumber('2024-02-29')).toBe(19_782);
  });
});

describe('zone offsets hour by hour', () => {
  it('are exactly what Intl says for every hour of two years, across every change', () => {
    const formatter = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo']) {
      const format = formatter(timeZone);
      const start = Date.UTC(2018, 9, 1);
      for (let hour = 0; hour < 2 * 365 * 24; hour += 1) {
        const ts = start + hour * 3_600_000;
        const parts = Object.fromEntries(format.formatToParts(ts).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
        const expected = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - ts;
        if (zoneOffsetMs(ts, timeZone) !== expected) throw new Error(`${timeZone} ${new Date(ts).toISOString()}: ${zoneOffsetMs(ts, timeZone)} ≠ ${expected}`);
      }
    }
  });

  it('are what Intl says on both sides of the flat table (1970 … 2099) and before it', () => {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Moscow', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    const intlOffset = (ts: number) => {
      const parts = Object.fromEntries(format.formatToParts(ts).filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
      return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(ts / 1000) * 1000;
    };
    // Moscow changed its offset in 1981, 1991, 2011 and 2014; hours before 1970 and after 2099 are outside the table
    for (const start of [Date.UTC(1969, 11, 20), Date.UTC(1955, 5, 1), Date.UTC(1991, 2, 20), Date.UTC(2014, 9, 20), Date.UTC(2099, 11, 20)]) {
      for (let hour = 0; hour < 24 * 30; hour++) {
        const ts = start + hour * 3_600_000 + 1_234;
        expect(zoneOffsetMs(ts, 'Europe/Moscow'), new Date(ts).toISOString()).toBe(intlOffset(ts));
      }
    }
  });
});
