import { isEventTypeName, toEventTypeName } from '../../model/event';

/**
 * Event type names from the data to the lower_snake_case vocabulary (data-model.md): common
 * Russian and English names of the default types map to them ("Покупка", "Purchase" → order;
 * "Просмотр товара", "View item" → product_view); any other name becomes snake case with
 * Cyrillic transliterated ("Звонок в колл-центр" → zvonok_v_koll_tsentr), so every type stays
 * a valid identifier. The report says which names were renamed.
 */
const SYNONYMS: Record<string, string[]> = {
  registration: ['signed_up', 'account_registered', 'user_registered', 'registration', 'register', 'sign_up', 'signup', 'регистрация', 'зарегистрировался', 'account_created', 'create_account'],
  subscribe: ['subscribed', 'subscribed_to_list', 'subscribed_to_email_marketing', 'email_subscribe', 'subscribe', 'subscription', 'подписка', 'подписался', 'opt_in', 'newsletter_signup'],
  unsubscribe: ['unsubscribed', 'unsubscribed_from_list', 'email_unsubscribe', 'unsubscribe', 'отписка', 'отписался', 'opt_out'],
  page_view: ['viewed_page', 'active_on_site', 'page_viewed', 'screen_view', 'page_view', 'pageview', 'view_page', 'просмотр_страницы', 'посещение_сайта', 'visit', 'session_start', 'визит'],
  product_view: ['viewed_product', 'product_viewed', 'viewed_item', 'product_view', 'view_item', 'view_product', 'item_view', 'просмотр_товара', 'просмотр_карточки_товара', 'просмотр_карточки'],
  category_view: ['viewed_category', 'viewed_collection', 'collection_viewed', 'product_list_viewed', 'category_view', 'view_category', 'view_item_list', 'просмотр_категории', 'просмотр_каталога'],
  search: ['searched', 'searched_site', 'products_searched', 'view_search_results', 'search', 'поиск', 'site_search'],
  cart_add: ['added_to_cart', 'product_added', 'add_to_basket', 'added_to_basket', 'cart_add', 'add_to_cart', 'addtocart', 'добавление_в_корзину', 'добавил_в_корзину', 'в_корзину'],
  cart_view: ['viewed_cart', 'cart_viewed', 'cart_view', 'view_cart', 'просмотр_корзины'],
  checkout: ['started_checkout', 'checkout_started', 'initiate_checkout', 'initiated_checkout', 'checkout', 'begin_checkout', 'оформление_заказа', 'начало_оформления'],
  order: ['placed_order', 'ordered', 'order_paid', 'purchased', 'checkout_completed', 'completed_order', 'fulfilled_order', 'order', 'purchase', 'transaction', 'buy', 'sale', 'заказ', 'покупка', 'продажа', 'оплата', 'оплаченный_заказ', 'order_completed', 'order_placed'],
  return: ['refunded_order', 'order_refunded', 'refunded', 'returned', 'return', 'refund', 'возврат', 'возврат_товара', 'order_returned'],
  email_open: ['opened_email', 'email_open', 'open', 'email_opened', 'открытие_письма', 'открыл_письмо', 'открытие_email'],
  email_click: ['clicked_email', 'email_click', 'click', 'email_clicked', 'клик_в_письме', 'клик_по_ссылке_в_письме', 'переход_из_письма'],
  push_open: ['opened_push', 'clicked_push', 'push_open', 'push_opened', 'push_click', 'открытие_push', 'открытие_пуша'],
  sms_click: ['clicked_sms', 'sms_click', 'sms_clicked', 'клик_в_sms', 'клик_в_смс', 'переход_из_смс'],
  app_open: ['opened_app', 'application_opened', 'app_open', 'app_launch', 'open_app', 'запуск_приложения', 'открытие_приложения'],
  review: ['submitted_review', 'review_submitted', 'left_review', 'review', 'отзыв', 'оставил_отзыв', 'write_review'],
  referral: ['referral', 'рекомендация', 'реферал', 'приглашение_друга', 'refer_a_friend'],
  nps: ['nps', 'nps_survey', 'опрос_nps'],
  support_ticket: ['support_ticket', 'ticket', 'обращение', 'обращение_в_поддержку', 'жалоба', 'support_request'],
  loyalty_card: ['loyalty_card', 'card_issued', 'выдача_карты', 'карта_лояльности'],
  store_visit: ['store_visit', 'visit_store', 'посещение_магазина', 'визит_в_магазин'],
  wishlist: ['added_to_wishlist', 'wishlist', 'add_to_wishlist', 'избранное', 'добавление_в_избранное'],
};

const CANONICAL = new Map<string, string>();
for (const [type, names] of Object.entries(SYNONYMS)) for (const name of names) CANONICAL.set(name, type);

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

export function transliterate(text: string): string {
  let out = '';
  for (const char of text) out += TRANSLIT[char] ?? char;
  return out;
}

/** The vocabulary name for a raw event type; '' when nothing usable is left. */
export function normalizeEventType(raw: string): string {
  const snake = toEventTypeName(raw).replace(/ё/g, 'е');
  if (!snake) return '';
  const known = CANONICAL.get(snake);
  if (known) return known;
  if (isEventTypeName(snake)) return snake;
  const ascii = transliterate(snake).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!ascii) return '';
  return /^[a-z]/.test(ascii) ? ascii : `event_${ascii}`;
}
