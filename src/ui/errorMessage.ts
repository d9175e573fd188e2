import type { TFunction } from 'i18next';
import { UserFacingError } from '../domain';

/** The translated text for any error: user-facing ones by code, others as "something went wrong". */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof UserFacingError) {
    const key = `errors.${error.code}`;
    const text = t(key, error.params);
    if (text !== key) return text;
    return error.message;
  }
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
