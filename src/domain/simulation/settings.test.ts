import { describe, expect, it } from 'vitest';
import { plausibleSpan, plausibleWindow } from '../time';
import { defaultSimulationPeriod, lastPlausibleInstant } from './settings';

/** The default period comes from the plausible span of the data: outliers (9999, 1900) never move it. */
const now = Date.parse('2026-05-01T12:00:00Z');
const at = (iso: string) => Date.parse(iso);
const history = Float64Array.from([at('2025-11-03T08:00:00Z'), at('2026-02-27T21:30:00Z'), at('2026-01-15T10:00:00Z')]);
const outliers = [at('9999-12-31T00:00:00Z'), at('1900-01-01T00:00:00Z'), Number.NaN];

describe('defaultSimulationPeriod', () => {
  it('ends on the local day of the last plausible event, whatever rows dated 9999 and 1900 say', () => {
    const span = plausibleSpan([history, outliers], plausibleWindow(now));
    expect(span.outside).toBe(2);
    expect(defaultSimulationPeriod(span, 'UTC')).toEqual({ from: '2025-11-30', to: '2026-02-27' });
    // 21:30 UTC is already the next day in Moscow
    expect(defaultSimulationPeriod(span, 'Europe/Moscow')).toEqual({ from: '2025-12-01', to: '2026-02-28' });
  });

  it('is the same with and without the outliers', () => {
    const window = plausibleWindow(now);
    expect(defaultSimulationPeriod(plausibleSpan([outliers, history], window), 'UTC')).toEqual(defaultSimulationPeriod(plausibleSpan([history], window), 'UTC'));
  });

  it('is null when no event is plausible (only placeholders), so the user is asked for the dates', () => {
    const span = plausibleSpan([outliers], plausibleWindow(now));
    expect(defaultSimulationPeriod(span, 'UTC')).toBeNull();
    expect(defaultSimulationPeriod(plausibleSpan([], plausibleWindow(now)), 'UTC')).toBeNull();
  });
});

describe('lastPlausibleInstant', () => {
  it('is the last instant inside the default window: not 9999, and not 1900 when that is all there is', () => {
    expect(lastPlausibleInstant([history, outliers], now)).toBe(at('2026-02-27T21:30:00Z'));
    expect(lastPlausibleInstant([[at('1900-01-01T00:00:00Z')]], now)).toBeNaN();
  });
});
