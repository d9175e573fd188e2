import { allOf, anyOf, compare, events } from '../../conditions/build';
import type { ConditionGroup } from '../../conditions/types';
import type { InactionListId, InactionSettings } from '../../journey/inaction';
import { isStageRule, stageOfItem, type StageMapping } from '../../journey/stageMapping';
import type { LocalizedText, TextLanguage } from '../../text';
import { isLocalDateTime } from '../localTime';
import type { Chain } from '../types';
import { findTemplate } from './registry';

/**
 * "Make a chain for these" from an inaction list (journey stages screen): the matching template,
 * entered once by everyone the list holds at `at` — an audience trigger whose condition is the
 * list's definition in the condition language. Where the condition language cannot say exactly
 * what the list computes, `approximations` says how it differs (shown to the user).
 */
export const INACTION_TEMPLATES: Record<InactionListId, string> = {
  considered_not_bought: 'abandoned-cart',
  subscribed_no_order: 'welcome-series',
  one_order_no_repeat: 'post-purchase-cross-sell',
};

const LIST_NAMES: Record<InactionListId, LocalizedText> = {
  considered_not_bought: { en: 'Considered, did not buy', ru: 'Выбирали, но не купили' },
  subscribed_no_order: { en: 'Subscribed, no order', ru: 'Подписались, но не заказали' },
  one_order_no_repeat: { en: 'One order, no second', ru: 'Один заказ, второго нет' },
};

export interface InactionChainOptions {
  language: TextLanguage;
  settings: InactionSettings;
  stageMapping: StageMapping;
  /** when the one-off entry happens: local 'YYYY-MM-DDTHH:mm' (the list's as-of day) */
  at: string;
  chainId?: string;
}

export type InactionCondition = { ok: true; condition: ConditionGroup; approximations: LocalizedText[] } | { ok: false; message: LocalizedText };

export type InactionChain = { ok: true; chain: Chain; templateId: string; approximations: LocalizedText[] } | { ok: false; message: LocalizedText };

const NO_ORDER = { type: 'orderCount', compare: compare('eq', 0), days: null } as const;
const AT_TIME: LocalizedText = {
  en: 'Activity on the entry day before the entry time counts too (the list counts whole days before its date).',
  ru: 'Учитываются и действия в день входа до его времени (список считает целые дни до своей даты).',
};

/** The list's definition as a condition (rules of the stage mapping such as @first_event cannot be expressed and are left out, with a note). */
export function inactionCondition(list: InactionListId, settings: InactionSettings, mapping: StageMapping): InactionCondition {
  if (list === 'one_order_no_repeat') {
    return { ok: true, condition: allOf({ type: 'orderCount', compare: compare('eq', 1), days: null }, { type: 'daysSinceLastOrder', compare: compare('gte', settings.repeatAfterDays) }), approximations: [] };
  }
  if (list === 'considered_not_bought') {
    const items = Object.keys(mapping.assignments).filter((item) => stageOfItem(mapping, item) === 'consideration');
    const types = items.filter((item) => !isStageRule(item));
    if (!types.length) {
      return { ok: false, message: { en: 'The stage mapping assigns no event types to Consideration: there is nothing to look for.', ru: 'В этапах пути клиента у этапа «Выбор» нет событий: искать нечего.' } };
    }
    const approximations = [AT_TIME];
    if (types.length < items.length) approximations.push({ en: 'Rules assigned to Consideration (such as @first_event) are left out: only its event types count.', ru: 'Правила этапа «Выбор» (например, @first_event) не учтены: считаются только его события.' });
    return { ok: true, condition: allOf({ type: 'eventCount', event: events(types), op: 'atLeast', count: 1, days: settings.considerationDays }, NO_ORDER), approximations };
  }
  const subscribed = anyOf({ type: 'eventCount', event: events('subscribe'), op: 'atLeast', count: 1, days: null }, { type: 'consent', channel: 'email', states: ['yes'] });
  const never = { type: 'eventCount', event: events('unsubscribe'), op: 'atMost', count: 0, days: null } as const;
  const items = [never, subscribed, NO_ORDER];
  const approximations: LocalizedText[] = [
    { en: 'Customers who unsubscribed and subscribed again are left out (the list goes by the latest of the two).', ru: 'Отписавшиеся и подписавшиеся снова не войдут (список смотрит на последнее из двух действий).' },
  ];
  if (settings.subscribedMinDays > 0) {
    approximations.push({ en: `"Subscribed at least ${settings.subscribedMinDays} days ago" becomes "no subscribe event in the last ${settings.subscribedMinDays} days".`, ru: `«Подписан не меньше ${settings.subscribedMinDays} дн. назад» заменено на «не было подписки за последние ${settings.subscribedMinDays} дн.».` });
    return { ok: true, condition: allOf(...items, { type: 'eventCount', event: events('subscribe'), op: 'atMost', count: 0, days: settings.subscribedMinDays }), approximations };
  }
  return { ok: true, condition: allOf(...items), approximations };
}

export function chainForInaction(list: InactionListId, options: InactionChainOptions): InactionChain {
  if (!isLocalDateTime(options.at)) return { ok: false, message: { en: `"${options.at}" is not a local date and time (YYYY-MM-DDTHH:mm).`, ru: `«${options.at}» — не местные дата и время (ГГГГ-ММ-ДДTчч:мм).` } };
  const found = inactionCondition(list, options.settings, options.stageMapping);
  if (!found.ok) return found;
  const templateId = INACTION_TEMPLATES[list];
  const template = findTemplate(templateId)!;
  const chain = template.build({ language: options.language, chainId: options.chainId ?? `${templateId}-${list}` });
  const listName = LIST_NAMES[list][options.language];
  const intro = options.language === 'ru'
    ? `Сделана из списка бездействия «${listName}»: клиенты из списка на ${options.at.replace('T', ' ')} входят один раз.`
    : `Made from the inaction list "${listName}": the customers in it on ${options.at.replace('T', ' ')} enter once.`;
  return {
    ok: true,
    templateId,
    approximations: found.approximations,
    chain: {
      ...chain,
      name: `${chain.name} — ${listName}`,
      description: `${intro}\n\n${chain.description}`,
      nodes: chain.nodes.map((node) =>
        node.kind === 'trigger'
          ? { ...node, label: listName, trigger: { type: 'audience', audience: { type: 'condition', condition: found.condition }, mode: 'once', at: options.at } }
          : node,
      ),
    },
  };
}
