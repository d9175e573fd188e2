import { describe, expect, it } from 'vitest';
import { cleanMoney, detectDecimalMark, parseNumber } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['1234.50', '.', 1234.5],
    ['-12', '.', -12],
    ['1234,50', ',', 1234.5],
    ['1 234,50', ',', 1234.5],
    ['1\u00a0234,50', ',', 1234.5],
    ['1\u202f234\u202f567,5', ',', 1234567.5],
    ['1.234,50', ',', 1234.5],
    ['1,234.50', '.', 1234.5],
    ['1,234,567', '.', 1234567],
    ['1,234', '.', 1234],
    ['1,5', '.', 1.5],
    ['12.5', ',', 12.5],
    ["1'234.50", '.', 1234.5],
    ['1 234,50 ₽', ',', 1234.5],
    ['₽1 234', ',', 1234],
    ['1 234 руб.', ',', 1234],
    ['1234 р.', ',', 1234],
    ['RUB 99,90', ',', 99.9],
    ['$1,299.00', '.', 1299],
    ['-$20.00', '.', -20],
    ['$-20.00', '.', -20],
    ['€ 15,5', ',', 15.5],
    ['−500', ',', -500],
    ['(1 234,50)', ',', -1234.5],
    ['500-', ',', -500],
    ['+42', '.', 42],
    ['15%', '.', 15],
    ['.5', '.', 0.5],
    ['  7  ', '.', 7],
  ] as const)('%s with decimal %s → %s', (raw, mark, expected) => {
    expect(parseNumber(raw, mark)).toBeCloseTo(expected, 10);
  });

  it.each(['', 'abc', '12-34', '1.2.3,4,5', 'N/A', '--5', '1,2,3'])('%j is not a number', (raw) => {
    expect(parseNumber(raw, '.')).toBeNaN();
  });
});

describe('detectDecimalMark', () => {
  it('finds the decimal comma of Russian exports and the dot of English ones', () => {
    expect(detectDecimalMark(['1 234,50', '99,9', '12'], '.')).toBe(',');
    expect(detectDecimalMark(['1,234.50', '99.9'], ',')).toBe('.');
    expect(detectDecimalMark(['1.234,50', '7,25'], '.')).toBe(',');
  });

  it('does not take a thousands separator for a decimal mark, and falls back when nothing tells', () => {
    expect(detectDecimalMark(['1,234', '5,678', '12'], '.')).toBe('.');
    expect(detectDecimalMark(['1,234', '5,678'], ',')).toBe(',');
    expect(detectDecimalMark(['12', '15'], ',')).toBe(',');
  });
});

describe('cleanMoney', () => {
  it('removes float noise from sums but keeps the source precision (no rounding to cents)', () => {
    expect(cleanMoney(0.1 + 0.2)).toBe(0.3);
    expect(cleanMoney(2.55 * 6)).toBe(15.3);
    expect(cleanMoney(3 * 1.2345)).toBe(3.7035);
    expect(cleanMoney(0.125 + 0.0004)).toBe(0.1254);
  });
});

describe('scientific notation', () => {
  it('reads amounts as Excel and programs write them in scientific notation', () => {
    expect(parseNumber('1.5E+03')).toBe(1500);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('2.5e-2')).toBe(0.025);
    expect(parseNumber('-1.23457E+11')).toBe(-123_457_000_000);
    expect(parseNumber('1,5E+03', ',')).toBe(1500);
    expect(parseNumber('1.5E+03 ₽')).toBe(1500);
    expect(parseNumber('\u001b[2J5')).toBeNaN();
  });
});
