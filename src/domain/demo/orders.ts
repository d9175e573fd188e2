import { DAY_MS, MINUTE_MS, dayIndex } from './calendar';
import { DEMO_CATEGORIES, type DemoItem } from './catalog';
import { emit, roubles, type CustomerDraft, type DraftOrder } from './context';
import type { OrderChannel } from './profiles';
import { comebackDelay, drawInterest, drawProduct, emitCartAdd, issueLoyaltyCard, openVisit, step, viewProducts } from './sessions';

/**
 * Orders and what follows them. An online order is a whole visit (views, cart, checkout,
 * order); a store order is a store_visit and a receipt. Amounts are the items' shelf prices
 * minus the discount, in roubles with kopecks. Afterwards some orders are returned
 * (fashion most often), reviewed, rated in an NPS survey or cause a support ticket.
 */
const ONLINE_PAYMENTS = ['card', 'sbp', 'sberpay', 'installments', 'cash_on_delivery'] as const;
const ONLINE_PAYMENT_WEIGHTS = [50, 20, 10, 8, 12] as const;
const STORE_PAYMENTS = ['card', 'cash', 'sbp'] as const;
const STORE_PAYMENT_WEIGHTS = [70, 15, 15] as const;
const RETURN_REASONS = ['size', 'defect', 'changed_mind', 'not_as_described'] as const;
const FASHION_RETURN_WEIGHTS = [55, 10, 25, 10] as const;
const OTHER_RETURN_WEIGHTS = [5, 40, 30, 25] as const;
const TICKET_TOPICS = ['delivery', 'payment', 'product_question', 'account'] as const;
const TICKET_TOPIC_WEIGHTS = [50, 15, 25, 10] as const;

interface Discount {
  percent: number;
  code?: string;
}

export function placeOrder(draft: CustomerDraft, ts: number, channel: OrderChannel): void {
  const items = drawOrderItems(draft);
  const order = channel === 'store' ? storeOrder(draft, ts, items) : onlineOrder(draft, ts, channel, items);
  draft.orders.push(order);
  afterOrder(draft, order);
}

function drawOrderItems(draft: CustomerDraft): DemoItem[] {
  const isBig = draft.profile === 'big_spender';
  const count = 1 + draft.random.poisson(isBig ? 0.8 : 0.55);
  const items: DemoItem[] = [];
  for (let i = 0; i < count; i++) items.push(drawProduct(draft, drawInterest(draft)));
  return items;
}

function nextOrderId(draft: CustomerDraft): string {
  return `O${draft.customerId.slice(1)}-${draft.orders.length + 1}`;
}

function onlineOrder(draft: CustomerDraft, start: number, channel: 'web' | 'app', items: DemoItem[]): DraftOrder {
  const random = draft.random;
  const first = items[0]!;
  // Some buyers filled the cart in an earlier visit and come back to finish.
  const isComeback = random.chance(0.15);
  if (isComeback) {
    const earlier = start - comebackDelay(draft);
    openVisit(draft, earlier, channel);
    emit(draft, 'product_view', earlier + step(draft), { channel, category: DEMO_CATEGORIES[first.category]!.name, sku: first.sku });
    emitCartAdd(draft, earlier + 2 * step(draft, 20) + 10_000, channel, first);
  }
  openVisit(draft, start, channel);
  let ts = start;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (i === 0 && isComeback) continue;
    ts = viewProducts(draft, ts, channel, item.category, random.poisson(0.5)).ts + step(draft, 30);
    emit(draft, 'product_view', ts, { channel, category: DEMO_CATEGORIES[item.category]!.name, sku: item.sku });
    ts += step(draft, 20);
    emitCartAdd(draft, ts, channel, item);
  }
  ts += step(draft);
  emit(draft, 'cart_view', ts, { channel });
  ts += step(draft, 90);
  emit(draft, 'checkout', ts, { channel });
  ts += step(draft, 120);
  const payment = random.weighted(ONLINE_PAYMENTS, ONLINE_PAYMENT_WEIGHTS);
  return emitOrder(draft, ts, channel, items, payment);
}

function storeOrder(draft: CustomerDraft, start: number, items: DemoItem[]): DraftOrder {
  // Store orders are only planned for customers with a store nearby (orderPlan.ts).
  emit(draft, 'store_visit', start, { channel: 'store', store: draft.store! });
  const ts = start + (8 + draft.random.int(0, 35)) * MINUTE_MS;
  const order = emitOrder(draft, ts, 'store', items, draft.random.weighted(STORE_PAYMENTS, STORE_PAYMENT_WEIGHTS));
  if (draft.random.chance(0.55)) issueLoyaltyCard(draft, ts + 60_000, 'store');
  return order;
}

function emitOrder(draft: CustomerDraft, ts: number, channel: OrderChannel, items: DemoItem[], payment: string): DraftOrder {
  const discount = drawDiscount(draft, ts);
  const gross = items.reduce((sum, item) => sum + item.price, 0);
  const discountAmount = roubles((gross * discount.percent) / 100);
  const amount = roubles(gross - discountAmount);
  const main = items.reduce((best, item) => (item.price > best.price ? item : best), items[0]!);
  const order: DraftOrder = { id: nextOrderId(draft), ts, amount, channel, items, category: DEMO_CATEGORIES[main.category]!.name };
  const props: Record<string, string> = {
    order_id: order.id,
    channel,
    category: order.category,
    payment_method: payment,
    discount: discountAmount.toFixed(2),
    items: String(items.length),
  };
  if (channel === 'store' && draft.store) props.store = draft.store;
  if (discount.code) props.promo_code = discount.code;
  emit(draft, 'order', ts, props, amount);
  return order;
}

/** Bargain hunters nearly always use a discount, everyone uses one more on sale days. */
function drawDiscount(draft: CustomerDraft, ts: number): Discount {
  const random = draft.random;
  const calendar = draft.context.calendar;
  const day = dayIndex(calendar, ts);
  const isSale = calendar.isSaleDay[day] === 1;
  const share = isSale ? Math.max(draft.spec.discountShare, 0.6) : draft.spec.discountShare;
  if (!random.chance(share)) return { percent: 0 };
  const isBargain = draft.profile === 'bargain_hunter';
  const percent = isBargain || isSale ? random.pick([15, 20, 25, 30, 40, 50]) : random.pick([5, 10, 10, 15, 20]);
  if (!random.chance(0.4)) return { percent };
  if (draft.orders.length === 0 && !isSale) return { percent, code: 'WELCOME10' };
  return { percent, code: promoCode(calendar.dates[day]!, percent, isSale) };
}

/** Codes as the marketing team names them: BF2025, NY2026, MARCH8, SALE20. */
function promoCode(date: string, percent: number, isSale: boolean): string {
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  if (isSale && month === '11') return `BF${year}`;
  if (month === '12') return `NY${Number(year) + 1}`;
  if (month === '02') return 'FEB23';
  if (month === '03') return 'MARCH8';
  if (isSale && month === '07') return `SUMMER${year}`;
  return `SALE${percent}`;
}

/** Return (by the first item's category), support ticket, review of the first item, NPS answer. */
function afterOrder(draft: CustomerDraft, order: DraftOrder): void {
  const random = draft.random;
  const first = order.items[0]!;
  const firstCategory = DEMO_CATEGORIES[first.category]!;
  const returnRate = firstCategory.returnRate * (draft.profile === 'bargain_hunter' ? 1.4 : 1);
  if (random.chance(returnRate)) emitReturn(draft, order);
  else if (random.chance(0.04)) emitTicket(draft, order.ts + random.int(1, 6) * DAY_MS, order.id);
  if (random.chance(draft.profile === 'loyal' ? 0.16 : 0.08)) {
    const rating = clampRound(random.normal(draft.spec.npsMean / 2, 0.9), 1, 5);
    const ts = order.ts + random.int(5, 20) * DAY_MS + random.int(0, 43_200) * 1000;
    const channel = order.channel === 'store' ? 'web' : order.channel;
    emit(draft, 'review', ts, { channel, order_id: order.id, category: firstCategory.name, sku: first.sku, rating: String(rating) });
  }
  if (random.chance(0.12)) {
    const score = clampRound(random.normal(draft.spec.npsMean, 1.8), 0, 10);
    const ts = order.ts + random.int(2, 8) * DAY_MS + random.int(0, 43_200) * 1000;
    emit(draft, 'nps', ts, { channel: 'email', order_id: order.id, score: String(score) });
  }
}

/** A multi-item order is often returned in part: the first item only, at its share of the paid amount. */
function emitReturn(draft: CustomerDraft, order: DraftOrder): void {
  const random = draft.random;
  const first = order.items[0]!;
  const isPartial = order.items.length > 1 && random.chance(0.6);
  const categoryName = isPartial ? DEMO_CATEGORIES[first.category]!.name : order.category;
  const isFashion = categoryName === 'Одежда' || categoryName === 'Обувь';
  const reason = random.weighted(RETURN_REASONS, isFashion ? FASHION_RETURN_WEIGHTS : OTHER_RETURN_WEIGHTS);
  const ts = order.ts + random.int(3, 21) * DAY_MS + random.int(0, 36_000) * 1000;
  if (random.chance(0.3)) emitTicket(draft, ts - random.int(1, 48) * 3_600_000, order.id, 'return');
  const gross = order.items.reduce((sum, item) => sum + item.price, 0);
  const amount = isPartial ? roubles((order.amount * first.price) / gross) : order.amount;
  const props: Record<string, string> = { channel: order.channel, order_id: order.id, category: categoryName, reason };
  if (order.channel === 'store' && draft.store) props.store = draft.store;
  emit(draft, 'return', ts, props, amount);
}

function emitTicket(draft: CustomerDraft, ts: number, orderId: string, topic?: string): void {
  const chosen = topic ?? draft.random.weighted(TICKET_TOPICS, TICKET_TOPIC_WEIGHTS);
  emit(draft, 'support_ticket', ts, { channel: draft.random.chance(0.6) ? 'chat' : 'phone', order_id: orderId, topic: chosen });
}

function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}
