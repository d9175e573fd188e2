import { presetSegments } from '../rfm/segmentPresets';
import type { TextLanguage } from '../text';
import { ATTR_PREFIX, type ProfileField } from './types';

/**
 * How summaries and findings name what a condition refers to. The defaults name event types,
 * stages and lifecycle statuses by their ids and RFM segments by the preset names; the app
 * passes its translated labels (the workspace's own segment map, renamed stages …).
 */
export interface NameResolver {
  eventType(type: string, language: TextLanguage): string;
  segment(id: string, language: TextLanguage): string;
  stage(id: string, language: TextLanguage): string;
  lifecycle(status: string, language: TextLanguage): string;
  field(field: string, language: TextLanguage): string;
  /** a saved audience's current name (default: the name the condition recorded) */
  audience?(id: string, language: TextLanguage): string | undefined;
}

const PROFILE_FIELD_NAMES: Record<ProfileField, { en: string; ru: string }> = {
  email: { en: 'email', ru: 'email' },
  phone: { en: 'phone', ru: 'телефон' },
  telegramId: { en: 'Telegram id', ru: 'Telegram ID' },
  pushToken: { en: 'push token', ru: 'push-токен' },
  firstName: { en: 'first name', ru: 'имя' },
  lastName: { en: 'last name', ru: 'фамилия' },
  city: { en: 'city', ru: 'город' },
  gender: { en: 'gender', ru: 'пол' },
  birthDate: { en: 'birth date', ru: 'дата рождения' },
  signupAt: { en: 'sign-up date', ru: 'дата регистрации' },
};

const presetNames = { en: new Map<string, string>(), ru: new Map<string, string>() };
for (const language of ['en', 'ru'] as const) for (const segment of presetSegments('grid', language)) presetNames[language].set(segment.id, segment.name);

export function isProfileField(field: string): field is ProfileField {
  return Object.hasOwn(PROFILE_FIELD_NAMES, field);
}

/** `attrs.loyalty_level` → `loyalty_level`; null for anything else. */
export function attrName(field: string): string | null {
  return field.startsWith(ATTR_PREFIX) && field.length > ATTR_PREFIX.length ? field.slice(ATTR_PREFIX.length) : null;
}

export function profileFieldName(field: string, language: TextLanguage): string {
  if (isProfileField(field)) return PROFILE_FIELD_NAMES[field][language];
  const attr = attrName(field);
  return attr === null ? field : attr;
}

export const DEFAULT_NAMES: NameResolver = {
  eventType: (type) => type,
  segment: (id, language) => presetNames[language].get(id) ?? id,
  stage: (id) => id,
  lifecycle: (status) => status,
  field: profileFieldName,
};
