import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';
import { FEATURE_TEXTS } from './featureTexts';
import { formatCount, type DisplayLanguage } from '../domain/format';

export const LANGUAGES = ['ru', 'en'] as const satisfies readonly DisplayLanguage[];
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'chainlab.language';

/** The saved choice, else the browser's preference: Russian for any ru* locale, English otherwise. */
export function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'ru' || saved === 'en') return saved;
  const preferred = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return preferred.some((tag) => tag?.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

function withFeatures(core: object, language: Language): Record<string, unknown> {
  const texts: Record<string, unknown> = { ...core };
  for (const [feature, featureTexts] of Object.entries(FEATURE_TEXTS)) texts[feature] = featureTexts[language];
  return texts;
}

/**
 * Counted nouns use i18next's plural forms (`key_one`, `key_few`, `key_many`, `key_other`,
 * chosen by the language's plural rules from `count`) and show the number grouped with the
 * shared formatter: `'{{count, count}} customers'`.
 */
export async function setupI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: withFeatures(en, 'en') }, ru: { translation: withFeatures(ru, 'ru') } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.services.formatter?.add('count', (value: unknown, lng: string | undefined) => (typeof value === 'number' ? formatCount(value, lng === 'ru' ? 'ru' : 'en') : String(value)));
  if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18next.language === 'ru' ? 'ru' : 'en';
}
