import { useMemo } from 'react';
import { useFormat } from '../../ui/format';

/**
 * The number formats the Metrics screen uses: the app's one formatter (`useFormat`), so money
 * carries the workspace currency and shares keep one decimal as everywhere else. Metrics are
 * totals and averages, so money is whole ("1 234 568 ₽").
 */
export interface MetricsFormat {
  count(value: number): string;
  money(value: number): string;
  percent(share: number): string;
  decimal(value: number, digits?: number): string;
  calendarDate(isoDate: string): string;
}

export function useMetricsFormat(): MetricsFormat {
  const format = useFormat();
  return useMemo(
    () => ({
      count: (value) => format.count(value),
      money: (value) => format.money(value, 'whole'),
      percent: (share) => format.percent(share),
      decimal: (value, digits = 2) => format.decimal(value, digits),
      calendarDate: (isoDate) => format.calendarDate(isoDate),
    }),
    [format],
  );
}
