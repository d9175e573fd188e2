import { describe, expect, it } from 'vitest';
import { formatBytes, formatCalendarDate, formatMoney } from './format';

describe('formatting', () => {
  it('shows money without decimals when whole and with two when not', () => {
    expect(formatMoney(15190, 'en')).toBe('15,190');
    expect(formatMoney(54399.5, 'en')).toBe('54,399.50');
    expect(formatMoney(54399.5, 'ru').replace(/\s/g, ' ')).toBe('54 399,50');
  });

  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(formatCalendarDate('1987-05-10', 'en')).toBe('10 May 1987');
  });

  it('scales bytes', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3, 'ru')).toBe('5 ГБ');
  });
});
