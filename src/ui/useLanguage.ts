import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n';

/** The current UI language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'ru' ? 'ru' : 'en';
}
