import { describe, expect, it } from 'vitest';
import { formatEpochDay } from '../time';
import { figureChange, periodWindow, shiftWindow } from './comparison';
import { day } from './testing';

const dates = (window: { fromDay: number | null; toDay: number }) => [window.fromDay === null ? null : formatEpochDay(window.fromDay), formatEpochDay(window.toDay)];

describe('periods and comparisons', () => {
  it('ends every period at D and starts it calendar months earlier', () => {
    expect(dates(periodWindow(day('2026-03-15'), 'all'))).toEqual([null, '2026-03-15']);
    expect(dates(periodWindow(day('2026-03-15'), 'month'))).toEqual(['2026-02-15', '2026-03-15']);
    expect(dates(periodWindow(day('2026-05-31'), 'quarter'))).toEqual(['2026-02-28', '2026-05-31']);
    expect(dates(periodWindow(day('2026-03-01'), 'year'))).toEqual(['2025-03-01', '2026-03-01']);
  });

  it('compares with the same window a year and a quarter before', () => {
    const window = periodWindow(day('2026-03-01'), 'quarter');
    expect(dates(shiftWindow(window, 'year'))).toEqual(['2024-12-01', '2025-03-01']);
    expect(dates(shiftWindow(window, 'quarter'))).toEqual(['2025-09-01', '2025-12-01']);
    expect(dates(shiftWindow(periodWindow(day('2026-03-01'), 'all'), 'year'))).toEqual([null, '2025-03-01']);
  });

  it('gives the difference and the relative change, null when there is nothing to compare with', () => {
    expect(figureChange(150, 100)).toEqual({ previous: 100, difference: 50, relative: 0.5 });
    expect(figureChange(-50, -100)).toEqual({ previous: -100, difference: 50, relative: 0.5 });
    expect(figureChange(10, 0)).toEqual({ previous: 0, difference: 10, relative: null });
    expect(figureChange(null, 3)).toEqual({ previous: 3, difference: null, relative: null });
    expect(figureChange(0.4, null)).toEqual({ previous: null, difference: null, relative: null });
  });
});
