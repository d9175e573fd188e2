import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFormatter } from './formatter';

const ru = createFormatter({ language: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow' });
const en = createFormatter({ language: 'en', currency: 'RUB', timeZone: 'Europe/Moscow' });
const usd = createFormatter({ language: 'en', currency: 'USD', timeZone: 'America/New_York' });

/** Intl writes no-break and narrow no-break spaces; compare with plain ones. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('counts', () => {
  it('group thousands in both languages, 4-digit numbers included', () => {
    expect(plain(ru.count(22062))).toBe('22 062');
    expect(plain(ru.count(4373))).toBe('4 373');
    expect(plain(ru.count(50000))).toBe('50 000');
    expect(en.count(22062)).toBe('22,062');
    expect(en.count(5046)).toBe('5,046');
  });

  it('round to whole numbers and never show a negative zero', () => {
    expect(en.count(2.6)).toBe('3');
    expect(en.count(-0)).toBe('0');
    expect(en.count(-0.2)).toBe('0');
    expect(en.count(-5)).toBe('-5');
  });

  it('show a loss as a decrease, and no loss as 0 rather than −0', () => {
    expect(en.decrease(120)).toBe('\u2212120');
    expect(en.decrease(0)).toBe('0');
    expect(plain(ru.decrease(1200))).toBe('\u22121 200');
  });

  it('keep the same number of decimals whatever the value', () => {
    expect(en.decimal(2, 1)).toBe('2.0');
    expect(en.decimal(2.25, 1)).toBe('2.3');
    expect(ru.decimal(2.5, 2)).toBe('2,50');
  });

  it('grouped output reads back as the number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (value) => Number(en.count(value).replace(/,/g, '')) === (Object.is(value, -0) ? 0 : value)));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (value) => Number(plain(ru.count(value)).replace(/ /g, '')) === value));
  });
});

describe('money', () => {
  it('carries the workspace currency', () => {
    expect(plain(ru.money(15190))).toBe('15 190,00 ₽');
    expect(en.money(15190)).toBe('₽15,190.00');
    expect(usd.money(54399.5)).toBe('$54,399.50');
  });

  it('shows an exact amount always with its minor units, so a column never mixes 15,190 and 54,399.50', () => {
    expect(en.money(15190)).toBe('₽15,190.00');
    expect(en.money(54399.5)).toBe('₽54,399.50');
    expect(createFormatter({ language: 'en', currency: 'JPY', timeZone: 'UTC' }).money(1500)).toBe('¥1,500');
  });

  it('shows totals and averages in whole units', () => {
    expect(plain(ru.money(1234567.89, 'whole'))).toBe('1 234 568 ₽');
    expect(usd.money(-0.4, 'whole')).toBe('$0');
  });
});

describe('shares', () => {
  it('have one decimal by default, in every row', () => {
    expect(en.percent(0.05)).toBe('5.0%');
    expect(en.percent(0.117)).toBe('11.7%');
    expect(plain(ru.percent(0.117))).toBe('11,7 %');
    expect(en.percent(1, 0)).toBe('100%');
  });
});

describe('durations', () => {
  it('use the language’s plural forms', () => {
    expect(ru.days(1)).toBe('1 день');
    expect(ru.days(3)).toBe('3 дня');
    expect(ru.days(5)).toBe('5 дней');
    expect(ru.days(21)).toBe('21 день');
    expect(en.days(1)).toBe('1 day');
    expect(en.days(2)).toBe('2 days');
    expect(ru.days(1.5)).toBe('1,5 дня');
    expect(plain(ru.daysShort(12))).toBe('12 дн.');
    expect(plain(ru.seconds(12))).toBe('12 с');
  });
});

describe('dates', () => {
  it('are written in the interface language', () => {
    expect(plain(ru.calendarDate('2026-11-01'))).toBe('1 нояб. 2026 г.');
    expect(en.calendarDate('2026-11-01')).toBe('1 Nov 2026');
    expect(en.month('2026-11-01')).toBe('Nov 2026');
    expect(en.weekStart('2026-03-02')).toBe('2 Mar');
  });

  it('keep a calendar date on its day and show instants in the workspace zone', () => {
    expect(en.calendarDate('1987-05-10')).toBe('10 May 1987');
    // 21:30 UTC on 1 March is already 2 March in Moscow.
    expect(en.date(Date.UTC(2026, 2, 1, 21, 30))).toBe('2 Mar 2026');
    expect(usd.date(Date.UTC(2026, 2, 1, 21, 30))).toBe('1 Mar 2026');
  });

  it('leave a text that is not a date as it is', () => {
    expect(en.calendarDate('someday')).toBe('someday');
  });
});

describe('time zones and date patterns', () => {
  it('name a zone as people do, with its offset', () => {
    expect(ru.timeZoneName('Europe/Moscow')).toBe('Москва, стандартное время (GMT+3)');
    expect(en.timeZoneName('Asia/Yekaterinburg')).toBe('Yekaterinburg Time (GMT+5)');
    expect(en.timeZoneName('UTC')).toBe('GMT+0');
    expect(en.timeZoneName('Not/AZone')).toBe('Not/AZone');
  });

  it('write a date pattern with the language’s letters', () => {
    expect(ru.dateMask('DD.MM.YYYY HH:mm')).toBe('ДД.ММ.ГГГГ ЧЧ:мм');
    expect(en.dateMask('DD.MM.YYYY HH:mm')).toBe('DD.MM.YYYY HH:mm');
  });
});

describe('chart axes', () => {
  it('group numbers and carry the currency', () => {
    expect(plain(ru.axisTick(50000, 'count'))).toBe('50 000');
    expect(en.axisTick(0.25, 'percent')).toBe('25%');
    expect(en.axisTick(0.125, 'percent')).toBe('12.5%');
    expect(plain(ru.axisTick(2_500_000, 'money'))).toBe('2,5 млн ₽');
    expect(en.axisTick(5000, 'money')).toBe('₽5,000');
  });

  it('show the minor units of small sums: a cost axis from 0 to 0.30 does not read "0" at every tick', () => {
    expect([0, 0.05, 0.1, 0.25].map((tick) => en.axisTick(tick, 'money'))).toEqual(['₽0', '₽0.05', '₽0.10', '₽0.25']);
    expect(plain(ru.axisTick(0.1, 'money'))).toBe('0,10 ₽');
    expect(en.axisTick(99.5, 'money')).toBe('₽99.50');
    expect(en.axisTick(150.5, 'money')).toBe('₽151');
    expect(en.chartMoney(0.2)).toBe('₽0.20');
  });
});

describe('sizes', () => {
  it('scale bytes', () => {
    expect(plain(en.bytes(1536))).toBe('1.5 KB');
    expect(plain(ru.bytes(5 * 1024 ** 3))).toBe('5 ГБ');
  });
});

describe('the formatter', () => {
  it('is the same object for the same options', () => {
    expect(createFormatter({ language: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow' })).toBe(ru);
  });
});
