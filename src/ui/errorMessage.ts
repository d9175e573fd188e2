import type { TFunction } from 'i18next';
import { UserFacingError } from '../domain';
import { storageReasonOfParams, storageReasonText } from './storageReason';

/** The translated text for any error: user-facing ones by code, others as "something went wrong". */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof UserFacingError) {
    const key = `errors.${error.code}`;
    const params = error.code === 'storage.unreadable' ? { ...error.params, reason: storageReasonText(t, storageReasonOfParams(error.params)) } : error.params;
    const text = t(key, params);
    if (text !== key) return text;
    return error.message;
  }
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
