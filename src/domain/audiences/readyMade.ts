import { allOf, compare, events } from '../conditions/build';
import type { ConditionGroup } from '../conditions/types';
import type { WorkspaceVocabulary } from '../conditions/vocabulary';
import type { LocalizedText } from '../text';

/**
 * The textbook's ready-made audiences (seed 002 §4.2–4.3, issue 15), each explained in a
 * sentence. Choosing one creates an ordinary saved audience: its condition is written in the one
 * condition language with the workspace's own names (the event types and categories its data
 * has), and the marketer edits it like any other — nothing stays linked to the template.
 *
 * Decisions where the textbook is loose (also in the note):
 * - "one-time buyers after 30 days": exactly one order ever, the last one 30+ days ago;
 * - "cart abandoners of the last 7 days": a cart_add in the last 7 days and no order in them;
 * - "email-silent but app-active": consents to email, no email_open in 90 days, an app event
 *   (app_open, else the most frequent app-like type) in the last 30 days;
 * - "category buyers for cross-sell": spent in the data's most frequent category in the last
 *   365 days and never in the second one (the cross-sell target), both editable;
 * - "loyal at risk": F ≥ 4 and R ≤ 2 on ChainLab's internal scores (higher = better), which
 *   does not depend on the segment map's ids;
 * - "birthday this month": birthDate in the month of the as-of day (the end of the data by
 *   default) — written as that month, so it is a plain editable field condition; next month the
 *   marketer changes the month (a chain's yearly birthday trigger is the recurring tool).
 */
export const READY_MADE_AUDIENCE_IDS = ['oneTimeBuyers', 'cartAbandoners', 'emailSilentAppActive', 'categoryCrossSell', 'loyalAtRisk', 'subscribersNeverBought', 'birthdayThisMonth'] as const;
export type ReadyMadeAudienceId = (typeof READY_MADE_AUDIENCE_IDS)[number];

/** What the templates take from the workspace: its names and the as-of month. */
export interface ReadyMadeContext {
  /** event types of the data, most frequent first */
  eventTypes: readonly string[];
  /** the order prop holding the category and its values, most frequent first (none: no categories in the data) */
  category: { key: string; values: readonly string[] } | null;
  /** 1…12, the month of the as-of day */
  month: number;
}

export interface ReadyMadeAudience {
  id: ReadyMadeAudienceId;
  name: LocalizedText;
  description: LocalizedText;
  condition: ConditionGroup;
}

const APP_EVENT_TYPES = ['app_open', 'app_launch', 'app_session', 'session_start', 'push_open'];

function appEventType(eventTypes: readonly string[]): string {
  return APP_EVENT_TYPES.find((type) => eventTypes.includes(type)) ?? eventTypes.find((type) => /^app_/.test(type)) ?? 'app_open';
}

/** The workspace's names for the templates: event types by frequency, the category prop (`category`, else a prop named like one) and the month of `asOf` ('YYYY-MM-DD'). */
export function readyMadeContext(vocabulary: Pick<WorkspaceVocabulary, 'eventTypes' | 'eventProps'>, asOf: string | null): ReadyMadeContext {
  const prop = vocabulary.eventProps.find((item) => item.name === 'category') ?? vocabulary.eventProps.find((item) => /categ|катег/i.test(item.name));
  const month = asOf ? Number(asOf.slice(5, 7)) : Number.NaN;
  return {
    eventTypes: vocabulary.eventTypes.map((type) => type.name),
    category: prop ? { key: prop.name, values: prop.values.map((value) => value.value) } : null,
    month: month >= 1 && month <= 12 ? month : 1,
  };
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'],
};

function crossSell(context: ReadyMadeContext): Pick<ReadyMadeAudience, 'name' | 'description' | 'condition'> {
  const key = context.category?.key ?? 'category';
  const [bought = '', target = ''] = context.category?.values ?? [];
  const spent = { type: 'categorySpend', key, values: bought ? [bought] : [], compare: compare('gt', 0), days: 365 } as const;
  const never = { type: 'categorySpend', key, values: target ? [target] : [], compare: compare('lte', 0), days: null } as const;
  return {
    name: { en: bought ? `Bought ${bought}, not ${target || '…'}` : 'Category buyers for cross-sell', ru: bought ? `Купили ${bought}, не ${target || '…'}` : 'Покупатели категории для кросс-селла' },
    description: {
      en: 'Bought in one category this year but never in a related one: offer the second category (cross-sell). Choose the two categories.',
      ru: 'Покупали в одной категории за год, но ни разу в смежной: предложите вторую категорию (кросс-селл). Выберите две категории.',
    },
    condition: target ? allOf(spent, never) : allOf(spent),
  };
}

/** Every ready-made audience, with the workspace's names. */
export function readyMadeAudiences(context: ReadyMadeContext): ReadyMadeAudience[] {
  const month = String(context.month).padStart(2, '0');
  const app = appEventType(context.eventTypes);
  return [
    {
      id: 'oneTimeBuyers',
      name: { en: 'One-time buyers after 30 days', ru: 'Купили один раз, прошло 30 дней' },
      description: { en: 'Made exactly one order, 30 or more days ago: the moment to bring them to a second purchase.', ru: 'Сделали ровно один заказ, и с него прошло 30 дней или больше: время довести до второй покупки.' },
      condition: allOf({ type: 'orderCount', compare: compare('eq', 1), days: null }, { type: 'daysSinceLastOrder', compare: compare('gte', 30) }),
    },
    {
      id: 'cartAbandoners',
      name: { en: 'Cart abandoners, last 7 days', ru: 'Бросили корзину за 7 дней' },
      description: { en: 'Added to the cart in the last 7 days and ordered nothing in them: remind them of the cart.', ru: 'Добавляли в корзину за последние 7 дней и ничего не заказали: напомните о корзине.' },
      condition: allOf({ type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 1, days: 7 }, { type: 'orderCount', compare: compare('eq', 0), days: 7 }),
    },
    {
      id: 'emailSilentAppActive',
      name: { en: 'Email-silent, app-active', ru: 'Молчат в email, активны в приложении' },
      description: { en: 'Subscribed to email but opened none in 90 days, while they used the app in the last 30: move them to push.', ru: 'Подписаны на email, но не открыли ни одного письма за 90 дней, а приложением пользовались за последние 30: переведите их в пуш.' },
      condition: allOf({ type: 'consent', channel: 'email', states: ['yes'] }, { type: 'eventCount', event: events('email_open'), op: 'atMost', count: 0, days: 90 }, { type: 'eventCount', event: events(app), op: 'atLeast', count: 1, days: 30 }),
    },
    { id: 'categoryCrossSell', ...crossSell(context) },
    {
      id: 'loyalAtRisk',
      name: { en: 'Loyal customers at risk', ru: 'Лояльные под угрозой ухода' },
      description: { en: 'Bought often (F 4–5) but not lately (R 1–2): win them back before they are lost.', ru: 'Покупали часто (F 4–5), но давно (R 1–2): верните их, пока не ушли.' },
      condition: allOf({ type: 'rfmScore', score: 'f', compare: compare('gte', 4) }, { type: 'rfmScore', score: 'r', compare: compare('lte', 2) }),
    },
    {
      id: 'subscribersNeverBought',
      name: { en: 'Subscribers who never bought', ru: 'Подписчики без покупок' },
      description: { en: 'Consent to email and not a single order: a welcome offer for the first purchase.', ru: 'Есть согласие на email и ни одного заказа: приветственное предложение на первую покупку.' },
      condition: allOf({ type: 'consent', channel: 'email', states: ['yes'] }, { type: 'orderCount', compare: compare('eq', 0), days: null }),
    },
    {
      id: 'birthdayThisMonth',
      name: { en: `Birthday in ${MONTHS.en[context.month - 1]}`, ru: `День рождения в ${MONTHS.ru[context.month - 1]}` },
      description: { en: 'Their birthday falls in this month (of the as-of date): a birthday greeting with a gift. Change the month next month.', ru: 'День рождения в этом месяце (месяце даты «на дату»): поздравление с подарком. В следующем месяце поменяйте месяц.' },
      condition: allOf({ type: 'field', field: 'birthDate', op: 'contains', values: [`-${month}-`] }),
    },
  ];
}
