import type { TFunction } from 'i18next';
import { UserFacingError } from '../../domain';
import { isCancelled } from '../../engine';
import { errorMessage } from '../../ui/errorMessage';

/** An import error in the user's language: the import feature's own texts, else the app's. */
export function importErrorText(error: unknown, t: TFunction): string {
  if (isCancelled(error)) return t('import.errors.cancelled');
  if (error instanceof UserFacingError && error.code.startsWith('import.')) {
    const key = `import.errors.${error.code.slice('import.'.length)}`;
    const params = error.code === 'import.binary' ? { ...error.params, kind: t(`import.binaryKinds.${String(error.params.kind)}`) } : error.params;
    const text = t(key, params);
    if (text !== key) return text;
  }
  return errorMessage(error, t);
}
