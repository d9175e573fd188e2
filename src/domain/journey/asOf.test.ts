import { describe, expect, it } from 'vitest';
import { asOfInstant, defaultAsOfDate } from './asOf';

describe('the default as-of date', () => {
  it('is the day after the last event, in the workspace zone', () => {
    expect(defaultAsOfDate(Date.parse('2025-03-01T22:30:00Z'), 'Europe/Moscow')).toBe('2025-03-03');
    expect(defaultAsOfDate(Date.parse('2025-03-01T22:30:00Z'), 'UTC')).toBe('2025-03-02');
    expect(defaultAsOfDate(null, 'UTC')).toBeNull();
  });

  it('is none after a last event on 9999-12-31, never a date that cannot be read back', () => {
    expect(defaultAsOfDate(Date.parse('9999-12-31T12:00:00Z'), 'UTC')).toBeNull();
    const lastReadable = defaultAsOfDate(Date.parse('9999-12-30T12:00:00Z'), 'UTC')!;
    expect(lastReadable).toBe('9999-12-31');
    expect(Number.isFinite(asOfInstant(lastReadable, 'UTC'))).toBe(true);
  });
});
