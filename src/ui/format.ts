import { useAppStore } from '../store/appStore';
import { createFormatter, type Formatter } from '../domain/format';
import { useLanguage } from './useLanguage';

export type { Formatter } from '../domain/format';

/**
 * The formatter of the interface language and the active workspace (its currency and time
 * zone); re-renders when either changes. Every figure on screen goes through it:
 *
 * ```tsx
 * const format = useFormat();
 * <span>{format.count(orders)}</span> <span>{format.money(revenue, 'whole')}</span>
 * ```
 *
 * Texts with a counted noun pass the number as `count` (plural forms) and format it in the
 * text: `t('data.customersCount', { count })` with `'{{count, count}} customers'`.
 */
export function useFormat(): Formatter {
  const language = useLanguage();
  const currency = useAppStore((state) => state.display.currency.code);
  const timeZone = useAppStore((state) => state.display.timeZone);
  return createFormatter({ language, currency, timeZone });
}
