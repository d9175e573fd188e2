import { allOf, events } from '../../conditions/build';
import { days } from '../localTime';
import { ChainBuilder, t } from './builder';
import type { ChainTemplate } from './types';

/** Retention templates: reactivation 30 / 60 / 90 days, birthday, post-purchase cross-sell. */

const reactivationName = t('Reactivation 30 / 60 / 90 days', 'Реактивация 30 / 60 / 90 дней');
const reactivationRule = t(
  'Textbook (CRM GYM 002, §5.5 "Reactivation: 30, 60, 90 days of inactivity"; §3.8: "not opened → switch the channel or the topic", "on inactivity — push or SMS"). A wave at 30, 60 and 90 days without an order, each followed by another channel when the email stays unopened.',
  'Учебник (CRM GYM 002, §5.5 «Реактивация: 30, 60, 90 дней бездействия»; §3.8: «неоткрытие → смена канала или темы письма», «на бездействие — push или SMS»). Волна на 30, 60 и 90 день без заказа; если письмо не открыто — следом другой канал.',
);

export const reactivation: ChainTemplate = {
  id: 'reactivation',
  name: reactivationName,
  summary: t('30, 60 and 90 days without an order: an email each time, SMS or push when it is not opened.', '30, 60 и 90 дней без заказа: письмо каждый раз, SMS или push — если оно не открыто.'),
  stage: 'retention',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(reactivation, reactivationRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'afterExit', cooldownDays: 30 }, attributionDays: 5, exitOnGoal: true, weeklyCap: 3 });
    const start = b.trigger('no_order_30', { type: 'inactivity', event: events('order'), days: 30 }, t('No order for 30 days', '30 дней без заказа'));
    const email30 = b.email('email_30', {
      subject: t('{{firstName|Hello}}, it has been a while', '{{firstName|Здравствуйте}}, давно не виделись'),
      body: t(
        'A lot has changed since your last visit: new arrivals for the season and the bestsellers are back in stock. Take a look — we picked what matches your previous orders.',
        'С вашего последнего визита многое изменилось: пришли новинки сезона, вернулись в наличии хиты. Загляните — мы подобрали то, что похоже на ваши прошлые покупки.',
      ),
    });
    const opened30 = b.waitFor('opened_30', events('email_open'), days(3), t('Opened within 3 days?', 'Открыл за 3 дня?'));
    const sms30 = b.message('sms_30', { channel: 'sms', body: t('We miss you! New arrivals are waiting in the catalogue.', 'Мы скучаем! Новинки уже ждут вас в каталоге.'), cost: 3 });
    const until60 = b.delay('until_day_60', days(27), t('Until day 60', 'До 60-го дня'));
    const email60 = b.email('email_60', {
      subject: t('500 bonus points are waiting for you', '500 бонусов уже на вашем счёте'),
      body: t(
        'We added 500 bonus points to your account — pay up to 20 % of your next order with them. They stay with you for 30 days.',
        'Мы начислили вам 500 бонусных баллов — ими можно оплатить до 20 % следующего заказа. Они будут ждать вас 30 дней.',
      ),
      offer: { type: 'bonus_points', value: 500, code: '' },
    });
    const opened60 = b.waitFor('opened_60', events('email_open'), days(3), t('Opened within 3 days?', 'Открыл за 3 дня?'));
    const push60 = b.message('push_60', { channel: 'push', subject: t('500 bonus points', '500 бонусов'), body: t('Your 500 bonus points are on your account. Spend them before they expire!', '500 бонусов уже на вашем счёте. Потратьте, пока не сгорели!') });
    const until90 = b.delay('until_day_90', days(27), t('Until day 90', 'До 90-го дня'));
    const email90 = b.email('email_90', {
      subject: t('Our last letter: 15 % off, if you want to come back', 'Последнее письмо: −15 %, если захотите вернуться'),
      body: t(
        'We do not want to be a bother. Here is 15 % off your next order with the code {{offer.code}}, valid for 7 days. If our letters are no longer for you, you can unsubscribe below — no hard feelings.',
        'Не хотим быть навязчивыми. Вот −15 % на следующий заказ по коду {{offer.code}}, он действует 7 дней. Если письма вам больше не нужны, отпишитесь по ссылке ниже — мы не обидимся.',
      ),
      offer: { type: 'discount_percent', value: 15, code: 'BACK15' },
    });
    const opened90 = b.waitFor('opened_90', events('email_open'), days(3), t('Opened within 3 days?', 'Открыл за 3 дня?'));
    const sms90 = b.message('sms_90', { channel: 'sms', body: t('−15 % with code {{offer.code}} for 7 days. We will be glad to see you!', '−15 % по коду {{offer.code}} ещё 7 дней. Будем рады вам!'), offer: { type: 'discount_percent', value: 15, code: 'BACK15' }, cost: 3 });
    const gone = b.goal('not_back', 'exit', t('Did not come back', 'Не вернулся'));
    b.path(start, email30, opened30);
    b.onEvent(opened30, until60, sms30);
    b.path(sms30, until60);
    b.path(until60, email60, opened60);
    b.onEvent(opened60, until90, push60);
    b.path(push60, until90);
    b.path(until90, email90, opened90);
    b.onEvent(opened90, gone, sms90);
    b.path(sms90, gone);
    return b.build();
  },
};

const birthdayName = t('Birthday', 'День рождения');
const birthdayRule = t(
  'Textbook (CRM GYM 002, §3.1: "occasions for communication: a birthday, bonus points about to expire"; §5.7 "Occasions: birthday …"). A gift announced three days before, the greeting on the day, and a reminder before the gift expires.',
  'Учебник (CRM GYM 002, §3.1: «поводы для коммуникации: день рождения, бонус скоро сгорит»; §5.7 «Поводы: день рождения…»). Подарок — за три дня, поздравление — в сам день, напоминание — до того, как подарок сгорит.',
);

const birthdayOffer = { type: 'discount_percent' as const, value: 15, code: 'BDAY15' };

export const birthday: ChainTemplate = {
  id: 'birthday',
  name: birthdayName,
  summary: t('Three days before: the gift; on the day: congratulations by SMS; three days later: a reminder if unused.', 'За три дня — подарок, в день рождения — поздравление в SMS, через три дня — напоминание, если подарок не использован.'),
  stage: 'retention',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(birthday, birthdayRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'afterExit', cooldownDays: 300 }, attributionDays: 7, exitOnGoal: false });
    const start = b.trigger('before_birthday', { type: 'date', field: 'birthDate', offsetDays: -3, localTime: '10:00', repeat: 'yearly' }, t('3 days before the birthday', 'За 3 дня до дня рождения'));
    const early = b.email('gift', {
      subject: t('{{firstName|Hello}}, your birthday gift is ready', '{{firstName|Здравствуйте}}, подарок ко дню рождения уже ждёт'),
      body: t(
        'Your birthday is coming, and we have a gift: 15 % off anything with the code {{offer.code}}. It works for a week — three days before your birthday and four days after. Treat yourself!',
        'Скоро ваш день рождения, и у нас для вас подарок: −15 % на любой заказ по коду {{offer.code}}. Он действует неделю — три дня до праздника и четыре после. Порадуйте себя!',
      ),
      offer: birthdayOffer,
    });
    const onTheDay = b.delay('until_birthday', days(3), t('Until the birthday', 'До дня рождения'));
    const greeting = b.message('greeting', { channel: 'sms', body: t('Happy birthday, {{firstName|friend}}! −15 % with code {{offer.code}}', 'С днём рождения, {{firstName|друг}}! −15 % по коду {{offer.code}}'), offer: birthdayOffer, cost: 3 });
    const later = b.delay('three_days_later', days(3));
    const used = b.filter('used_gift', allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }), t('Used the gift?', 'Воспользовался подарком?'));
    const reminder = b.message('gift_expires', {
      channel: 'push',
      subject: t('Your gift expires tomorrow', 'Подарок сгорит завтра'),
      body: t('The birthday 15 % (code {{offer.code}}) works until tomorrow night.', 'Скидка 15 % ко дню рождения (код {{offer.code}}) действует до завтрашнего вечера.'),
      offer: birthdayOffer,
    });
    const celebrated = b.goal('used', 'goal', t('Used the gift', 'Воспользовался подарком'));
    const over = b.goal('done', 'exit', t('Birthday is over', 'Праздник прошёл'));
    b.path(start, early, onTheDay, greeting, later, used);
    b.yesNo(used, celebrated, reminder);
    b.path(reminder, over);
    return b.build();
  },
};

const crossSellName = t('Post-purchase cross-sell', 'Кросс-селл после покупки');
const crossSellRule = t(
  'Textbook (CRM GYM 002, §5.6 "Upsell and cross-sell: when and what to offer"; 003: "stimulating repeat purchases: a month after the order — a special offer on compatible categories"; 002 §3.7: active loyal buyers — "remind them of related products").',
  'Учебник (CRM GYM 002, §5.6 «Апсейл и кросс-селл: когда и что предлагать»; 003: «стимулирование повторных покупок: через месяц после заказа — спецпредложение по совместимым категориям»; 002 §3.7: активным лояльным — «напомнить о сопутствующих товарах»).',
);

export const postPurchaseCrossSell: ChainTemplate = {
  id: 'post-purchase-cross-sell',
  name: crossSellName,
  summary: t('After an order: care tips in 3 days, an offer on matching categories a month later unless they have bought again.', 'После заказа: советы по уходу через 3 дня, через месяц — предложение по сопутствующим категориям, если ещё не купили снова.'),
  stage: 'retention',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(postPurchaseCrossSell, crossSellRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'afterExit', cooldownDays: 30 }, attributionDays: 5, exitOnGoal: false, weeklyCap: 3 });
    const start = b.trigger('ordered', { type: 'event', event: events('order') }, t('Placed an order', 'Сделал заказ'));
    const wait3 = b.delay('wait_3_days', days(3));
    const care = b.email('care_tips', {
      subject: t('How is your purchase? A few tips', 'Как вам покупка? Несколько советов'),
      body: t(
        '{{firstName|Hello}}, we hope you like your order. Here is how to care for it so it lasts longer — and if anything is wrong, reply to this letter and we will sort it out.',
        '{{firstName|Здравствуйте}}, надеемся, заказ вам понравился. Рассказываем, как ухаживать за покупкой, чтобы она служила дольше. А если что-то не так — ответьте на это письмо, и мы всё решим.',
      ),
    });
    const month = b.delay('about_a_month', days(27), t('About a month after the order', 'Около месяца после заказа'));
    const again = b.filter('bought_again', allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }), t('Bought again already?', 'Уже купил снова?'));
    const offer = b.email('matching_offer', {
      subject: t('What goes with your last purchase — 10 % off', 'Что подойдёт к вашей покупке — со скидкой 10 %'),
      body: t(
        'We picked items that go well with what you bought last month: accessories, care products and matching pieces. The code {{offer.code}} takes 10 % off them for a week.',
        'Подобрали то, что хорошо сочетается с вашей покупкой: аксессуары, средства ухода и вещи в пару. Код {{offer.code}} даёт −10 % на них в течение недели.',
      ),
      offer: { type: 'discount_percent', value: 10, code: 'MORE10' },
    });
    const waitOrder = b.waitFor('wait_order', events('order'), days(7), t('Ordered within a week?', 'Заказал за неделю?'));
    const repeat = b.goal('repeat_order', 'goal', t('Bought again', 'Купил снова'));
    const done = b.goal('no_repeat', 'exit', t('No repeat order', 'Без повторного заказа'));
    b.path(start, wait3, care, month, again);
    b.yesNo(again, repeat, offer);
    b.path(offer, waitOrder);
    b.onEvent(waitOrder, repeat, done);
    return b.build();
  },
};
