/**
 * Texts the domain writes for people (node summaries, validation findings, template copy) come
 * in both UI languages at once, so the same finding reads the same in the app, in a worker and on
 * the command line. The UI picks `text[language]`; the CLI prints `en`.
 */
export const TEXT_LANGUAGES = ['en', 'ru'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export interface LocalizedText {
  en: string;
  ru: string;
}

export function localized(en: string, ru: string): LocalizedText {
  return { en, ru };
}

const ruPlurals = new Intl.PluralRules('ru');

/** "1 день", "3 дня", "5 дней", "1,5 дня". */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const form = ruPlurals.select(count);
  if (form === 'one') return one;
  if (form === 'few') return few;
  if (form === 'many') return many;
  return few;
}

export function pluralEn(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}

/** A count with its noun in both languages: countText(3, ['day', 'days'], ['день', 'дня', 'дней']). */
export function countText(count: number, en: readonly [string, string], ru: readonly [string, string, string]): LocalizedText {
  const number = formatNumber(count);
  return { en: `${number.en} ${pluralEn(count, ...en)}`, ru: `${number.ru} ${pluralRu(count, ...ru)}` };
}

/** Plain number formatting without grouping surprises: 1.5 / 1,5; 10000 / 10 000. */
export function formatNumber(value: number): LocalizedText {
  return {
    en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value),
    ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(value).replace(/\u00a0/g, ' '),
  };
}

/** Joins localized parts with a separator per language. */
export function joinText(parts: readonly LocalizedText[], separator: LocalizedText): LocalizedText {
  return { en: parts.map((part) => part.en).join(separator.en), ru: parts.map((part) => part.ru).join(separator.ru) };
}

/** Applies the same template to both languages: mapText(name, (s) => `«${s}»`). */
export function mapText(text: LocalizedText, map: (value: string, language: TextLanguage) => string): LocalizedText {
  return { en: map(text.en, 'en'), ru: map(text.ru, 'ru') };
}
