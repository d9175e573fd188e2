import { describe, expect, it } from 'vitest';
import { detectDecimalMark, parseNumber, roundMoney } from './numbers';

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

describe('roundMoney', () => {
  it('rounds to cents so sums of prices do not show float noise', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(2.55 * 6)).toBe(15.3);
  });
});
