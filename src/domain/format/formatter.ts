/**
 * The one place numbers, money, shares, dates and durations are turned into text for people:
 * every screen, chart axis and tooltip, notice and toast goes through a `Formatter`. Pure (only
 * `Intl`), so the UI, the Web Workers and the command line can share it.
 *
 * Rules (so a column never mixes styles):
 * - thousands are always grouped, also 4-digit numbers ("5 000", "5,000");
 * - a negative zero never shows as "−0";
 * - money carries the workspace currency; `exact` amounts (one order) always show the
 *   currency's minor units ("15 190,00 ₽" beside "54 399,50 ₽"), `whole` amounts (totals,
 *   averages) never do ("1 234 567 ₽");
 * - a share always has the same number of decimals (one by default: "5,0 %" beside "11,7 %");
 * - days and seconds are units with the language's plural forms ("1 день", "3 дня", "5 дней").
 */
export type DisplayLanguage = 'ru' | 'en';

/** The locale each interface language formats with (British English: day-first dates, 24 h). */
export const DISPLAY_LOCALES: Record<DisplayLanguage, string> = { ru: 'ru-RU', en: 'en-GB' };

export type MoneyPrecision = 'exact' | 'whole';
export type ChartValueKind = 'count' | 'money' | 'percent' | 'days';

export interface FormatterOptions {
  language: DisplayLanguage;
  /** ISO 4217 code, e.g. 'RUB' */
  currency: string;
  /** IANA zone instants are shown in (the workspace's) */
  timeZone: string;
}

export interface Formatter extends Readonly<FormatterOptions> {
  /** A whole count: "22 062". Fractions are rounded. */
  count(value: number): string;
  /** A number with exactly `digits` decimals: "2,5". */
  decimal(value: number, digits?: number): string;
  /** A large count in a few characters, for tight places: "22 тыс.", "1.2M". */
  compact(value: number): string;
  money(value: number, precision?: MoneyPrecision): string;
  /** A share 0…1 as a percentage with exactly `digits` decimals: "11,7 %". */
  percent(share: number, digits?: number): string;
  /** A loss shown as a decrease: "−120"; no loss is "0", never "−0". */
  decrease(value: number): string;
  /** A number of days with its unit: "3 дня", "1.5 days"; fractions only below 10. */
  days(value: number): string;
  /** The same, abbreviated for table cells: "3 дн.", "3 days". */
  daysShort(value: number): string;
  seconds(value: number): string;
  bytes(value: number): string;
  /** An instant's calendar day in the formatter's time zone: "5 мар. 2026 г.", "5 Mar 2026". */
  date(ms: number): string;
  dateTime(ms: number): string;
  /** A calendar date 'YYYY-MM-DD' as it is, never shifted through a time zone. */
  calendarDate(isoDate: string): string;
  /** The month of a calendar date: "мар. 2026 г.", "Mar 2026". */
  month(isoDate: string): string;
  /** The month in a short form for chips and axes: "мар. 26", "Mar 26". */
  monthShort(isoDate: string): string;
  /** A week by its first day: "2 мар.", "2 Mar". */
  weekStart(isoDate: string): string;
  /** A time zone as people name it, with its offset: "Москва, стандартное время (GMT+3)". */
  timeZoneName(timeZone: string): string;
  /** A date pattern ("DD.MM.YYYY HH:mm") with the letters of the language ("ДД.ММ.ГГГГ ЧЧ:мм"). */
  dateMask(pattern: string): string;
  /** A tick of a chart axis of the given kind (tooltips use the figure's own format). */
  axisTick(value: number, kind: ChartValueKind): string;
  /**
   * A sum on a chart (its tooltip, a tick): whole units from 100 on, else with the minor units,
   * so a day's cost of 0.20 reads "£0.20", not "£0" — ticks 0.05 … 0.30 all read "£0" before.
   */
  chartMoney(value: number): string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    // `negative`: a sign for negative numbers only, so -0 and -0.2 rounded never read "−0".
    format = new Intl.NumberFormat(locale, { useGrouping: 'always', signDisplay: 'negative', ...options });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** The minor-unit digits of a currency (2 for RUB, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 'YYYY-MM-DD' → the UTC instant of its midnight, or NaN. */
function calendarInstant(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function formatCalendar(locale: string, isoDate: string, options: Intl.DateTimeFormatOptions): string {
  const instant = calendarInstant(isoDate);
  return Number.isNaN(instant) ? isoDate : dateFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
}

const BYTE_UNITS: Record<DisplayLanguage, string[]> = { ru: ['Б', 'КБ', 'МБ', 'ГБ', 'ТБ'], en: ['B', 'KB', 'MB', 'GB', 'TB'] };

function bytesText(locale: string, language: DisplayLanguage, bytes: number): string {
  const units = BYTE_UNITS[language];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(value)}\u00a0${units[unit]}`;
}

function unitText(locale: string, unit: 'day' | 'second', display: 'long' | 'short', value: number): string {
  const digits = Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0;
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: digits }).format(value);
}

/** A whole count in a language, without a formatter (i18next's `{{count, count}}` uses it). */
export function formatCount(value: number, language: DisplayLanguage): string {
  return numberFormat(DISPLAY_LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

function buildFormatter(options: FormatterOptions): Formatter {
  const locale = DISPLAY_LOCALES[options.language];
  const minorDigits = currencyDigits(options.currency);
  const formatter: Formatter = {
    ...options,
    count: (value) => formatCount(value, options.language),
    decimal: (value, digits = 1) => numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    compact: (value) => numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value),
    money: (value, precision = 'exact') => {
      const digits = precision === 'exact' ? minorDigits : 0;
      return numberFormat(locale, { style: 'currency', currency: options.currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    },
    percent: (share, digits = 1) => numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share),
    decrease: (value) => (Math.round(value) === 0 ? formatter.count(0) : `\u2212${formatter.count(Math.abs(value))}`),
    days: (value) => unitText(locale, 'day', 'long', value),
    daysShort: (value) => unitText(locale, 'day', 'short', value),
    seconds: (value) => unitText(locale, 'second', 'short', value),
    bytes: (value) => bytesText(locale, options.language, value),
    date: (ms) => dateFormat(locale, { dateStyle: 'medium', timeZone: options.timeZone }).format(ms),
    dateTime: (ms) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone }).format(ms),
    calendarDate: (isoDate) => formatCalendar(locale, isoDate, { dateStyle: 'medium' }),
    month: (isoDate) => formatCalendar(locale, isoDate, { month: 'short', year: 'numeric' }),
    monthShort: (isoDate) => formatCalendar(locale, isoDate, { month: 'short', year: '2-digit' }),
    weekStart: (isoDate) => formatCalendar(locale, isoDate, { day: 'numeric', month: 'short' }),
    timeZoneName: (timeZone) => zoneName(locale, timeZone),
    dateMask: (pattern) => (options.language === 'ru' ? pattern.replace(/YYYY|YY|DD|MM|HH|hh|mm|ss/g, (token) => RUSSIAN_MASK[token] ?? token) : pattern),
    chartMoney: (value) => formatter.money(value, Math.abs(value) >= 100 || Number.isInteger(value) ? 'whole' : 'exact'),
    axisTick: (value, kind) => {
      if (kind === 'money') return Math.abs(value) >= 100_000 ? `${formatter.compact(value)}\u00a0${currencySymbol(locale, options.currency)}` : formatter.chartMoney(value);
      if (kind === 'percent') return formatter.percent(value, Number.isInteger(Math.round(value * 1e6) / 1e4) ? 0 : 1);
      if (kind === 'days') return formatter.daysShort(value);
      return Number.isInteger(value) ? formatter.count(value) : formatter.decimal(value, 1);
    },
  };
  return formatter;
}

const RUSSIAN_MASK: Record<string, string> = { YYYY: 'ГГГГ', YY: 'ГГ', DD: 'ДД', MM: 'ММ', HH: 'ЧЧ', hh: 'чч', mm: 'мм', ss: 'сс' };

function zoneName(locale: string, timeZone: string): string {
  try {
    const part = (style: 'longGeneric' | 'shortOffset') => dateFormat(locale, { timeZone, timeZoneName: style }).formatToParts(0).find((entry) => entry.type === 'timeZoneName')?.value ?? timeZone;
    const name = part('longGeneric');
    const offset = part('shortOffset');
    return name === offset || name.startsWith('GMT') ? offset : `${name} (${offset})`;
  } catch {
    return timeZone;
  }
}

function currencySymbol(locale: string, currency: string): string {
  const parts = numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

const formatters = new Map<string, Formatter>();

/** The formatter of a language, currency and time zone; the same object for the same options. */
export function createFormatter(options: FormatterOptions): Formatter {
  const key = `${options.language}|${options.currency}|${options.timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = buildFormatter(options);
    formatters.set(key, formatter);
  }
  return formatter;
}
