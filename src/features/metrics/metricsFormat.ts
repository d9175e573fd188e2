import { useMemo } from 'react';
import { formatCalendarDate, formatInteger, formatMoney, formatPercent } from '../../ui/format';
import { useLanguage } from '../../ui/useLanguage';

/** The number formats the Metrics screen uses, in the interface language. */
export interface MetricsFormat {
  count(value: number): string;
  money(value: number): string;
  percent(share: number): string;
  decimal(value: number, digits?: number): string;
  calendarDate(isoDate: string): string;
}

export function useMetricsFormat(): MetricsFormat {
  const language = useLanguage();
  return useMemo(
    () => ({
      count: (value) => formatInteger(value, language),
      money: (value) => formatMoney(Math.round(value * 100) / 100, language),
      percent: (share) => formatPercent(share, language),
      decimal: (value, digits = 2) => new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value),
      calendarDate: (isoDate) => formatCalendarDate(isoDate, language),
    }),
    [language],
  );
}
