import { describe, expect, it } from 'vitest';
import { summarizeTimeline } from './customerSummary';

describe('summarizeTimeline', () => {
  it('nets returns out of revenue but not out of the average order', () => {
    const summary = summarizeTimeline([
      { customerId: 'a', type: 'page_view', ts: 5, props: {} },
      { customerId: 'a', type: 'order', ts: 10, amount: 100, props: {} },
      { customerId: 'a', type: 'order', ts: 20, amount: 300, props: {} },
      { customerId: 'a', type: 'return', ts: 30, amount: 100, props: {} },
    ]);
    expect(summary).toEqual({ orders: 2, revenue: 300, averageOrder: 200, firstTs: 5, lastTs: 30 });
  });

  it('has no average and no dates for an empty timeline', () => {
    expect(summarizeTimeline([])).toEqual({ orders: 0, revenue: 0, averageOrder: null, firstTs: null, lastTs: null });
  });
});
