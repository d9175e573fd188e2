import type { Language } from '../i18n/i18n';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

export function formatInteger(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** Whole amounts without decimals (15 190), others with kopecks/cents (54 399,50). */
export function formatMoney(value: number, language: Language): string {
  const hasCents = Math.round(value * 100) % 100 !== 0;
  const digits = hasCents ? 2 : 0;
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A date in the workspace's time zone, e.g. "5 мар. 2026 г." or "5 Mar 2026". */
export function formatDate(ts: number, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone }).format(ts);
}

export function formatDateTime(ts: number, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ts);
}

/** Formats a calendar date 'YYYY-MM-DD' without shifting it through a time zone. */
export function formatCalendarDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

export function formatBytes(bytes: number, language: Language): string {
  const units = language === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
