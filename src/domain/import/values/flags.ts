/**
 * Yes/no values (consents, flags) and gender, in the words exports use in Russian and English,
 * including Excel's ИСТИНА/ЛОЖЬ. A consent is true, false or unknown (null): an empty cell, "n/a"
 * or "неизвестно" is unknown, never "no".
 */
const TRUE_WORDS = ['1', 'true', 't', 'yes', 'y', 'да', 'д', '+', 'on', 'истина', 'subscribed', 'opt-in', 'optin', 'opted in', 'подписан', 'подписана', 'согласен', 'согласна', 'есть', 'x', '✓', 'v'];
const FALSE_WORDS = ['0', 'false', 'f', 'no', 'n', 'нет', 'н', '-', 'off', 'ложь', 'unsubscribed', 'opt-out', 'optout', 'opted out', 'отписан', 'отписана', 'не согласен', 'не согласна', 'отказ'];
const UNKNOWN_WORDS = ['', 'null', 'none', 'n/a', 'na', 'nan', 'unknown', 'неизвестно', 'не указано', '?'];

const BOOLEAN_WORDS = new Map<string, boolean | null>([
  ...TRUE_WORDS.map((word) => [word, true] as const),
  ...FALSE_WORDS.map((word) => [word, false] as const),
  ...UNKNOWN_WORDS.map((word) => [word, null] as const),
]);

/** true / false / null (unknown), or undefined when the value is not a yes/no word at all. */
export function parseBoolean(raw: string): boolean | null | undefined {
  return BOOLEAN_WORDS.get(raw.trim().toLowerCase());
}

export function looksLikeBoolean(raw: string): boolean {
  const value = parseBoolean(raw);
  return value !== undefined && value !== null;
}

const GENDER_WORDS = new Map<string, string>([
  ...['m', 'male', 'man', 'м', 'муж', 'муж.', 'мужской', 'мужчина'].map((word) => [word, 'male'] as const),
  ...['f', 'female', 'woman', 'w', 'ж', 'жен', 'жен.', 'женский', 'женщина'].map((word) => [word, 'female'] as const),
]);

/** 'male' / 'female' for the usual words; anything else is kept as written (trimmed). */
export function normalizeGender(raw: string): string {
  const text = raw.trim();
  return GENDER_WORDS.get(text.toLowerCase()) ?? text;
}

export function looksLikeGender(raw: string): boolean {
  return GENDER_WORDS.has(raw.trim().toLowerCase());
}
