import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n';

/** The UI language an i18next language code stands for. */
export function languageOf(code: string): Language {
  return code === 'ru' ? 'ru' : 'en';
}

/** The current UI language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return languageOf(i18n.language);
}
