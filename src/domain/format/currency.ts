import { z } from 'zod';

/**
 * The workspace currency: every money figure is shown with it. The user's choice is stored as
 * a versioned workspace setting; until there is one, it is guessed — from the data (a
 * `currency` column of the imported orders or events), then for the demo workspace (its prices
 * are roubles), then from the browser's locales.
 */
export const CURRENCY_SETTING_NAME = 'currency';
export const CURRENCY_SETTING_VERSION = 1;

export interface CurrencySetting {
  version: typeof CURRENCY_SETTING_VERSION;
  /** ISO 4217 code */
  code: string;
}

export type CurrencySource = 'setting' | 'data' | 'demo' | 'locale';

export interface WorkspaceCurrency {
  code: string;
  source: CurrencySource;
}

/** The currency the demo generator's prices are in (catalog.ts: 2 490 ₽, 990 ₽). */
export const DEMO_CURRENCY = 'RUB';
export const FALLBACK_CURRENCY = 'USD';

/** The currencies offered first in the settings (any other ISO code can be typed). */
export const COMMON_CURRENCIES = ['RUB', 'USD', 'EUR', 'GBP', 'KZT', 'BYN', 'UAH', 'UZS', 'AMD', 'GEL', 'AZN', 'KGS', 'TRY', 'CNY', 'AED', 'PLN', 'CHF', 'JPY', 'INR', 'CAD', 'AUD', 'BRL'] as const;

const ISO_CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(code: string): boolean {
  if (!ISO_CODE.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

const currencySettingSchema = z
  .object({
    version: z.literal(CURRENCY_SETTING_VERSION),
    code: z.string().refine(isCurrencyCode, 'not an ISO 4217 currency code'),
  })
  .strict();

/** Validates a stored currency setting; never throws. */
export function parseCurrencySetting(value: unknown): { ok: true; value: CurrencySetting } | { ok: false; error: string } {
  const result = currencySettingSchema.safeParse(value);
  if (result.success) return { ok: true, value: { version: CURRENCY_SETTING_VERSION, code: result.data.code } };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid value' };
}

export function currencySetting(code: string): CurrencySetting {
  return { version: CURRENCY_SETTING_VERSION, code };
}

/** Signs and words exports write instead of a code. */
const CURRENCY_WORDS: Record<string, string> = {
  '₽': 'RUB', 'руб': 'RUB', 'руб.': 'RUB', 'рубль': 'RUB', 'рублей': 'RUB', 'р': 'RUB', 'р.': 'RUB', 'rur': 'RUB', 'rub': 'RUB',
  '$': 'USD', 'us$': 'USD', 'usd': 'USD', '€': 'EUR', 'eur': 'EUR', 'euro': 'EUR', '£': 'GBP', 'gbp': 'GBP',
  '₸': 'KZT', 'тг': 'KZT', 'тенге': 'KZT', '₴': 'UAH', 'грн': 'UAH', 'грн.': 'UAH', 'br': 'BYN', 'бел. руб.': 'BYN', 'byr': 'BYN',
  '¥': 'CNY', '₺': 'TRY', '₹': 'INR', 'zł': 'PLN', '₾': 'GEL', '֏': 'AMD', '₼': 'AZN',
};

/** The ISO code a cell of a currency column means, or null ("RUB", "руб.", "₽", "usd"). */
export function currencyFromText(text: string): string | null {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'RUR') return 'RUB';
  if (isCurrencyCode(upper)) return upper;
  return CURRENCY_WORDS[trimmed.toLowerCase()] ?? null;
}

/** The currency most rows name (weighted by their counts), or null when none is recognised. */
export function guessCurrencyFromValues(counts: Iterable<readonly [string, number]>): string | null {
  const byCode = new Map<string, number>();
  for (const [text, count] of counts) {
    const code = currencyFromText(text);
    if (code) byCode.set(code, (byCode.get(code) ?? 0) + count);
  }
  let best: string | null = null;
  for (const [code, count] of byCode) if (best === null || count > byCode.get(best)!) best = code;
  return best;
}

const EURO_REGIONS = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const REGION_CURRENCIES: Record<string, string> = {
  ...Object.fromEntries(EURO_REGIONS.map((region) => [region, 'EUR'])),
  RU: 'RUB', US: 'USD', GB: 'GBP', KZ: 'KZT', BY: 'BYN', UA: 'UAH', UZ: 'UZS', AM: 'AMD', GE: 'GEL', AZ: 'AZN', KG: 'KGS', TJ: 'TJS',
  TR: 'TRY', PL: 'PLN', CZ: 'CZK', CH: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IN: 'INR', CN: 'CNY', JP: 'JPY', BR: 'BRL', SE: 'SEK',
  NO: 'NOK', DK: 'DKK', IL: 'ILS', AE: 'AED', RS: 'RSD', MD: 'MDL', MX: 'MXN', SG: 'SGD', HK: 'HKD', KR: 'KRW', ZA: 'ZAR',
};
const LANGUAGE_CURRENCIES: Record<string, string> = { ru: 'RUB', kk: 'KZT', be: 'BYN', uk: 'UAH', uz: 'UZS', hy: 'AMD', ka: 'GEL', az: 'AZN', ky: 'KGS', de: 'EUR', fr: 'EUR', es: 'EUR', it: 'EUR', nl: 'EUR', fi: 'EUR', pt: 'EUR', el: 'EUR', et: 'EUR', lt: 'EUR', lv: 'EUR', sk: 'EUR', sl: 'EUR', pl: 'PLN', cs: 'CZK', tr: 'TRY', ja: 'JPY', zh: 'CNY', sv: 'SEK', da: 'DKK', nb: 'NOK', he: 'ILS', en: 'USD' };

/** The currency of the first locale that tells one ("ru-RU" → RUB, "en-GB" → GBP, "de" → EUR). */
export function currencyForLocales(locales: readonly string[]): string | null {
  for (const tag of locales) {
    const [language = '', ...rest] = tag.split(/[-_]/);
    const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region && REGION_CURRENCIES[region]) return REGION_CURRENCIES[region];
    const byLanguage = LANGUAGE_CURRENCIES[language.toLowerCase()];
    if (byLanguage) return byLanguage;
  }
  return null;
}

/** The currency in use: the user's, else the data's, else the demo's, else the locale's. */
export function resolveWorkspaceCurrency(input: { setting: CurrencySetting | null; dataGuess: string | null; isDemo: boolean; locales: readonly string[] }): WorkspaceCurrency {
  if (input.setting) return { code: input.setting.code, source: 'setting' };
  if (input.dataGuess) return { code: input.dataGuess, source: 'data' };
  if (input.isDemo) return { code: DEMO_CURRENCY, source: 'demo' };
  return { code: currencyForLocales(input.locales) ?? FALLBACK_CURRENCY, source: 'locale' };
}
