import { HOUR_MS } from './calendar';
import { DEMO_CATEGORIES, drawCategoryIndex, drawItem, type DemoItem } from './catalog';
import { emit, type CustomerDraft } from './context';

/**
 * Visits to the site or app, as the sequences of events a tracker records: open, search,
 * category and product views, wishlist, cart, checkout. A browsing visit never ends in an order
 * (orders have their own visits, see orders.ts), so every cart it fills is an abandoned cart
 * unless the customer comes back and orders within the day.
 */
export type OnlineChannel = 'web' | 'app';

export interface BrowseOptions {
  hasCart: boolean;
  hasWishlist: boolean;
  /** The campaign whose click or open started the visit. */
  campaign?: string;
  channel?: OnlineChannel;
}

/** Seconds between two actions of one visit: at least 5 s, typically under a minute. */
export function step(draft: CustomerDraft, meanSeconds = 40): number {
  return (5 + Math.floor(draft.random.exponential(meanSeconds))) * 1000;
}

export function sessionChannel(draft: CustomerDraft): OnlineChannel {
  return draft.identity.hasApp && draft.random.chance(0.6) ? 'app' : 'web';
}

/** Two thirds of a customer's interest goes to their favourite categories. */
export function drawInterest(draft: CustomerDraft): number {
  return draft.random.chance(0.65) ? draft.random.pick(draft.favourites) : drawCategoryIndex(draft.random);
}

export function drawProduct(draft: CustomerDraft, category: number): DemoItem {
  const { spec, random } = draft;
  return drawItem(draft.context.catalog, random, category, spec.priceBias, spec.premiumShare > 0 && random.chance(spec.premiumShare));
}

/** The first event of a visit: app_open in the app, a page_view on the site. */
export function openVisit(draft: CustomerDraft, ts: number, channel: OnlineChannel, campaign?: string): void {
  const props: Record<string, string> = { channel };
  if (campaign) props.campaign = campaign;
  emit(draft, channel === 'app' ? 'app_open' : 'page_view', ts, props);
}

/** Optional search and category view, then `count` product views; returns the last product and time. */
export function viewProducts(
  draft: CustomerDraft,
  start: number,
  channel: OnlineChannel,
  category: number,
  count: number,
): { ts: number; item: DemoItem } {
  const random = draft.random;
  const categoryName = DEMO_CATEGORIES[category]!.name;
  let ts = start;
  if (random.chance(0.3)) {
    ts += step(draft);
    emit(draft, 'search', ts, { channel, query: random.pick(DEMO_CATEGORIES[category]!.queries) });
  }
  if (random.chance(0.75)) {
    ts += step(draft);
    emit(draft, 'category_view', ts, { channel, category: categoryName });
  }
  let item = drawProduct(draft, category);
  for (let i = 0; i < count; i++) {
    if (i > 0) item = drawProduct(draft, category);
    ts += step(draft, 50);
    emit(draft, 'product_view', ts, { channel, category: categoryName, sku: item.sku });
  }
  return { ts, item };
}

export function emitCartAdd(draft: CustomerDraft, ts: number, channel: OnlineChannel, item: DemoItem): void {
  emit(draft, 'cart_add', ts, { channel, category: DEMO_CATEGORIES[item.category]!.name, sku: item.sku });
}

/** A visit without an order. Returns when it ended. */
export function browseVisit(draft: CustomerDraft, start: number, options: BrowseOptions): number {
  const random = draft.random;
  const channel = options.channel ?? sessionChannel(draft);
  openVisit(draft, start, channel, options.campaign);
  const category = drawInterest(draft);
  const viewed = viewProducts(draft, start, channel, category, 1 + random.poisson(0.9));
  const item = viewed.item;
  let ts = viewed.ts;
  if (options.hasWishlist) {
    ts += step(draft, 20);
    emit(draft, 'wishlist', ts, { channel, category: DEMO_CATEGORIES[category]!.name, sku: item.sku });
  }
  if (!options.hasCart) return ts;
  ts += step(draft, 20);
  emitCartAdd(draft, ts, channel, item);
  if (random.chance(0.25)) {
    const second = drawProduct(draft, drawInterest(draft));
    ts += step(draft, 60);
    emitCartAdd(draft, ts, channel, second);
  }
  if (random.chance(0.5)) {
    ts += step(draft);
    emit(draft, 'cart_view', ts, { channel });
  }
  if (random.chance(0.15)) {
    ts += step(draft, 60);
    emit(draft, 'checkout', ts, { channel });
  }
  return ts;
}

/** A store visit without a purchase. */
export function storeVisit(draft: CustomerDraft, ts: number): void {
  if (draft.store) emit(draft, 'store_visit', ts, { channel: 'store', store: draft.store });
}

/** A loyalty card issued on the spot, once per customer. */
export function issueLoyaltyCard(draft: CustomerDraft, ts: number, channel: string): void {
  if (draft.hasLoyaltyCard) return;
  draft.hasLoyaltyCard = true;
  const props: Record<string, string> = { channel };
  if (channel === 'store' && draft.store) props.store = draft.store;
  emit(draft, 'loyalty_card', ts, props);
}

/** Gap before the customer comes back to a cart they filled earlier: 1–20 hours. */
export function comebackDelay(draft: CustomerDraft): number {
  return HOUR_MS + draft.random.int(0, 19 * 3600) * 1000;
}
