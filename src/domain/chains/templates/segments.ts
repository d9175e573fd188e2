import { allOf, events } from '../../conditions/build';
import { days } from '../localTime';
import { ChainBuilder, t } from './builder';
import { DEFAULT_AUDIENCE_AT, type ChainTemplate } from './types';

/** Segment templates: VIP / Champions, win-back of "At risk", a one-off promo to a segment. */

const vipName = t('VIP club for Champions', 'VIP-клуб для чемпионов');
const vipRule = t(
  'Textbook (CRM GYM 002, §3.7 RFM: "the best scores — VIP customers: offer exclusive terms and an invitation to a closed club"; "VIPs need a chat-bot or a personal manager"). No discounts: privileges, early access and a personal channel.',
  'Учебник (CRM GYM 002, §3.7 RFM: «максимальные баллы — VIP-клиенты: предложить эксклюзивные условия и приглашение в закрытый клуб»; «для VIP-ов важен чат-бот или личный менеджер»). Без скидок: привилегии, ранний доступ и личный канал.',
);

export const vipChampions: ChainTemplate = {
  id: 'vip-champions',
  name: vipName,
  summary: t('On entering Champions: a club invitation by Telegram (or email), early access to the sale, then a request for a review.', 'При попадании в «Чемпионы»: приглашение в клуб в Telegram (или письмом), ранний доступ к распродаже, затем просьба об отзыве.'),
  stage: 'retention',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(vipChampions, vipRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'cooldown', cooldownDays: 180 }, attributionDays: 7, exitOnGoal: false, weeklyCap: 2 });
    const start = b.trigger('became_champion', { type: 'segment', segment: { type: 'rfmSegment', segment: 'champions' } }, t('Became a Champion', 'Стал «Чемпионом»'));
    const hasTelegram = b.filter(
      'has_telegram',
      allOf({ type: 'contact', channel: 'telegram', isPresent: true }, { type: 'consent', channel: 'telegram', states: ['yes'] }),
      t('Reachable in Telegram?', 'Доступен в Telegram?'),
    );
    const clubTelegram = b.message('club_telegram', {
      channel: 'telegram',
      body: t(
        '{{firstName|Hello}}, you are one of our most valued customers, and we invite you to our closed club: a personal manager in this chat, early access to sales and new collections before anyone else. Just reply here — we are on it.',
        '{{firstName|Здравствуйте}}, вы — один из самых ценных наших клиентов, и мы приглашаем вас в закрытый клуб: личный менеджер в этом чате, ранний доступ к распродажам и новым коллекциям раньше всех. Просто ответьте здесь — мы на связи.',
      ),
    });
    const clubEmail = b.email('club_email', {
      subject: t('An invitation to our closed club', 'Приглашение в закрытый клуб'),
      body: t(
        '{{firstName|Hello}}, thank you for being with us. You are now a member of our closed club: a personal manager, early access to sales, new collections before anyone else and free delivery on every order.',
        '{{firstName|Здравствуйте}}, спасибо, что вы с нами. Теперь вы в нашем закрытом клубе: личный менеджер, ранний доступ к распродажам, новые коллекции раньше всех и бесплатная доставка каждого заказа.',
      ),
      offer: { type: 'free_shipping', value: 0, code: '' },
    });
    const week = b.delay('wait_7_days', days(7));
    const early = b.email('early_access', {
      subject: t('The sale opens for you 48 hours early', 'Распродажа для вас — на 48 часов раньше'),
      body: t('As a club member you shop the new sale two days before everyone else. Your favourite sizes are still here.', 'Как участник клуба вы попадаете на распродажу на два дня раньше всех. Ваши размеры пока на месте.'),
    });
    const twoWeeks = b.delay('wait_14_days', days(14));
    const review = b.email('ask_review', {
      subject: t('Your opinion matters to us', 'Нам важно ваше мнение'),
      body: t(
        'You know our shop better than anyone. Would you leave a review of your last purchase, or invite a friend who would like it? Both help us a lot.',
        'Вы знаете наш магазин лучше всех. Оставьте отзыв о последней покупке или пригласите друга, которому у нас понравится, — это нам очень поможет.',
      ),
    });
    const done = b.goal('club_member', 'goal', t('Welcomed to the club', 'Принят в клуб'));
    b.path(start, hasTelegram);
    b.yesNo(hasTelegram, clubTelegram, clubEmail);
    b.path(clubTelegram, week);
    b.path(clubEmail, week);
    b.path(week, early, twoWeeks, review, done);
    return b.build();
  },
};

const winBackName = t('Win back "At risk"', 'Возврат «В зоне риска»');
const winBackRule = t(
  'Textbook (CRM GYM 002, §3.7 RFM: those who bought a lot but long ago — "sleeping" loyalists: "a reactivation campaign with a bonus", "an email chain with a personal promo code"). A 10 % holdout measures what the chain really brings back.',
  'Учебник (CRM GYM 002, §3.7 RFM: покупали много, но давно — «спящие» лоялисты: «запустить реактивационную кампанию с бонусом», «email-цепочка с персональным промокодом»). Контрольные 10 % показывают, что цепочка действительно возвращает.',
);

export const winBackAtRisk: ChainTemplate = {
  id: 'win-back-at-risk',
  name: winBackName,
  summary: t('On entering At risk: a personal promo code, a reminder before it expires, a last SMS; 10 % holdout.', 'При попадании в «В зоне риска»: персональный промокод, напоминание до его сгорания, последнее SMS; 10 % — контрольная группа.'),
  stage: 'retention',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(winBackAtRisk, winBackRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'cooldown', cooldownDays: 90 }, attributionDays: 5, exitOnGoal: true, weeklyCap: 3 });
    const offer = { type: 'discount_percent' as const, value: 15, code: 'COMEBACK15' };
    const start = b.trigger('became_at_risk', { type: 'segment', segment: { type: 'rfmSegment', segment: 'atRisk' } }, t('Entered "At risk"', 'Попал в «В зоне риска»'));
    const split = b.split('holdout_split', [
      { id: 'campaign', label: t('Campaign', 'Кампания'), weight: 90, isHoldout: false },
      { id: 'holdout', label: t('Holdout', 'Контроль'), weight: 10, isHoldout: true },
    ]);
    const code = b.email('promo_code', {
      subject: t('{{firstName|Hello}}, a personal 15 % for you', '{{firstName|Здравствуйте}}, персональные −15 % для вас'),
      body: t(
        'We have not seen you for a while and we miss you. Here is your personal code {{offer.code}}: 15 % off any order for 7 days. New arrivals are already in — come and see.',
        'Давно вас не видели и скучаем. Вот ваш персональный код {{offer.code}}: −15 % на любой заказ в течение 7 дней. Новинки уже в каталоге — заходите.',
      ),
      offer,
    });
    const wait5 = b.waitFor('wait_5_days', events('order'), days(5), t('Ordered within 5 days?', 'Заказал за 5 дней?'));
    const expiring = b.email('code_expiring', {
      subject: t('Your 15 % expires in 2 days', 'Ваши −15 % сгорят через 2 дня'),
      body: t('A gentle reminder: the code {{offer.code}} works for two more days.', 'Напоминаем: код {{offer.code}} действует ещё два дня.'),
      offer,
    });
    const wait2 = b.waitFor('wait_2_days', events('order'), days(2), t('Ordered within 2 days?', 'Заказал за 2 дня?'));
    const lastSms = b.message('last_sms', { channel: 'sms', body: t('Last day of your −15 %: code {{offer.code}}', 'Последний день скидки −15 %: код {{offer.code}}'), offer, cost: 3 });
    const back = b.goal('came_back', 'goal', t('Came back', 'Вернулся'));
    const notBack = b.goal('not_back', 'exit', t('Did not come back', 'Не вернулся'));
    const holdout = b.goal('holdout_end', 'exit', t('Holdout: receives nothing', 'Контроль: ничего не получает'));
    b.path(start, split);
    b.link(split, 'campaign', code).link(split, 'holdout', holdout);
    b.path(code, wait5);
    b.onEvent(wait5, back, expiring);
    b.path(expiring, wait2);
    b.onEvent(wait2, back, lastSms);
    b.path(lastSms, notBack);
    return b.build();
  },
};

const promoName = t('One-off promo to a segment', 'Разовая акция для сегмента');
const promoRule = t(
  'Textbook (CRM GYM 002, §3.5: a customer in the RFM segment "often and recently" gets privileges and access to closed sales; §3.1: "with purchases and interests you can run segment campaigns"). A holdout of 10 % shows the lift over those who would have bought anyway.',
  'Учебник (CRM GYM 002, §3.5: покупатель с RFM-сегментом «часто и недавно» получает привилегии и доступ к закрытым распродажам; §3.1: «если есть покупки и интересы — уже можно запускать сегментные кампании»). Контрольные 10 % показывают прирост к тем, кто купил бы и так.',
);

export const oneOffPromo: ChainTemplate = {
  id: 'one-off-promo',
  name: promoName,
  summary: t('Once, at a set time: a closed sale for Loyal and Potential loyalists with email consent; a push reminder; 10 % holdout.', 'Один раз в заданное время: закрытая распродажа для «Лояльных» и «Потенциально лояльных» с согласием на email; напоминание в push; 10 % — контроль.'),
  stage: 'retention',
  build({ language, chainId, audienceAt }) {
    const b = ChainBuilder.forTemplate(oneOffPromo, promoRule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'once', cooldownDays: 7 }, attributionDays: 3, exitOnGoal: true, weeklyCap: 3 });
    const offer = { type: 'discount_percent' as const, value: 20, code: 'CLOSED20' };
    const audience = allOf({ type: 'rfmSegment', op: 'in', segments: ['loyal', 'potentialLoyalist'] }, { type: 'consent', channel: 'email', states: ['yes'] });
    const start = b.trigger('audience', { type: 'audience', audience: { type: 'condition', condition: audience }, mode: 'once', at: audienceAt ?? DEFAULT_AUDIENCE_AT }, t('Loyal customers, once', 'Лояльные клиенты, один раз'));
    const split = b.split('holdout_split', [
      { id: 'campaign', label: t('Campaign', 'Кампания'), weight: 90, isHoldout: false },
      { id: 'holdout', label: t('Holdout', 'Контроль'), weight: 10, isHoldout: true },
    ]);
    const promo = b.email('closed_sale', {
      subject: t('A closed sale for our regulars: −20 %', 'Закрытая распродажа для постоянных покупателей: −20 %'),
      body: t(
        '{{firstName|Hello}}, you are among our regular customers, so you get in first: 20 % off the whole catalogue with the code {{offer.code}} for three days. The sale is not announced anywhere else.',
        '{{firstName|Здравствуйте}}, вы — наш постоянный покупатель, поэтому приглашаем первыми: −20 % на весь каталог по коду {{offer.code}} три дня. Больше эту распродажу нигде не объявляем.',
      ),
      offer,
    });
    const wait = b.waitFor('wait_2_days', events('order'), days(2), t('Ordered within 2 days?', 'Заказал за 2 дня?'));
    const reminder = b.message('last_day', {
      channel: 'push',
      subject: t('The closed sale ends tomorrow', 'Закрытая распродажа заканчивается завтра'),
      body: t('−20 % with code {{offer.code}} until tomorrow night.', '−20 % по коду {{offer.code}} до завтрашнего вечера.'),
      offer,
    });
    const bought = b.goal('bought', 'goal', t('Ordered', 'Заказал'));
    const notBought = b.goal('not_bought', 'exit', t('Did not order', 'Не заказал'));
    const holdout = b.goal('holdout_end', 'exit', t('Holdout: receives nothing', 'Контроль: ничего не получает'));
    b.path(start, split);
    b.link(split, 'campaign', promo).link(split, 'holdout', holdout);
    b.path(promo, wait);
    b.onEvent(wait, bought, reminder);
    b.path(reminder, notBought);
    return b.build();
  },
};
