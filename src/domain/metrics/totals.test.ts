import { describe, expect, it } from 'vitest';
import { computeTotals, isSmallSample } from './totals';
import { day, testHistory } from './testing';

const CHURN_DAYS = 365;

describe('totals as of D (metrics.md)', () => {
  const rows = [
    ['a', 'order', '2025-01-10T10:00:00Z', 100],
    ['a', 'order', '2025-06-10T10:00:00Z', 50],
    ['a', 'order', '2026-01-10T10:00:00Z', 30],
    ['b', 'order', '2025-01-01T10:00:00Z', 20],
    ['b', 'return', '2025-01-05T10:00:00Z', -15],
    ['c', 'return', '2025-02-05T10:00:00Z', 5],
    ['d', 'order', '2026-03-01T10:00:00Z', 1000],
  ] as const;

  it('counts buyers, orders, gross and net revenue and the rates with their denominators', () => {
    const { history } = testHistory(rows);
    const [totals] = computeTotals(history, { fromDay: null, toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS });
    expect(totals).toMatchObject({
      customers: 4,
      buyers: 2,
      orders: 4,
      grossRevenue: 200,
      returns: 2,
      returnedAmount: 20,
      netRevenue: 180,
      repeatBuyers: 1,
      buyersToDate: 2,
      churnedBuyers: 1,
      ordersPerBuyer: [1, 0, 1, 0, 0],
      aov: 50,
      purchaseFrequency: 2,
      repeatRate: 0.5,
      arpu: 90,
      churnedShare: 0.5,
      crm: null,
    });
  });

  it('calls a buyer churned when the last order is more than T3 days before D, not exactly T3', () => {
    const { history } = testHistory([['a', 'order', '2025-01-01T23:59:00Z', 10]]);
    const churned = (asOf: string) => computeTotals(history, { fromDay: null, toDay: day(asOf) }, { churnDays: 365 })[0]!.churnedBuyers;
    expect(churned('2026-01-01')).toBe(0); // 365 days
    expect(churned('2026-01-02')).toBe(1); // 366 days
  });

  it('gives null rates when there is nothing to divide by', () => {
    const { history } = testHistory(rows);
    const [totals] = computeTotals(history, { fromDay: null, toDay: day('2024-01-01') }, { churnDays: CHURN_DAYS });
    expect(totals).toMatchObject({ buyers: 0, orders: 0, aov: null, purchaseFrequency: null, repeatRate: null, arpu: null, churnedShare: null, netRevenue: 0 });
  });

  it('lets returns exceed the orders: net revenue and ARPU go negative', () => {
    const { history } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 10],
      ['a', 'return', '2026-01-06T10:00:00Z', 25],
    ]);
    const [totals] = computeTotals(history, { fromDay: null, toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS });
    expect(totals).toMatchObject({ grossRevenue: 10, netRevenue: -15, arpu: -15 });
  });

  it('over a window counts orders and returns dated in it; churn stays a state over all buyers at its end', () => {
    const { history } = testHistory(rows);
    const [totals] = computeTotals(history, { fromDay: day('2025-06-01'), toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS });
    expect(totals).toMatchObject({ buyers: 1, orders: 2, grossRevenue: 80, returnedAmount: 0, netRevenue: 80, repeatRate: 1, buyersToDate: 2, churnedBuyers: 1 });
  });

  it('totals each group of a grouping; −1 leaves a customer out', () => {
    const { history, c } = testHistory(rows);
    const groupOf = new Int32Array(history.customerCount).fill(-1);
    groupOf[c('a')] = 1;
    groupOf[c('b')] = 0;
    groupOf[c('c')] = 0;
    const [first, second] = computeTotals(history, { fromDay: null, toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS, grouping: { groupCount: 2, groupOf } });
    expect(first).toMatchObject({ customers: 2, buyers: 1, orders: 1, grossRevenue: 20, netRevenue: 0 });
    expect(second).toMatchObject({ customers: 1, buyers: 1, orders: 3, grossRevenue: 180, netRevenue: 180 });
  });

  it('sums money exactly enough that the order of rows does not matter', () => {
    const many = Array.from({ length: 3000 }, (_, i) => [`c${i % 50}`, 'order', new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(), i % 3 === 0 ? 0.1 : i % 3 === 1 ? 1e8 + 0.01 : 0.07] as const);
    const window = { fromDay: null, toDay: day('2026-01-01') };
    const one = computeTotals(testHistory(many).history, window, { churnDays: CHURN_DAYS })[0]!;
    const spread = computeTotals(testHistory([...many].reverse(), { batches: 4 }).history, window, { churnDays: CHURN_DAYS })[0]!;
    expect(spread.grossRevenue).toBe(one.grossRevenue);
    expect(one.grossRevenue).toBe(1000 * 0.1 + 1000 * (1e8 + 0.01) + 1000 * 0.07);
  });

  it('flags samples under 30', () => {
    expect(isSmallSample(29)).toBe(true);
    expect(isSmallSample(30)).toBe(false);
  });
});

describe('revenue from CRM channels', () => {
  it('is null without an attribution prop, and counts orders whose source, utm_source or campaign names a channel', () => {
    const noProps = testHistory([['a', 'order', '2026-01-05T10:00:00Z', 10, { channel: 'email' }]]).history;
    expect(computeTotals(noProps, { fromDay: null, toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS })[0]!.crm).toBeNull();
    const { history } = testHistory([
      ['a', 'order', '2026-01-05T10:00:00Z', 100, { utm_source: 'E-Mail' }],
      ['a', 'order', '2026-01-06T10:00:00Z', 50, { campaign: 'spring_sms_blast' }],
      ['b', 'order', '2026-01-07T10:00:00Z', 30, { source: 'google' }],
      ['b', 'order', '2026-01-08T10:00:00Z', 20],
      ['c', 'order', '2026-01-09T10:00:00Z', 40, { 'UTM Source': 'newsletter', campaign: 'push_sale' }],
      ['c', 'order', '2026-01-10T10:00:00Z', 60, { source: 'mail.ru' }],
    ]);
    const [totals] = computeTotals(history, { fromDay: null, toDay: day('2026-02-01') }, { churnDays: CHURN_DAYS });
    expect(totals!.crm).toEqual({
      attributedOrders: 5,
      orders: 3,
      revenue: 190,
      shareOfOrders: 0.5,
      shareOfRevenue: 190 / 300,
      channels: [
        { channel: 'email', orders: 2, revenue: 140 },
        { channel: 'sms', orders: 1, revenue: 50 },
      ],
    });
  });
});
