import { ORDER_EVENT, RETURN_EVENT, type CrmEvent } from '../../domain';

export interface CustomerSummary {
  orders: number;
  /** Σ orders − Σ returns */
  revenue: number;
  averageOrder: number | null;
  firstTs: number | null;
  lastTs: number | null;
}

/** Totals shown at the top of the customer card, from the customer's own timeline. */
export function summarizeTimeline(events: readonly CrmEvent[]): CustomerSummary {
  let orders = 0;
  let orderAmount = 0;
  let returned = 0;
  for (const event of events) {
    if (event.type === ORDER_EVENT) {
      orders++;
      orderAmount += event.amount ?? 0;
    } else if (event.type === RETURN_EVENT) returned += Math.abs(event.amount ?? 0);
  }
  return {
    orders,
    revenue: orderAmount - returned,
    averageOrder: orders ? orderAmount / orders : null,
    firstTs: events.length ? Math.min(...events.map((e) => e.ts)) : null,
    lastTs: events.length ? Math.max(...events.map((e) => e.ts)) : null,
  };
}
