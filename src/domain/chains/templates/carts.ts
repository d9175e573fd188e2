import { allOf, events } from '../../conditions/build';
import { days, hours, minutes } from '../localTime';
import { ChainBuilder, t } from './builder';
import type { ChainTemplate } from './types';

/** Consideration-stage templates: the abandoned cart, its split by "visited the cart", and browse abandonment. */

const cartName = t('Abandoned cart', 'Брошенная корзина');
const cartRule = t(
  'Textbook (CRM GYM 002, §3.1, types of data): "a customer put items in the cart but did not pay. After 30 minutes — a letter «You forgot something». After a day — a letter with a bonus. After three days — a new offer." Every step ends for whoever orders.',
  'Учебник (CRM GYM 002, §3.1 «Типы данных»): «клиент положил в корзину, но не оплатил. Через 30 минут — письмо „Вы забыли товар“. Через сутки — письмо с бонусом. Через трое суток — реактивация с новым предложением». Кто заказал — выходит на любом шаге.',
);

export const abandonedCart: ChainTemplate = {
  id: 'abandoned-cart',
  name: cartName,
  summary: t('30 minutes: a reminder; 1 day: a bonus; 3 days: a new offer. Ends on an order.', '30 минут — напоминание, сутки — бонус, трое суток — новое предложение. Заказ завершает цепочку.'),
  stage: 'consideration',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(abandonedCart, cartRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'cooldown', cooldownDays: 7 }, attributionDays: 3, exitOnGoal: true, weeklyCap: 3 });
    const start = b.trigger('cart_add', { type: 'event', event: events('cart_add') }, t('Added to cart', 'Добавил в корзину'));
    const wait30 = b.waitFor('wait_30_min', events('order'), minutes(30), t('Ordered within 30 minutes?', 'Заказал за 30 минут?'));
    const reminder = b.email('reminder', {
      subject: t('You left something in your cart', 'Вы забыли товар в корзине'),
      body: t(
        '{{firstName|Hello}}, you added items to your cart but did not place the order. We have kept them for you — come back while they are in stock.',
        '{{firstName|Здравствуйте}}, вы добавили товары в корзину, но не оформили заказ. Мы сохранили их для вас — возвращайтесь, пока они есть в наличии.',
      ),
    });
    const waitDay = b.waitFor('wait_1_day', events('order'), days(1), t('Ordered within a day?', 'Заказал за сутки?'));
    const bonus = b.email('bonus', {
      subject: t('300 bonus points for the order in your cart', '300 бонусов за заказ из вашей корзины'),
      body: t(
        'Your cart is still waiting. Place the order within 48 hours and we will add 300 bonus points to your account — spend them on your next purchase.',
        'Корзина всё ещё ждёт вас. Оформите заказ в течение 48 часов — и мы начислим 300 бонусных баллов, ими можно оплатить следующую покупку.',
      ),
      offer: { type: 'bonus_points', value: 300, code: '' },
    });
    const waitTwo = b.waitFor('wait_2_days', events('order'), days(2), t('Ordered within two more days?', 'Заказал ещё за двое суток?'));
    const lastOffer = b.email('new_offer', {
      subject: t('10 % off what is in your cart — 24 hours only', 'Скидка 10 % на товары из корзины — только 24 часа'),
      body: t(
        'We do not want you to miss out: the code {{offer.code}} takes 10 % off everything in your cart until tomorrow night. After that the items go back on the shelf.',
        'Не хотим, чтобы вы упустили покупку: код {{offer.code}} даёт −10 % на всё из корзины до завтрашнего вечера. Потом товары вернутся на полку.',
      ),
      offer: { type: 'discount_percent', value: 10, code: 'CART10' },
    });
    const bought = b.goal('bought', 'goal', t('Ordered', 'Заказал'));
    const gaveUp = b.goal('not_bought', 'exit', t('Did not order', 'Не заказал'));
    b.path(start, wait30);
    b.onEvent(wait30, bought, reminder);
    b.path(reminder, waitDay);
    b.onEvent(waitDay, bought, bonus);
    b.path(bonus, waitTwo);
    b.onEvent(waitTwo, bought, lastOffer);
    b.path(lastOffer, gaveUp);
    return b.build();
  },
};

const splitName = t('Abandoned cart: visited the cart or not', 'Брошенная корзина: заходил в корзину или нет');
const splitRule = t(
  'Textbook (004, the «Связной» case): customers who went on to the cart page buy more readily than those who stopped at the product page. Those who visited the cart get only a reminder of their items; the others also get recommendations — fewer letters to the less interested, fewer unsubscribes.',
  'Учебник (004, кейс «Связного»): перешедшие в корзину покупают охотнее, чем остановившиеся на карточке товара. Тем, кто заходил в корзину, — только напоминание о товарах; остальным — ещё и рекомендации. Меньше писем менее заинтересованным — меньше отписок.',
);

export const abandonedCartSplit: ChainTemplate = {
  id: 'abandoned-cart-split',
  name: splitName,
  summary: t('After an hour without an order: a plain reminder for those who opened the cart, recommendations for the rest.', 'Через час без заказа: простое напоминание тем, кто открывал корзину, рекомендации — остальным.'),
  stage: 'consideration',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(abandonedCartSplit, splitRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'cooldown', cooldownDays: 7 }, attributionDays: 3, exitOnGoal: true, weeklyCap: 3 });
    const start = b.trigger('cart_add', { type: 'event', event: events('cart_add') }, t('Added to cart', 'Добавил в корзину'));
    const wait = b.waitFor('wait_1_hour', events('order'), hours(1), t('Ordered within an hour?', 'Заказал за час?'));
    const visited = b.filter('visited_cart', allOf({ type: 'eventSinceEntry', event: events('cart_view'), happened: true }), t('Opened the cart?', 'Заходил в корзину?'));
    const reminder = b.email('reminder', {
      subject: t('Your cart is waiting', 'Ваша корзина ждёт'),
      body: t('{{firstName|Hello}}, everything you chose is still in your cart. One click — and the order is on its way.', '{{firstName|Здравствуйте}}, всё, что вы выбрали, по-прежнему в корзине. Один клик — и заказ в пути.'),
    });
    const recommend = b.email('recommendations', {
      subject: t('Your items — and what goes well with them', 'Ваши товары и то, что к ним подойдёт'),
      body: t(
        '{{firstName|Hello}}, you saved a few things in your cart. We added matching items that other customers chose with them — have a look before they sell out.',
        '{{firstName|Здравствуйте}}, вы отложили товары в корзину. Мы добавили к ним то, что другие покупатели берут вместе с ними, — посмотрите, пока всё в наличии.',
      ),
    });
    const waitDay = b.waitFor('wait_1_day', events('order'), days(1), t('Ordered within a day?', 'Заказал за сутки?'));
    const bought = b.goal('bought', 'goal', t('Ordered', 'Заказал'));
    const gaveUp = b.goal('not_bought', 'exit', t('Did not order', 'Не заказал'));
    b.path(start, wait);
    b.onEvent(wait, bought, visited);
    b.yesNo(visited, reminder, recommend);
    b.path(reminder, waitDay);
    b.path(recommend, waitDay);
    b.onEvent(waitDay, bought, gaveUp);
    return b.build();
  },
};

const browseName = t('Browse abandonment', 'Брошенный просмотр');
const browseRule = t(
  'Textbook (CRM GYM 002, §3.8: "product view → an email with this product"; 003: "bringing back abandoned views: a letter with a selection of products that match the filters, plus a personal discount").',
  'Учебник (CRM GYM 002, §3.8: «просмотр товара → email с этим товаром»; 003: «возврат брошенных просмотров: письмо с подборкой товаров, соответствующих фильтрам на сайте, плюс персональная скидка»).',
);

export const browseAbandonment: ChainTemplate = {
  id: 'browse-abandonment',
  name: browseName,
  summary: t('Viewed but did not add to cart in a day: a selection of similar items, then a personal discount by push.', 'Смотрел, но за сутки не положил в корзину: подборка похожих товаров, затем персональная скидка в push.'),
  stage: 'interest',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(browseAbandonment, browseRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'cooldown', cooldownDays: 14 }, attributionDays: 3, exitOnGoal: true, weeklyCap: 2 });
    const start = b.trigger('product_view', { type: 'event', event: events('product_view') }, t('Viewed a product', 'Смотрел товар'));
    const wait = b.waitFor('wait_cart', events(['cart_add', 'order']), days(1), t('Added to cart within a day?', 'Положил в корзину за сутки?'));
    const selection = b.email('selection', {
      subject: t('Still thinking? Here are similar picks', 'Ещё думаете? Вот похожие варианты'),
      body: t(
        '{{firstName|Hello}}, we noticed you were looking at something in our catalogue. Here is a selection of similar items in your size and price range — maybe one of them is exactly it.',
        '{{firstName|Здравствуйте}}, вы присматривались к товару в нашем каталоге. Собрали подборку похожих — в вашем размере и ценовом диапазоне. Возможно, среди них именно то, что нужно.',
      ),
    });
    const waitOrder = b.waitFor('wait_order', events('order'), days(2), t('Ordered within two days?', 'Заказал за двое суток?'));
    const discount = b.message('personal_discount', {
      channel: 'push',
      subject: t('5 % just for you', '5 % лично для вас'),
      body: t('The item you liked is still in stock. Code {{offer.code}}: −5 % for 3 days.', 'Понравившийся товар ещё в наличии. Код {{offer.code}}: −5 % на 3 дня.'),
      offer: { type: 'discount_percent', value: 5, code: 'LOOK5' },
    });
    const toCart = b.goal('went_to_cart', 'exit', t('Went on to the cart', 'Перешёл к корзине'));
    const bought = b.goal('bought', 'goal', t('Ordered', 'Заказал'));
    const gaveUp = b.goal('not_bought', 'exit', t('Did not order', 'Не заказал'));
    b.path(start, wait);
    b.onEvent(wait, toCart, selection);
    b.path(selection, waitOrder);
    b.onEvent(waitOrder, bought, discount);
    b.path(discount, gaveUp);
    return b.build();
  },
};
