import { isEventTypeName, toEventTypeName } from '../../model/event';

/**
 * Event type names from the data to the lower_snake_case vocabulary (data-model.md): common
 * Russian and English names of the default types map to them ("Покупка", "Purchase" → order;
 * "Просмотр товара", "View item" → product_view); any other name becomes snake case with
 * Cyrillic transliterated ("Звонок в колл-центр" → zvonok_v_koll_tsentr), so every type stays
 * a valid identifier. The report says which names were renamed.
 */
const SYNONYMS: Record<string, string[]> = {
  registration: ['registration', 'register', 'sign_up', 'signup', 'регистрация', 'зарегистрировался', 'account_created', 'create_account'],
  subscribe: ['subscribe', 'subscription', 'подписка', 'подписался', 'opt_in', 'newsletter_signup'],
  unsubscribe: ['unsubscribe', 'отписка', 'отписался', 'opt_out'],
  page_view: ['page_view', 'pageview', 'view_page', 'просмотр_страницы', 'посещение_сайта', 'visit', 'session_start', 'визит'],
  product_view: ['product_view', 'view_item', 'view_product', 'item_view', 'просмотр_товара', 'просмотр_карточки_товара', 'просмотр_карточки'],
  category_view: ['category_view', 'view_category', 'view_item_list', 'просмотр_категории', 'просмотр_каталога'],
  search: ['search', 'поиск', 'site_search'],
  cart_add: ['cart_add', 'add_to_cart', 'addtocart', 'добавление_в_корзину', 'добавил_в_корзину', 'в_корзину'],
  cart_view: ['cart_view', 'view_cart', 'просмотр_корзины'],
  checkout: ['checkout', 'begin_checkout', 'оформление_заказа', 'начало_оформления'],
  order: ['order', 'purchase', 'transaction', 'buy', 'sale', 'заказ', 'покупка', 'продажа', 'оплата', 'оплаченный_заказ', 'order_completed', 'order_placed'],
  return: ['return', 'refund', 'возврат', 'возврат_товара', 'order_returned'],
  email_open: ['email_open', 'open', 'email_opened', 'открытие_письма', 'открыл_письмо', 'открытие_email'],
  email_click: ['email_click', 'click', 'email_clicked', 'клик_в_письме', 'клик_по_ссылке_в_письме', 'переход_из_письма'],
  push_open: ['push_open', 'push_opened', 'push_click', 'открытие_push', 'открытие_пуша'],
  sms_click: ['sms_click', 'sms_clicked', 'клик_в_sms', 'клик_в_смс', 'переход_из_смс'],
  app_open: ['app_open', 'app_launch', 'open_app', 'запуск_приложения', 'открытие_приложения'],
  review: ['review', 'отзыв', 'оставил_отзыв', 'write_review'],
  referral: ['referral', 'рекомендация', 'реферал', 'приглашение_друга', 'refer_a_friend'],
  nps: ['nps', 'nps_survey', 'опрос_nps'],
  support_ticket: ['support_ticket', 'ticket', 'обращение', 'обращение_в_поддержку', 'жалоба', 'support_request'],
  loyalty_card: ['loyalty_card', 'card_issued', 'выдача_карты', 'карта_лояльности'],
  store_visit: ['store_visit', 'visit_store', 'посещение_магазина', 'визит_в_магазин'],
  wishlist: ['wishlist', 'add_to_wishlist', 'избранное', 'добавление_в_избранное'],
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
