/**
 * One thing a customer did (or that happened to them), data-model.md "Event".
 * Orders are events of type `order`; returns are `return`. `ts` is an instant in ms UTC.
 */
export interface CrmEvent {
  customerId: string;
  type: string;
  ts: number;
  amount?: number;
  props: Record<string, string>;
}

export const ORDER_EVENT = 'order';
export const RETURN_EVENT = 'return';

/** The default event vocabulary. Any other lower_snake_case type found in data is accepted too. */
export const DEFAULT_EVENT_TYPES = [
  'registration',
  'subscribe',
  'unsubscribe',
  'page_view',
  'product_view',
  'category_view',
  'search',
  'cart_add',
  'cart_view',
  'checkout',
  'order',
  'return',
  'email_open',
  'email_click',
  'push_open',
  'sms_click',
  'app_open',
  'review',
  'referral',
  'nps',
  'support_ticket',
  'loyalty_card',
  'store_visit',
  'wishlist',
] as const;

const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function isEventTypeName(value: string): boolean {
  return EVENT_TYPE_PATTERN.test(value);
}

/** Turns "Cart Add", "cart-add" or "CartAdd" into `cart_add`. Returns '' when nothing usable is left. */
export function toEventTypeName(raw: string): string {
  return raw
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}
