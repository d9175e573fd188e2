import { describe, expect, it } from 'vitest';
import { formatUtcInstant } from '../../time/isoFormat';
import { detectDateFormat, parseDateFormatSpec } from './dateDetection';
import { daysFromCivil, instantOf, parseDate, type DateFormat, type DateOrder } from './dates';

function calendar(order: DateOrder): DateFormat {
  return { kind: 'calendar', order, label: order };
}

function iso(raw: string, format: DateFormat, zone = 'UTC'): string {
  const parsed = parseDate(raw, format);
  if (!parsed.ok) throw new Error(parsed.reason);
  return formatUtcInstant(instantOf(parsed.date, zone));
}

describe('parseDate', () => {
  it.each([
    ['2026-03-05', 'YMD', '2026-03-05T00:00:00Z'],
    ['2026-03-05T18:42:10Z', 'YMD', '2026-03-05T18:42:10Z'],
    ['2026-03-05T18:42:10.123Z', 'YMD', '2026-03-05T18:42:10.123Z'],
    ['2026-03-05 18:42:10+03:00', 'YMD', '2026-03-05T15:42:10Z'],
    ['2026-03-05T18:42:10+0300', 'YMD', '2026-03-05T15:42:10Z'],
    ['2026-03-05 18:42', 'DMY', '2026-03-05T18:42:00Z'],
    ['2026/03/05', 'YMD', '2026-03-05T00:00:00Z'],
    ['05.03.2026', 'DMY', '2026-03-05T00:00:00Z'],
    ['5.3.2026', 'DMY', '2026-03-05T00:00:00Z'],
    ['05.03.2026 14:30', 'DMY', '2026-03-05T14:30:00Z'],
    ['05.03.2026 14:30:15', 'DMY', '2026-03-05T14:30:15Z'],
    ['05.03.2026, 14:30', 'DMY', '2026-03-05T14:30:00Z'],
    ['05.03.26', 'DMY', '2026-03-05T00:00:00Z'],
    ['05.03.85', 'DMY', '1985-03-05T00:00:00Z'],
    ['05.03.2026 г.', 'DMY', '2026-03-05T00:00:00Z'],
    ['03/05/2026', 'MDY', '2026-03-05T00:00:00Z'],
    ['12/1/2010 8:26', 'MDY', '2010-12-01T08:26:00Z'],
    ['3/5/2026 2:05 PM', 'MDY', '2026-03-05T14:05:00Z'],
    ['3/5/2026 12:05 AM', 'MDY', '2026-03-05T00:05:00Z'],
    ['05-03-2026', 'DMY', '2026-03-05T00:00:00Z'],
    ['5 марта 2026', 'DMY', '2026-03-05T00:00:00Z'],
    ['5 марта 2026 г.', 'DMY', '2026-03-05T00:00:00Z'],
    ['05-Mar-2026', 'MDY', '2026-03-05T00:00:00Z'],
    ['Mar 5, 2026', 'DMY', '2026-03-05T00:00:00Z'],
    ['5 Mar 2026 10:00', 'DMY', '2026-03-05T10:00:00Z'],
    ['  2026-03-05  ', 'YMD', '2026-03-05T00:00:00Z'],
    ['2024-02-29', 'YMD', '2024-02-29T00:00:00Z'],
  ] as const)('%s (%s) → %s', (raw, order, expected) => {
    expect(iso(raw, calendar(order))).toBe(expected);
  });

  it('reads a year-first value as such whatever order the column has', () => {
    expect(iso('2026-03-05', calendar('DMY'))).toBe('2026-03-05T00:00:00Z');
    expect(iso('2026-03-05', calendar('MDY'))).toBe('2026-03-05T00:00:00Z');
  });

  it.each([
    ['2025-13-45', 'YMD', 'month 13 does not exist in "2025-13-45"'],
    ['31.04.2025', 'DMY', 'April 2025 has no day 31 in "31.04.2025"'],
    ['29.02.2025', 'DMY', 'February 2025 has no day 29 in "29.02.2025"'],
    ['32.01.2025', 'DMY', 'day 32 does not exist in "32.01.2025"'],
    ['05.03.2026 25:00', 'DMY', 'hour 25 does not exist in "05.03.2026 25:00"'],
    ['05.03.2026 10:61', 'DMY', 'minute 61 does not exist in "05.03.2026 10:61"'],
    ['13/5/2026 13:00 PM', 'DMY', 'hour 13 does not exist with AM/PM in "13/5/2026 13:00 PM"'],
    ['вчера', 'DMY', '"вчера" is not a date'],
    ['2026-03-05 или позже', 'YMD', '"2026-03-05 или позже" is not a date'],
    ['12345', 'DMY', '"12345" is not a date'],
  ] as const)('rejects %s with a reason', (raw, order, reason) => {
    expect(parseDate(raw, calendar(order))).toMatchObject({ ok: false, reason });
  });

  it('reads Excel serials, Unix seconds and milliseconds and compact dates', () => {
    expect(iso('46086', { kind: 'excel', label: '' })).toBe('2026-03-05T00:00:00Z');
    expect(iso('46086.5', { kind: 'excel', label: '' })).toBe('2026-03-05T12:00:00Z');
    expect(iso('46086,25', { kind: 'excel', label: '' })).toBe('2026-03-05T06:00:00Z');
    expect(iso('1772735730', { kind: 'unix_s', label: '' })).toBe('2026-03-05T18:35:30Z');
    expect(iso('1772735730123', { kind: 'unix_ms', label: '' })).toBe('2026-03-05T18:35:30.123Z');
    expect(iso('20260305', { kind: 'compact', label: '' })).toBe('2026-03-05T00:00:00Z');
    expect(iso('20260305143000', { kind: 'compact', label: '' })).toBe('2026-03-05T14:30:00Z');
    expect(parseDate('20261305', { kind: 'compact', label: '' })).toMatchObject({ ok: false, reason: 'month 13 does not exist in "20261305"', problem: { code: 'month', number: 13, value: '20261305' } });
  });

  it('reads local times in the given zone, across daylight-saving changes, and keeps explicit offsets', () => {
    expect(iso('05.03.2026 14:30', calendar('DMY'), 'Europe/Moscow')).toBe('2026-03-05T11:30:00Z');
    expect(iso('2026-07-01 12:00', calendar('YMD'), 'Europe/Berlin')).toBe('2026-07-01T10:00:00Z');
    expect(iso('2026-01-01 12:00', calendar('YMD'), 'Europe/Berlin')).toBe('2026-01-01T11:00:00Z');
    expect(iso('2026-03-05T14:30:00Z', calendar('YMD'), 'Europe/Moscow')).toBe('2026-03-05T14:30:00Z');
    expect(iso('1772735730', { kind: 'unix_s', label: '' }, 'Asia/Tokyo')).toBe('2026-03-05T18:35:30Z');
  });

  it('counts days like the calendar does', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    expect(daysFromCivil(1899, 12, 30)).toBe(-25_569);
    for (let day = -800_000; day < 800_000; day += 997) {
      const date = new Date(day * 86_400_000);
      expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }
  });
});

describe('detectDateFormat', () => {
  it('settles day-first from a day over 12 anywhere in the column', () => {
    const guess = detectDateFormat(['01/02/2025', '03/04/2025', '25/04/2025']);
    expect(guess.format).toMatchObject({ kind: 'calendar', order: 'DMY', label: 'DD/MM/YYYY' });
    expect(guess.isAmbiguous).toBe(false);
    expect(guess.validShare).toBe(1);
  });

  it('settles month-first from a second number over 12', () => {
    const guess = detectDateFormat(['12/1/2010 8:26', '12/13/2010 9:15'], false);
    expect(guess.format).toMatchObject({ order: 'MDY' });
    expect(guess.isAmbiguous).toBe(false);
  });

  it('reads dotted dates day-first without asking', () => {
    const guess = detectDateFormat(['01.02.2025 10:00', '03.04.2025 11:30']);
    expect(guess.format).toMatchObject({ order: 'DMY', label: 'DD.MM.YYYY HH:mm' });
    expect(guess.isAmbiguous).toBe(false);
  });

  it('reports slashed dates nothing settles as ambiguous, read in the preferred order', () => {
    expect(detectDateFormat(['01/02/2025', '03/04/2025'], true)).toMatchObject({ isAmbiguous: true, format: { order: 'MDY' } });
    expect(detectDateFormat(['01/02/2025', '03/04/2025'], false)).toMatchObject({ isAmbiguous: true, format: { order: 'DMY' } });
  });

  it('flags a column with both day-first and month-first values and follows the majority', () => {
    const guess = detectDateFormat(['13/01/2025', '14/01/2025', '01/13/2025']);
    expect(guess).toMatchObject({ hasConflict: true, format: { order: 'DMY' } });
    expect(guess.validShare).toBeCloseTo(2 / 3);
  });

  it.each([
    [['2026-03-05T18:42:10Z', '2026-03-06T08:00:00Z'], 'YYYY-MM-DDTHH:mm:ssZ'],
    [['2026-03-05 18:42:10', '2026-03-06 08:00:00', '2026-03-07T08:00:00Z'], 'YYYY-MM-DD HH:mm:ss'],
    [['2026-03-05', '2026-03-06'], 'YYYY-MM-DD'],
    [['46086', '46087.5', '45000'], 'Excel serial'],
    [['1772735730', '1772735799'], 'Unix seconds'],
    [['1772735730123', '1772735799000'], 'Unix milliseconds'],
    [['20260305', '20260306'], 'YYYYMMDD'],
    [['5 марта 2026', '12 апреля 2026'], 'DD MMM YYYY'],
    [['3/5/2026 2:05 PM', '3/15/2026 11:00 AM'], 'MM/DD/YYYY h:mm A'],
  ])('labels %j as %s', (values, label) => {
    expect(detectDateFormat(values).format?.label).toBe(label);
  });

  it('says a column of names or amounts is not dates', () => {
    expect(detectDateFormat(['Иван', 'Пётр']).format).toBeUndefined();
    expect(detectDateFormat(['1234.50', '99.90', '15']).format).toBeUndefined();
    expect(detectDateFormat(['', ' ']).format).toBeUndefined();
  });
});

describe('parseDateFormatSpec', () => {
  it.each([
    ['DD.MM.YYYY HH:mm', 'DMY'],
    ['MM/DD/YYYY', 'MDY'],
    ['M/D/YY h:mm A', 'MDY'],
    ['YYYY-MM-DD', 'YMD'],
    ['iso', 'YMD'],
    ['dmy', 'DMY'],
  ] as const)('%s → %s', (spec, order) => {
    expect(parseDateFormatSpec(spec)).toMatchObject({ kind: 'calendar', order });
  });

  it('knows the numeric formats and refuses nonsense', () => {
    expect(parseDateFormatSpec('excel')?.kind).toBe('excel');
    expect(parseDateFormatSpec('unix')?.kind).toBe('unix_s');
    expect(parseDateFormatSpec('unix_ms')?.kind).toBe('unix_ms');
    expect(parseDateFormatSpec('yyyymmdd')?.kind).toBe('compact');
    expect(parseDateFormatSpec('tomorrow')).toBeUndefined();
    expect(parseDateFormatSpec('YYYY-DD')).toBeUndefined();
  });
});
