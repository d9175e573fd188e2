import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEHOLDER_IDS, isExcelScientific, isPlaceholder, parsePlaceholderList, placeholderSet } from './placeholders';

describe('isPlaceholder', () => {
  const defaults = placeholderSet();

  it('matches every default placeholder in any case', () => {
    for (const value of DEFAULT_PLACEHOLDER_IDS) {
      expect(isPlaceholder(value, defaults)).toBe(true);
      expect(isPlaceholder(value.toUpperCase(), defaults)).toBe(true);
      expect(isPlaceholder(value.toLowerCase(), defaults)).toBe(true);
    }
  });

  it('does not take real ids for placeholders', () => {
    for (const value of ['17850', 'NAN-17', 'nobody@example.com', '00', 'C-1', 'Nadia', '']) expect(isPlaceholder(value, defaults)).toBe(false);
  });

  it('matches a user list of any length, and nothing when the list is empty', () => {
    const custom = placeholderSet(parsePlaceholderList(' unknown customer , Гость ,,'));
    expect(isPlaceholder('Unknown Customer', custom)).toBe(true);
    expect(isPlaceholder('гость', custom)).toBe(true);
    expect(isPlaceholder('NA', custom)).toBe(false);
    expect(isPlaceholder('İ', placeholderSet(['i̇']))).toBe(true);
    expect(isPlaceholder('\u212A', placeholderSet(['k']))).toBe(true);
    expect(isPlaceholder('NA', placeholderSet([]))).toBe(false);
  });

  it('agrees with a plain case-insensitive lookup', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }), { maxLength: 8 }), fc.string({ maxLength: 7, unit: 'binary' }), (list, value) => {
        const set = placeholderSet(list);
        const expected = value !== '' && set.values.has(value.toLowerCase());
        expect(isPlaceholder(value, set)).toBe(expected);
      }),
    );
  });
});

describe('isExcelScientific', () => {
  it('catches what Excel writes and leaves hex-like ids alone', () => {
    for (const value of ['4.6E+15', '1.23457E+11', '1,23457E+11', '1E+11']) expect(isExcelScientific(value)).toBe(true);
    for (const value of ['1e45', 'E+15', '4.6E15', '46000000000000000']) expect(isExcelScientific(value)).toBe(false);
  });
});
