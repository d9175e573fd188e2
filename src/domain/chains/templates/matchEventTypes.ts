import type { WorkspaceVocabulary } from '../../conditions/vocabulary';
import { toEventTypeName } from '../../model/event';
import { closestNames, nameSimilarity } from '../../similarity';
import { CHANNEL_RESPONSE_EVENTS } from '../channels';
import { chainEventTypes, renameChainEventTypes } from '../eventTypes';
import type { Chain } from '../types';

/**
 * Fits a template's event types (the default vocabulary: `cart_add`, `order` …) to a workspace
 * whose data may call them otherwise ("Added to cart", `add_to_cart`, `purchase`). Per type, in
 * this order: the user's own choice; the same name; the same name once normalised; a known
 * alias (most frequent in the data first); a very similar name (flagged as "similar" so the
 * editor asks to confirm). Anything else stays as it was and is listed in `unmatched` with the
 * closest names — never silently kept.
 */
export type MatchHow = 'chosen' | 'exact' | 'alias' | 'similar';

export interface EventTypeMatch {
  from: string;
  to: string;
  how: MatchHow;
}

export interface UnmatchedEventType {
  type: string;
  suggestions: string[];
  /** a channel response (email_open …): with the projection on, simulated responses supply it */
  isProjected: boolean;
}

export interface TemplateEventMatch {
  chain: Chain;
  matches: EventTypeMatch[];
  unmatched: UnmatchedEventType[];
}

/** Names other systems use for the default event types (compared after `toEventTypeName`). */
export const EVENT_TYPE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  cart_add: ['add_to_cart', 'added_to_cart', 'addtocart', 'add_cart', 'cart_added', 'basket_add', 'add_to_basket', 'added_to_basket', 'product_added', 'item_added_to_cart', 'добавление_в_корзину', 'добавил_в_корзину', 'в_корзину'],
  cart_view: ['view_cart', 'viewed_cart', 'cart_viewed', 'basket_view', 'view_basket', 'cart_page', 'просмотр_корзины'],
  checkout: ['begin_checkout', 'checkout_started', 'started_checkout', 'initiate_checkout', 'checkout_start', 'оформление_заказа', 'начало_оформления'],
  order: ['purchase', 'purchased', 'order_completed', 'completed_order', 'order_placed', 'placed_order', 'checkout_completed', 'transaction', 'sale', 'заказ', 'покупка', 'оформлен_заказ'],
  product_view: ['view_item', 'viewed_product', 'product_viewed', 'view_product', 'item_view', 'product_page_view', 'просмотр_товара', 'просмотр_карточки'],
  category_view: ['view_item_list', 'viewed_category', 'category_viewed', 'view_category', 'просмотр_категории'],
  page_view: ['pageview', 'page_viewed', 'screen_view', 'visit', 'session_start', 'просмотр_страницы', 'визит'],
  search: ['searched', 'view_search_results', 'site_search', 'products_searched', 'поиск'],
  wishlist: ['add_to_wishlist', 'wishlist_add', 'added_to_wishlist', 'favorite', 'add_to_favorites', 'избранное', 'в_избранное'],
  subscribe: ['subscribed', 'newsletter_signup', 'newsletter_subscribe', 'opt_in', 'email_subscribe', 'подписка', 'подписался'],
  unsubscribe: ['unsubscribed', 'opt_out', 'email_unsubscribe', 'отписка', 'отписался'],
  registration: ['sign_up', 'signup', 'signed_up', 'register', 'registered', 'account_created', 'complete_registration', 'регистрация'],
  email_open: ['open', 'opened', 'email_opened', 'mail_open', 'открытие_письма', 'открыл_письмо'],
  email_click: ['click', 'clicked', 'email_clicked', 'link_click', 'mail_click', 'клик_по_письму', 'клик_в_письме'],
  push_open: ['push_opened', 'push_click', 'push_clicked', 'notification_open', 'открытие_пуша'],
  review: ['review_submitted', 'product_review', 'rating', 'отзыв'],
  referral: ['invite_friend', 'friend_invited', 'referral_signup', 'приглашение_друга'],
};

const PROJECTED = new Set(Object.values(CHANNEL_RESPONSE_EVENTS).flatMap((events) => [events.opened, events.clicked]).filter((type): type is string => type !== null));
const SIMILAR_ENOUGH = 0.8;

function matchOne(type: string, names: readonly string[], normalised: ReadonlyMap<string, string>): EventTypeMatch | null {
  if (names.includes(type)) return { from: type, to: type, how: 'exact' };
  const same = normalised.get(toEventTypeName(type));
  if (same !== undefined) return { from: type, to: same, how: 'alias' };
  const aliases = new Set((EVENT_TYPE_ALIASES[type] ?? []).map(toEventTypeName));
  const alias = names.find((name) => aliases.has(toEventTypeName(name)));
  if (alias !== undefined) return { from: type, to: alias, how: 'alias' };
  const [similar] = closestNames(type, names, 1, SIMILAR_ENOUGH);
  return similar !== undefined && nameSimilarity(type, similar) >= SIMILAR_ENOUGH ? { from: type, to: similar, how: 'similar' } : null;
}

/** `chosen`: the user's own answers, template type → workspace type. */
export function matchTemplateEventTypes(chain: Chain, vocabulary: Pick<WorkspaceVocabulary, 'eventTypes'>, chosen: Readonly<Record<string, string>> = {}): TemplateEventMatch {
  // Most frequent first, so an alias or a similar name picks the type the data really uses.
  const names = vocabulary.eventTypes.map((type) => type.name);
  const normalised = new Map<string, string>();
  for (const name of names) if (!normalised.has(toEventTypeName(name))) normalised.set(toEventTypeName(name), name);
  const matches: EventTypeMatch[] = [];
  const unmatched: UnmatchedEventType[] = [];
  for (const type of chainEventTypes(chain)) {
    const own = chosen[type];
    const match = own !== undefined ? { from: type, to: own, how: 'chosen' as const } : matchOne(type, names, normalised);
    if (match) matches.push(match);
    else unmatched.push({ type, suggestions: closestNames(type, names, 3, 0.4), isProjected: PROJECTED.has(type) });
  }
  const rename = new Map(matches.map((match) => [match.from, match.to]));
  return { chain: renameChainEventTypes(chain, (type) => rename.get(type) ?? type), matches, unmatched };
}
