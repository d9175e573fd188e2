import { allOf, events } from '../../conditions/build';
import { days } from '../localTime';
import { ChainBuilder, t } from './builder';
import type { ChainTemplate } from './types';

/**
 * Welcome series: four letters from the moment a contact is left. Textbook 002 §3.3 ("Сразу
 * запускайте welcome-цепочку — «молчащая» база устаревает за считаные дни"), §3.8 ("регистрация
 * без действия → welcome-цепочка"); 004: Miele's welcome chain of four letters — the first about
 * the brand as a whole, the others introducing the key categories.
 */
const name = t('Welcome series', 'Приветственная цепочка');
const rule = t(
  'Textbook (CRM GYM 002, §3.3 and §3.8): start the welcome chain at once — a silent base goes stale in days. Four letters, as in the Miele example (004): who we are and a first-order gift, then bestsellers, then help choosing; the fourth depends on whether they have bought.',
  'Учебник (CRM GYM 002, §3.3 и §3.8): запускайте welcome-цепочку сразу — «молчащая» база устаревает за считаные дни. Четыре письма, как в примере Miele (004): кто мы и подарок на первый заказ, затем хиты, затем помощь с выбором; четвёртое — в зависимости от того, купил ли клиент.',
);

const welcomeOffer = { type: 'discount_percent' as const, value: 10, code: 'WELCOME10' };

export const welcomeSeries: ChainTemplate = {
  id: 'welcome-series',
  name,
  summary: t('Four letters after sign-up: welcome gift, bestsellers, a buying guide, a last nudge.', 'Четыре письма после подписки: подарок, хиты, помощь с выбором, последнее напоминание.'),
  stage: 'awareness',
  build({ language, chainId }) {
    const b = ChainBuilder.forTemplate(welcomeSeries, rule, { language, chainId });
    b.orderGoal({ reEntry: { mode: 'once' }, attributionDays: 3, exitOnGoal: false, weeklyCap: 3 });
    const start = b.trigger('signed_up', { type: 'event', event: events(['subscribe', 'registration']) }, t('Subscribed or registered', 'Подписался или зарегистрировался'));
    const first = b.email('welcome', {
      subject: t('{{firstName|Hello}}, welcome! A gift for your first order inside', '{{firstName|Здравствуйте}}, добро пожаловать! Внутри подарок на первый заказ'),
      body: t(
        'Thank you for subscribing. We sell clothes, shoes and home goods, and we are glad to meet you. Here is 10 % off your first order with the code {{offer.code}} — it works for 14 days. What our letters bring: new arrivals first, picks that match your taste and only the sales worth your time.',
        'Спасибо за подписку! Мы продаём одежду, обувь и товары для дома и рады знакомству. Дарим 10 % на первый заказ по промокоду {{offer.code}} — он действует 14 дней. Что будет в наших письмах: новинки раньше всех, подборки под ваш вкус и только те акции, на которые стоит тратить время.',
      ),
      offer: welcomeOffer,
    });
    const wait1 = b.delay('wait_2_days', days(2));
    const second = b.email('bestsellers', {
      subject: t('What our customers buy again and again', 'Что покупатели берут снова и снова'),
      body: t(
        'We picked the bestsellers of the season: the pieces people come back for and recommend to friends. Have a look — your welcome code {{offer.code}} still works.',
        'Собрали хиты сезона — вещи, за которыми возвращаются и которые советуют друзьям. Посмотрите подборку — ваш приветственный код {{offer.code}} ещё действует.',
      ),
      offer: welcomeOffer,
    });
    const wait2 = b.delay('wait_3_days', days(3));
    const third = b.email('guide', {
      subject: t('How to choose the right size the first time', 'Как выбрать размер с первого раза'),
      body: t(
        'A short guide: how to measure yourself, how our sizes run and what to do if something does not fit — returns are free within 30 days. Questions? Just reply to this letter.',
        'Короткая памятка: как снять мерки, как сидят наши размеры и что делать, если вещь не подошла, — возврат бесплатный в течение 30 дней. Есть вопросы? Просто ответьте на это письмо.',
      ),
    });
    const wait3 = b.delay('wait_4_days', days(4));
    const bought = b.filter('bought', allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }), t('Bought already?', 'Уже купил?'));
    const thanks = b.email('thanks', {
      subject: t('Thank you for your first order!', 'Спасибо за первый заказ!'),
      body: t(
        '{{firstName|Hello}}, thank you for choosing us. Tell us how you like your purchase — it takes one minute and helps us pick what to show you next.',
        '{{firstName|Здравствуйте}}, спасибо, что выбрали нас. Расскажите, как вам покупка, — это займёт минуту и поможет нам подобрать то, что показать вам дальше.',
      ),
    });
    const lastCall = b.email('code_expires', {
      subject: t('Your 10 % expires in 3 days', 'Ваши 10 % сгорят через 3 дня'),
      body: t(
        'The welcome code {{offer.code}} is valid for three more days. If you have been eyeing something, now is the time.',
        'Приветственный код {{offer.code}} действует ещё три дня. Если что-то приглянулось — самое время.',
      ),
      offer: welcomeOffer,
    });
    const customer = b.goal('first_order', 'goal', t('First order', 'Первый заказ'));
    const done = b.goal('series_done', 'exit', t('Series finished', 'Цепочка пройдена'));
    b.path(start, first, wait1, second, wait2, third, wait3, bought);
    b.yesNo(bought, thanks, lastCall);
    b.path(thanks, customer);
    b.path(lastCall, done);
    return b.build();
  },
};
