import { describe, expect, it } from 'vitest';
import { looksLikeEmail, looksLikePhone, normalizeEmail, normalizePhone } from './contacts';

describe('normalizePhone', () => {
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['+7(916)123-45-67', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['8 800 555-35-35', '+78005553535'],
    ['8 (495) 123-45-67', '+74951234567'],
    ['8.916.123.45.67', '+79161234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+375 29 123-45-67', '+375291234567'],
    ['+7 701 123 45 67', '+77011234567'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('uses the default country for numbers without a code', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it.each(['123', '', '8 (916) 123-45', 'not a phone', '+7 000 000 00 00', '+99 123'])('%j is not a valid phone', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['  Anna.Petrova@Mail.RU ', 'anna.petrova@mail.ru'],
    ['mailto:ivan@yandex.ru', 'ivan@yandex.ru'],
    ['Иван Петров <Ivan@Example.com>', 'ivan@example.com'],
    ['"olga@gmail.com"', 'olga@gmail.com'],
    ['почта@пример.рф', 'почта@пример.рф'],
    ['first+tag@sub.example.co.uk', 'first+tag@sub.example.co.uk'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each(['olga.smirnova@gmail', 'ivan@', '@mail.ru', 'ivan mail.ru', 'a@b..ru', 'a b@c.ru', 'a@b.ru; c@d.ru', ''])('%j is not a valid e-mail', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });
});

describe('value shapes for the mapping guesser', () => {
  it('tells e-mails and phones from other values', () => {
    expect(looksLikeEmail('a@b.ru')).toBe(true);
    expect(looksLikeEmail('Москва')).toBe(false);
    expect(looksLikePhone('8 (916) 123-45-67')).toBe(true);
    expect(looksLikePhone('+44 20 7946 0958')).toBe(true);
    expect(looksLikePhone('2026-03-05')).toBe(false);
    expect(looksLikePhone('12345')).toBe(false);
    expect(looksLikePhone('1234.50')).toBe(false);
  });
});
