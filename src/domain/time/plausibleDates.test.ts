import { describe, expect, it } from 'vitest';
import { addToSpan, describeWindow, emptySpan, isPlaceholderYear, isPlausibleInstant, mergeSpans, parsePlausibleDates, plausibleSpan, plausibleWindow } from './plausibleDates';

const NOW = Date.UTC(2026, 4, 2, 12);
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('plausibleWindow', () => {
  it('runs from 1970-01-01 to now + 1 day by default', () => {
    const window = plausibleWindow(NOW);
    expect(window.from).toBe(0);
    expect(window.to).toBe(NOW + 86_400_000);
    expect(isPlausibleInstant(at('2099-01-01'), window)).toBe(false);
    expect(isPlausibleInstant(at('1969-12-31'), window)).toBe(false);
    expect(isPlausibleInstant(at('2026-05-03'), window)).toBe(true);
  });

  it('takes whole calendar days as its ends', () => {
    const window = plausibleWindow(NOW, { from: '2015-01-01', to: '2025-12-31' });
    expect(describeWindow(window)).toBe('2015-01-01 … 2025-12-31');
    expect(isPlausibleInstant(Date.parse('2025-12-31T23:59:59Z'), window)).toBe(true);
    expect(isPlausibleInstant(at('2026-01-01'), window)).toBe(false);
  });
});

describe('plausibleSpan', () => {
  it('keeps dates far outside the data out of the first and last instants, and counts them', () => {
    const window = plausibleWindow(NOW);
    const span = plausibleSpan([Float64Array.from([at('2023-01-05'), at('2099-01-01'), at('2025-06-30'), Number.NaN]), [at('9999-12-31'), at('1900-01-01')]], window);
    expect(span).toEqual({ first: at('2023-01-05'), last: at('2025-06-30'), outside: 3 });
  });

  it('trusts a column range wholly inside the window without scanning it, and scans the others', () => {
    const window = plausibleWindow(NOW);
    const inside = [at('2024-01-01'), at('2024-06-01')];
    const straddling = [at('2024-02-01'), at('2099-01-01')];
    const span = plausibleSpan([inside, straddling], window, [{ min: inside[0]!, max: inside[1]! }, { min: straddling[0]!, max: straddling[1]! }]);
    expect(span).toEqual({ first: at('2024-01-01'), last: at('2024-06-01'), outside: 1 });
  });

  it('has no first or last when nothing is plausible, and merges spans', () => {
    const window = plausibleWindow(NOW);
    const none = emptySpan();
    addToSpan(none, at('2099-01-01'), window);
    expect(none).toEqual({ first: Number.NaN, last: Number.NaN, outside: 1 });
    const some = plausibleSpan([[at('2020-01-01'), at('2021-01-01')]], window);
    expect(mergeSpans([none, some])).toEqual({ first: at('2020-01-01'), last: at('2021-01-01'), outside: 1 });
  });
});

describe('isPlaceholderYear', () => {
  it('is true for years 0000 and 0001 only', () => {
    expect(isPlaceholderYear(new Date(0).setUTCFullYear(1, 11, 31))).toBe(true);
    expect(isPlaceholderYear(new Date(0).setUTCFullYear(0, 0, 1))).toBe(true);
    expect(isPlaceholderYear(new Date(0).setUTCFullYear(2, 0, 1))).toBe(false);
    expect(isPlaceholderYear(at('1900-01-01'))).toBe(false);
  });
});

describe('parsePlausibleDates', () => {
  it('reads FROM..TO with either side open, and refuses what is not', () => {
    expect(parsePlausibleDates('2015-01-01..2025-12-31')).toEqual({ from: '2015-01-01', to: '2025-12-31' });
    expect(parsePlausibleDates('2015-01-01..')).toEqual({ from: '2015-01-01' });
    expect(parsePlausibleDates('..2025-12-31')).toEqual({ to: '2025-12-31' });
    expect(parsePlausibleDates('2025-02-30..')).toBeUndefined();
    expect(parsePlausibleDates('2025-12-31..2015-01-01')).toBeUndefined();
    expect(parsePlausibleDates('last year')).toBeUndefined();
  });
});
