import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDay, civilFromDays, daysFromCivil, monthOfDay, periodLabel, periodOfDay, periodStartDay, weekOfDay } from './calendar';
import { isoDateToDayNumber } from './localDay';
import { formatEpochDay } from './isoFormat';

const day = (iso: string) => isoDateToDayNumber(iso);

describe('calendar periods', () => {
  it('numbers months as year × 12 + month − 1, agreeing with Date for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (epochDay) => {
        const date = new Date(epochDay * 86_400_000);
        expect(monthOfDay(epochDay)).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
        const civil = civilFromDays(epochDay);
        expect([civil.year, civil.month, civil.day]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(epochDay);
      }),
    );
  });

  it('starts ISO weeks on Monday and months on the 1st', () => {
    expect(formatEpochDay(periodStartDay(weekOfDay(day('2026-01-01')), 'week'))).toBe('2025-12-29');
    expect(formatEpochDay(periodStartDay(weekOfDay(day('2026-01-04')), 'week'))).toBe('2025-12-29');
    expect(formatEpochDay(periodStartDay(weekOfDay(day('2026-01-05')), 'week'))).toBe('2026-01-05');
    expect(formatEpochDay(periodStartDay(monthOfDay(day('2024-02-29')), 'month'))).toBe('2024-02-01');
    expect(periodOfDay(day('1969-12-31'), 'month')).toBe(1969 * 12 + 11);
  });

  it('labels months YYYY-MM and weeks by their ISO week-numbering year', () => {
    expect(periodLabel(monthOfDay(day('2010-12-01')), 'month')).toBe('2010-12');
    expect(periodLabel(weekOfDay(day('2010-12-01')), 'week')).toBe('2010-W48');
    expect(periodLabel(weekOfDay(day('2021-01-03')), 'week')).toBe('2020-W53');
    expect(periodLabel(weekOfDay(day('2021-01-04')), 'week')).toBe('2021-W01');
    expect(periodLabel(weekOfDay(day('2019-12-30')), 'week')).toBe('2020-W01');
    expect(periodLabel(weekOfDay(day('2026-12-31')), 'week')).toBe('2026-W53');
  });

  it('moves a day by calendar months, clamping to the month end', () => {
    expect(formatEpochDay(addMonthsToDay(day('2026-05-31'), -3))).toBe('2026-02-28');
    expect(formatEpochDay(addMonthsToDay(day('2024-05-31'), -3))).toBe('2024-02-29');
    expect(formatEpochDay(addMonthsToDay(day('2026-03-15'), -12))).toBe('2025-03-15');
    expect(formatEpochDay(addMonthsToDay(day('2026-01-10'), -1))).toBe('2025-12-10');
    expect(formatEpochDay(addMonthsToDay(day('2025-12-10'), 1))).toBe('2026-01-10');
  });
});
