import { describe, expect, it } from 'vitest';
import { CustomerDayLog } from './counters';

describe('the customer-day log of the heat map', () => {
  it('gives back every row in order, across its storage chunks', () => {
    const log = new CustomerDayLog();
    const rows = 100_000;
    for (let row = 0; row < rows; row++) log.add(row >> 1, row % 365, 1 + (row % 3));
    const sums = log.toSums();
    expect(sums.customer.length).toBe(rows);
    expect(sums.day.length).toBe(rows);
    expect(sums.messages.length).toBe(rows);
    for (const row of [0, 1, 32_767, 32_768, 65_536, rows - 1]) {
      expect([sums.customer[row], sums.day[row], sums.messages[row]]).toEqual([row >> 1, row % 365, 1 + (row % 3)]);
    }
    expect(Array.isArray(sums.customer)).toBe(true);
  });

  it('is empty when no customer got a message', () => {
    expect(new CustomerDayLog().toSums()).toEqual({ customer: [], day: [], messages: [] });
  });
});
