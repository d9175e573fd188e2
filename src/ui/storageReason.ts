import type { TFunction } from 'i18next';
import type { LocalizedText } from '../domain/text';
import type { Language } from '../i18n/i18n';

/** Why stored data could not be read (src/db/records, `UnreadableReason`), with its English text. */
export interface StorageReason {
  reason: string;
  why?: { code: string; format?: number; current?: number; detail?: string };
  /** given by the domain in both languages (the chain model's restore) */
  text?: LocalizedText;
}

/** The reason in the interface language (errors.storage.reason.<code>, or the domain's own text); else the English text. */
export function storageReasonText(t: TFunction, problem: StorageReason, language: Language = 'en'): string {
  if (problem.text) return problem.text[language];
  if (!problem.why) return problem.reason;
  const key = `errors.storage.reason.${problem.why.code}`;
  const text = t(key, { ...problem.why });
  return text === key ? problem.reason : text;
}

/** The same, from the flat parameters of a `storage.unreadable` error (they crossed the worker boundary). */
export function storageReasonOfParams(params: Record<string, string | number>): StorageReason {
  const { reason, reasonCode, format, current, detail } = params;
  if (typeof reasonCode !== 'string') return { reason: String(reason ?? '') };
  const why = { code: reasonCode, ...(typeof format === 'number' ? { format } : {}), ...(typeof current === 'number' ? { current } : {}), ...(detail === undefined ? {} : { detail: String(detail) }) };
  return { reason: String(reason ?? ''), why };
}
