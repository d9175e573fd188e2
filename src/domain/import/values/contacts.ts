import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phones to E.164 and e-mails to their canonical form (data-model.md "Import rules").
 * Russian numbers, by far the most common here, take a fast path (digits only, `8 …` and
 * `7 …` and ten-digit `9xx …` become `+7…`); everything else goes through libphonenumber-js,
 * with `defaultCountry` for numbers written without a country code.
 */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'RU';

const PHONE_FORMATTING = /[\s\u00a0()\-.–]/g;

function russianFastPath(text: string): string | undefined {
  const compact = text.replace(PHONE_FORMATTING, '');
  let digits: string;
  if (compact.startsWith('+7')) digits = compact.slice(2);
  else if (compact.length === 11 && (compact[0] === '8' || compact[0] === '7')) digits = compact.slice(1);
  else if (compact.length === 10 && compact[0] === '9') digits = compact;
  else return undefined;
  if (digits.length !== 10 || !/^[3489]\d{9}$/.test(digits)) return undefined;
  return `+7${digits}`;
}

/** The E.164 form of a phone number, or undefined when it is not a valid number. */
export function normalizePhone(raw: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (defaultCountry === 'RU' || text.startsWith('+7')) {
    const fast = russianFastPath(text);
    if (fast) return fast;
  }
  const international = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const phone = parsePhoneNumberFromString(international, defaultCountry);
  return phone?.isValid() ? phone.number : undefined;
}

const EMAIL_SHAPE = /^[^\s@"<>,;]+@[^\s@"<>,;.]+(\.[^\s@"<>,;.]+)+$/u;

/** Trimmed, lower-cased e-mail ("mailto:", angle brackets and quotes dropped), or undefined when invalid. */
export function normalizeEmail(raw: string): string | undefined {
  let text = raw.trim();
  if (!text) return undefined;
  const angle = /<([^>]+)>/.exec(text);
  if (angle) text = angle[1]!;
  text = text.replace(/^mailto:/i, '').replace(/^["']+|["']+$/g, '').trim().toLowerCase();
  if (!EMAIL_SHAPE.test(text) || text.includes('..') || text.length > 254) return undefined;
  return text;
}

/** Whether a value looks like an e-mail (for the mapping guesser). */
export function looksLikeEmail(raw: string): boolean {
  return normalizeEmail(raw) !== undefined;
}

/** Whether a value looks like a phone number: 7–15 digits among phone punctuation. */
export function looksLikePhone(raw: string): boolean {
  const text = raw.trim();
  if (!/^\+?[\d\s\u00a0()\-.]{7,22}$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}
