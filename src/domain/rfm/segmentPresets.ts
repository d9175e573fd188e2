import type { SegmentDefinition, SegmentRule } from './segmentTypes';

/**
 * The two preset segment maps at 5 levels (rfm-cjm.md "Segment maps"), with names and strategy
 * notes in English and Russian. Strategy notes follow the textbook's advice (VIP club for the
 * best, cross-sell for active loyal buyers, a service or subscription for one-off big spenders,
 * a reactivation bonus and personal promo code for sleeping loyalists, and dropping the hopeless
 * from mailings to protect deliverability).
 */
export type PresetLanguage = 'en' | 'ru';
export const SEGMENT_MAP_PRESETS = ['grid', 'rfm-package'] as const;
export type SegmentMapPreset = (typeof SEGMENT_MAP_PRESETS)[number];

interface PresetText {
  en: string;
  ru: string;
}

interface SegmentPreset {
  id: string;
  color: string;
  /** Names differ between the maps (the R package's are fixed, e.g. "Loyal Customers"). */
  name: Record<SegmentMapPreset, PresetText>;
  strategy: PresetText;
  /** When the R package map means something else by the same name. */
  packageStrategy?: PresetText;
}

const SEGMENTS: Record<string, SegmentPreset> = {
  champions: {
    id: 'champions',
    color: '#1e8449',
    name: { grid: { en: 'Champions', ru: 'Чемпионы' }, 'rfm-package': { en: 'Champions', ru: 'Чемпионы' } },
    strategy: {
      en: 'VIP treatment: exclusive terms and an invitation to a closed club, a personal manager or chat-bot instead of mass mailings, early access to sales. No discounts needed.',
      ru: 'VIP-обслуживание: эксклюзивные условия и приглашение в закрытый клуб, личный менеджер или чат-бот вместо массовых рассылок, ранний доступ к распродажам. Скидки не нужны.',
    },
  },
  loyal: {
    id: 'loyal',
    color: '#52be80',
    name: { grid: { en: 'Loyal', ru: 'Лояльные' }, 'rfm-package': { en: 'Loyal Customers', ru: 'Лояльные клиенты' } },
    strategy: {
      en: 'Active loyal buyers: remind them of related products (cross-sell), give loyalty-programme privileges and access to closed sales; ask for reviews and referrals.',
      ru: 'Активные лояльные: напоминайте о сопутствующих товарах (кросс-селл), дайте привилегии программы лояльности и доступ к закрытым распродажам; просите отзывы и рекомендации.',
    },
  },
  potentialLoyalist: {
    id: 'potentialLoyalist',
    color: '#45b39d',
    name: { grid: { en: 'Potential loyalist', ru: 'Потенциально лояльные' }, 'rfm-package': { en: 'Potential Loyalist', ru: 'Потенциально лояльные' } },
    strategy: {
      en: 'Recent buyers of middling value: invite them into the loyalty programme, send personal recommendations and a reason for the next order.',
      ru: 'Недавние покупатели со средним чеком: пригласите в программу лояльности, присылайте персональные рекомендации и повод для следующего заказа.',
    },
  },
  new: {
    id: 'new',
    color: '#5dade2',
    name: { grid: { en: 'New', ru: 'Новые' }, 'rfm-package': { en: 'New Customers', ru: 'Новые клиенты' } },
    strategy: {
      en: 'Just made a first purchase: a welcome chain, help with the product, and a reason to come back for the second order.',
      ru: 'Только что сделали первую покупку: приветственная цепочка, помощь с товаром и повод вернуться за вторым заказом.',
    },
  },
  promising: {
    id: 'promising',
    color: '#85c1e9',
    name: { grid: { en: 'Promising', ru: 'Перспективные' }, 'rfm-package': { en: 'Promising', ru: 'Перспективные' } },
    strategy: {
      en: 'Started buying recently, for small amounts: cross-sell and a bonus that raises the order value.',
      ru: 'Недавно начали покупать на небольшие суммы: кросс-селл и бонус, повышающий чек.',
    },
    packageStrategy: {
      en: 'Few but large, fairly recent orders — one-off big spenders: offer a service, an extended warranty or a subscription.',
      ru: 'Редкие, но крупные и довольно недавние заказы — крупные разовые клиенты: предложите сервис, расширенную гарантию или подписку.',
    },
  },
  needAttention: {
    id: 'needAttention',
    color: '#f4d03f',
    name: { grid: { en: 'Need attention', ru: 'Требуют внимания' }, 'rfm-package': { en: 'Need Attention', ru: 'Требуют внимания' } },
    strategy: {
      en: 'Average on every measure and cooling down: a personal, time-limited offer based on what they bought, before they fall asleep.',
      ru: 'Средние по всем показателям и остывают: персональное предложение с ограниченным сроком по их прошлым покупкам, пока они не уснули.',
    },
  },
  aboutToSleep: {
    id: 'aboutToSleep',
    color: '#f5b041',
    name: { grid: { en: 'About to sleep', ru: 'Засыпающие' }, 'rfm-package': { en: 'About To Sleep', ru: 'Засыпающие' } },
    strategy: {
      en: 'Bought rarely and some time ago: a useful reminder with popular products and a small incentive; do not flood them.',
      ru: 'Покупали редко и давно: полезное напоминание с популярными товарами и небольшой стимул; не засыпайте их рассылками.',
    },
  },
  atRisk: {
    id: 'atRisk',
    color: '#e67e22',
    name: { grid: { en: 'At risk', ru: 'В зоне риска' }, 'rfm-package': { en: 'At Risk', ru: 'В зоне риска' } },
    strategy: {
      en: 'Spent a lot, but long ago — "sleeping" loyalists: a reactivation campaign with a bonus, an email chain with a personal promo code.',
      ru: 'Тратили много, но давно — «спящие» лоялисты: реактивационная кампания с бонусом, email-цепочка с персональным промокодом.',
    },
  },
  cantLose: {
    id: 'cantLose',
    color: '#c0392b',
    name: { grid: { en: "Can't lose them", ru: 'Нельзя потерять' }, 'rfm-package': { en: "Can't Lose Them", ru: 'Нельзя потерять' } },
    strategy: {
      en: 'Your best customers have gone quiet: a personal letter or call, a strong win-back offer, ask what went wrong.',
      ru: 'Лучшие клиенты затихли: личное письмо или звонок, сильное предложение для возврата, спросите, что пошло не так.',
    },
  },
  hibernating: {
    id: 'hibernating',
    color: '#a569bd',
    name: { grid: { en: 'Hibernating', ru: 'Спящие' }, 'rfm-package': { en: 'Hibernating', ru: 'Спящие' } },
    strategy: {
      en: 'Long asleep, little spent: a short email chain with a personal promo code; stop if there is no reaction.',
      ru: 'Давно спят и тратили мало: короткая email-цепочка с персональным промокодом; без реакции — остановитесь.',
    },
  },
  lost: {
    id: 'lost',
    color: '#7f8c8d',
    name: { grid: { en: 'Lost', ru: 'Потерянные' }, 'rfm-package': { en: 'Lost', ru: 'Потерянные' } },
    strategy: {
      en: 'Worst scores: one last reactivation attempt; if they stay silent, remove them from mailings so they do not hurt deliverability.',
      ru: 'Худшие показатели: последняя попытка реактивации; если молчат — уберите из рассылок, чтобы не портить доставляемость.',
    },
  },
};

function range(from: number, to = from): { from: number; to: number } {
  return { from, to };
}

function cells(...pairs: [number, number, number?][]): SegmentRule[] {
  return pairs.map(([r, fmFrom, fmTo]) => ({ r: range(r), fm: range(fmFrom, fmTo ?? fmFrom) }));
}

/** R × FM grid, FM = ceil((F + M) / 2): every one of the 25 cells belongs to one segment. */
const GRID_RULES: [string, SegmentRule[]][] = [
  ['champions', cells([5, 4, 5], [4, 5])],
  ['loyal', cells([5, 3], [4, 4], [3, 4, 5])],
  ['potentialLoyalist', cells([5, 2], [4, 2, 3], [3, 3])],
  ['new', cells([5, 1])],
  ['promising', cells([4, 1], [3, 1])],
  ['needAttention', cells([3, 2], [2, 2, 3])],
  ['aboutToSleep', cells([2, 1])],
  ['atRisk', cells([2, 4, 5], [1, 3])],
  ['cantLose', cells([1, 4, 5])],
  ['hibernating', cells([1, 2])],
  ['lost', cells([1, 1])],
];

function rfm(r: [number, number], f: [number, number], m: [number, number]): SegmentRule[] {
  return [{ r: range(...r), f: range(...f), m: range(...m) }];
}

/** The R package's map, in its order (the first matching row wins). */
const RFM_PACKAGE_RULES: [string, SegmentRule[]][] = [
  ['champions', rfm([5, 5], [5, 5], [5, 5])],
  ['potentialLoyalist', rfm([3, 5], [3, 5], [2, 5])],
  ['loyal', rfm([2, 4], [2, 4], [2, 4])],
  ['promising', rfm([3, 4], [1, 3], [3, 5])],
  ['new', rfm([4, 5], [1, 3], [1, 5])],
  ['cantLose', rfm([1, 2], [3, 4], [4, 5])],
  ['atRisk', rfm([1, 2], [2, 5], [4, 5])],
  ['needAttention', rfm([1, 3], [3, 5], [3, 5])],
  ['aboutToSleep', rfm([2, 3], [1, 3], [1, 4])],
  ['lost', rfm([1, 1], [1, 5], [1, 5])],
];

/** A preset's segments at 5 levels in one language. */
export function presetSegments(preset: SegmentMapPreset, language: PresetLanguage): SegmentDefinition[] {
  const rules = preset === 'grid' ? GRID_RULES : RFM_PACKAGE_RULES;
  return rules.map(([id, segmentRules]) => {
    const segment = SEGMENTS[id]!;
    return {
      id,
      name: segment.name[preset][language],
      color: segment.color,
      strategy: ((preset === 'rfm-package' && segment.packageStrategy) || segment.strategy)[language],
      rules: segmentRules.map((rule) => ({ ...rule })),
    };
  });
}

export const OTHERS_COLOR = '#bdc3c7';
export const NO_PURCHASES_COLOR = '#e5e7e9';
export const OTHERS_NAME: PresetText = { en: 'Others', ru: 'Прочие' };
export const NO_PURCHASES_NAME: PresetText = { en: 'No purchases', ru: 'Нет покупок' };
