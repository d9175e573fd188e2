import type { TFunction } from 'i18next';
import { UserFacingError } from '../domain';
import { currentLanguage, type Language } from '../i18n/i18n';
import { storageReasonOfParams, storageReasonText } from './storageReason';

/**
 * The translated text for any error: user-facing ones by code, others as "something went wrong".
 * A reason given in both languages (`reason` in English, `reasonRu`: the chain model's own texts)
 * is shown in `language`, the interface language unless told.
 */
export function errorMessage(error: unknown, t: TFunction, language: Language = currentLanguage()): string {
  if (error instanceof UserFacingError) {
    const key = `errors.${error.code}`;
    const text = t(key, localizedParams(error, t, language));
    if (text !== key) return text;
    return error.message;
  }
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

function localizedParams(error: UserFacingError, t: TFunction, language: Language): Record<string, string | number> {
  if (error.code === 'storage.unreadable') return { ...error.params, reason: storageReasonText(t, storageReasonOfParams(error.params)) };
  const { reasonRu } = error.params;
  if (language === 'ru' && typeof reasonRu === 'string') return { ...error.params, reason: reasonRu };
  return error.params;
}
