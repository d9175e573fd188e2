import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatMapCalendar, type CustomerDayMessages, type FrequencyCap } from './heatMap';

const cap = (messages: number, days: number, isEnabled = true): FrequencyCap => ({ isEnabled, messages, days, window: 'rolling' });
const row = (customerId: string, date: string, messages: number): CustomerDayMessages => ({ customerId, date, messages });

describe('heat-map calendar', () => {
  it('one cell per day of the period, empty days included', () => {
    const map = heatMapCalendar([row('a', '2025-03-02', 2), row('b', '2025-03-02', 1)], { from: '2025-03-01', to: '2025-03-03' }, cap(3, 7));
    expect(map.cells.map((cell) => [cell.date, cell.messages, cell.customers, cell.mostForOneCustomer, cell.level])).toEqual([
      ['2025-03-01', 0, 0, 0, 0],
      ['2025-03-02', 3, 2, 2, 4],
      ['2025-03-03', 0, 0, 0, 0],
    ]);
    expect(map.daysOverCap).toBe(0);
  });

  it('highlights the days a customer goes over the cap within its window of days', () => {
    // cap 2 per 3 days: a gets 1 on the 1st, 1 on the 2nd, 1 on the 3rd (3 in 3 days: over on the 3rd), 1 on the 5th (2 in 3–5: fine)
    const rows = [row('a', '2025-03-01', 1), row('a', '2025-03-02', 1), row('a', '2025-03-03', 1), row('a', '2025-03-05', 1), row('b', '2025-03-04', 3)];
    const map = heatMapCalendar(rows, { from: '2025-03-01', to: '2025-03-05' }, cap(2, 3));
    expect(map.cells.map((cell) => [cell.date, cell.customersOverCap, cell.isOverCap])).toEqual([
      ['2025-03-01', 0, false],
      ['2025-03-02', 0, false],
      ['2025-03-03', 1, true],
      ['2025-03-04', 1, true],
      ['2025-03-05', 0, false],
    ]);
    expect(map.daysOverCap).toBe(2);
  });

  it('with the cap off, measures against its kept values and says the cap is off', () => {
    const map = heatMapCalendar([row('a', '2025-03-01', 4)], { from: '2025-03-01', to: '2025-03-01' }, cap(3, 7, false));
    expect(map).toMatchObject({ isCapEnabled: false, cap: { messages: 3, days: 7 }, daysOverCap: 1 });
  });

  it('places days in a Monday-first weeks grid', () => {
    // 2025-03-01 is a Saturday
    const map = heatMapCalendar([], { from: '2025-03-01', to: '2025-03-04' }, cap(3, 7));
    expect(map.cells.map((cell) => [cell.weekday, cell.week])).toEqual([
      [6, 0],
      [7, 0],
      [1, 1],
      [2, 1],
    ]);
  });

  it('counts rows it cannot draw instead of dropping them silently', () => {
    const map = heatMapCalendar([row('a', '2025-02-28', 1), row('a', 'yesterday', 1), row('a', '2025-03-01', -1), row('a', '2025-03-01', 0)], { from: '2025-03-01', to: '2025-03-02' }, cap(3, 7));
    expect(map.rowsSetAside).toBe(3);
    expect(map.cells.every((cell) => cell.messages === 0)).toBe(true);
    expect(heatMapCalendar([row('a', '2025-03-01', 1)], { from: '2025-03-05', to: '2025-03-01' }, cap(3, 7))).toMatchObject({ cells: [], rowsSetAside: 1 });
  });

  it('adds up every message in the period, and a customer within the cap is never flagged (property)', () => {
    const rows = fc.array(fc.record({ customerId: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: 1, max: 28 }), messages: fc.integer({ min: 1, max: 4 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }), (list, messages, days) => {
        const input = list.map((item) => row(item.customerId, `2025-02-${String(item.day).padStart(2, '0')}`, item.messages));
        const map = heatMapCalendar(input, { from: '2025-02-01', to: '2025-02-28' }, cap(messages, days));
        expect(map.cells).toHaveLength(28);
        expect(map.cells.reduce((total, cell) => total + cell.messages, 0)).toBe(list.reduce((total, item) => total + item.messages, 0));
        const most = Math.max(0, ...map.cells.map((cell) => cell.mostForOneCustomer));
        const everyone = list.reduce((total, item) => total + item.messages, 0);
        if (everyone <= messages) expect(map.daysOverCap).toBe(0);
        if (most > messages) expect(map.daysOverCap).toBeGreaterThan(0);
      }),
    );
  });
});
