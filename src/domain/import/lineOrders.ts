import { cleanMoney } from './values/numbers';

/**
 * Order lines into orders (data-model.md "CSV kinds" 3): an order's amount is Σ quantity × price
 * (or Σ of the line amounts when the file has them); lines with a negative value (negative
 * quantity, a refund line) make a return of the same order; an order whose id marks a
 * cancellation ("C536379") or whose status says returned becomes a return as a whole. Lines of
 * one order need not be next to each other. An order without an id is the lines of one
 * customer at one time.
 */
export interface OrderDraft {
  orderId: string;
  slot: number;
  ts: number;
  firstLine: number;
  lines: number;
  /** Σ of positive line values and their quantities */
  positive: number;
  positiveItems: number;
  /** Σ of negative line values (≤ 0) and their quantities (as positive numbers) */
  negative: number;
  negativeItems: number;
  isReturn: boolean;
  isCancelled: boolean;
  /** order-level props from the first line (store, channel, payment method …) */
  props: Record<string, string>;
  skus: Set<string>;
  products: Set<string>;
  /** category → value of its lines: the order's category is the one with the most value */
  categories: Map<string, number>;
}

export interface LineInput {
  orderId: string;
  slot: number;
  ts: number;
  line: number;
  value: number;
  quantity: number;
  isReturn: boolean;
  isCancelled: boolean;
  props: Record<string, string>;
  sku: string;
  product: string;
  category: string;
}

const MAX_LISTED = 20;

export class LineAggregator {
  private readonly drafts = new Map<string, OrderDraft>();

  /** Adds a line; returns the draft's slot when the line names another customer than the order's first line. */
  add(input: LineInput): number | undefined {
    const key = input.orderId || `${input.slot}\u0001${input.ts}`;
    let draft = this.drafts.get(key);
    if (!draft) {
      draft = {
        orderId: input.orderId,
        slot: input.slot,
        ts: input.ts,
        firstLine: input.line,
        lines: 0,
        positive: 0,
        positiveItems: 0,
        negative: 0,
        negativeItems: 0,
        isReturn: input.isReturn,
        isCancelled: input.isCancelled,
        props: input.props,
        skus: new Set(),
        products: new Set(),
        categories: new Map(),
      };
      this.drafts.set(key, draft);
    }
    draft.lines++;
    if (input.ts < draft.ts) draft.ts = input.ts;
    if (input.value < 0 || input.quantity < 0) {
      draft.negative += input.value > 0 ? -input.value : input.value;
      draft.negativeItems += Math.abs(input.quantity);
    } else {
      draft.positive += input.value;
      draft.positiveItems += input.quantity;
    }
    if (input.sku && draft.skus.size < MAX_LISTED) draft.skus.add(input.sku);
    if (input.product && draft.products.size < MAX_LISTED) draft.products.add(input.product);
    if (input.category) draft.categories.set(input.category, (draft.categories.get(input.category) ?? 0) + Math.abs(input.value));
    return draft.slot === input.slot ? undefined : draft.slot;
  }

  get size(): number {
    return this.drafts.size;
  }

  /** The order an order id already has lines of (undefined for a new or empty id). */
  draftOf(orderId: string): OrderDraft | undefined {
    return orderId ? this.drafts.get(orderId) : undefined;
  }

  values(): IterableIterator<OrderDraft> {
    return this.drafts.values();
  }
}

export interface DraftEvent {
  type: 'order' | 'return' | 'order_cancelled';
  amount: number;
  items: number;
}

/** The events an order draft becomes: an order, a return, or both (a partly refunded order). */
export function draftEvents(draft: OrderDraft): DraftEvent[] {
  if (draft.isCancelled) return [{ type: 'order_cancelled', amount: cleanMoney(draft.positive - draft.negative), items: draft.positiveItems + draft.negativeItems }];
  if (draft.isReturn) return [{ type: 'return', amount: cleanMoney(Math.abs(draft.positive + draft.negative)), items: draft.positiveItems + draft.negativeItems }];
  const events: DraftEvent[] = [];
  if (draft.positiveItems > 0 || draft.positive > 0 || draft.negative === 0) events.push({ type: 'order', amount: cleanMoney(draft.positive), items: draft.positiveItems });
  if (draft.negative < 0 || draft.negativeItems > 0) events.push({ type: 'return', amount: cleanMoney(-draft.negative), items: draft.negativeItems });
  return events;
}

/** The props of the order a draft becomes: its first line's order-level props, the SKUs and products of its lines, its main category. */
export function draftProps(draft: OrderDraft, items: number): Record<string, string> {
  const props: Record<string, string> = { ...draft.props };
  if (draft.orderId) props.order_id = draft.orderId;
  props.items = String(items);
  props.lines = String(draft.lines);
  if (draft.skus.size) props.sku = [...draft.skus].join(', ');
  if (draft.products.size) props.product = [...draft.products].join('; ');
  let best = '';
  let bestValue = -1;
  for (const [category, value] of draft.categories) if (value > bestValue) [best, bestValue] = [category, value];
  if (best) props.category = best;
  return props;
}
