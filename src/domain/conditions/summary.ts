import { countText, formatNumber, type LocalizedText, type TextLanguage } from '../text';
import { DEFAULT_NAMES, type NameResolver } from './names';
import type { ConsentChannel } from '../model';
import type { Condition, EventCondition, EventMatch, FieldOp, LeafCondition, NumberTest } from './types';

/** Plain-words summaries of conditions in both languages ("did cart_add in the last 7 days"). */

type Phrase = (language: TextLanguage) => string;

function both(phrase: Phrase): LocalizedText {
  return { en: phrase('en'), ru: phrase('ru') };
}

const AND = { en: ' and ', ru: ' и ' };
const OR = { en: ' or ', ru: ' или ' };

function quoted(value: string, language: TextLanguage): string {
  return language === 'ru' ? `«${value}»` : `"${value}"`;
}

function list(values: readonly string[], joiner: LocalizedText, language: TextLanguage): string {
  return values.join(joiner[language]);
}

export function summarizeNumberTest(test: NumberTest, language: TextLanguage): string {
  const value = formatNumber(test.value)[language];
  switch (test.op) {
    case 'gte':
      return `≥ ${value}`;
    case 'gt':
      return `> ${value}`;
    case 'lte':
      return `≤ ${value}`;
    case 'lt':
      return `< ${value}`;
    case 'eq':
      return `= ${value}`;
    case 'neq':
      return `≠ ${value}`;
    case 'between': {
      const to = formatNumber(test.to ?? test.value)[language];
      return language === 'ru' ? `от ${value} до ${to}` : `between ${value} and ${to}`;
    }
    default:
      return unreachableOp(test.op);
  }
}

function unreachableOp(op: never): never {
  throw new Error(`unknown operator ${String(op)}`);
}

/** "is "Moscow" or "Kazan"", "is empty", "> 5". */
export function summarizeFieldTest(op: FieldOp, values: readonly string[], language: TextLanguage): string {
  const items = values.map((value) => quoted(value, language));
  const ru = language === 'ru';
  switch (op) {
    case 'eq':
      return ru ? `— ${list(items, OR, language)}` : `is ${list(items, OR, language)}`;
    case 'neq':
      if (items.length <= 1) return ru ? `— не ${items[0] ?? ''}` : `is not ${items[0] ?? ''}`;
      return ru ? `— ни одно из: ${items.join(', ')}` : `is none of ${items.join(', ')}`;
    case 'contains':
      return ru ? `содержит ${list(items, OR, language)}` : `contains ${list(items, OR, language)}`;
    case 'notContains':
      return ru ? `не содержит ${list(items, OR, language)}` : `does not contain ${list(items, OR, language)}`;
    case 'startsWith':
      return ru ? `начинается с ${list(items, OR, language)}` : `starts with ${list(items, OR, language)}`;
    case 'isSet':
      return ru ? 'заполнено' : 'is filled';
    case 'isNotSet':
      return ru ? 'не заполнено' : 'is empty';
    case 'gt':
      return `> ${items[0] ?? ''}`;
    case 'gte':
      return `≥ ${items[0] ?? ''}`;
    case 'lt':
      return `< ${items[0] ?? ''}`;
    case 'lte':
      return `≤ ${items[0] ?? ''}`;
    default:
      return unreachableOp(op);
  }
}

function eventConditionText(condition: EventCondition, language: TextLanguage): string {
  if (condition.type === 'amount') return `${language === 'ru' ? 'сумма' : 'amount'} ${summarizeNumberTest(condition.compare, language)}`;
  return `${condition.key} ${summarizeFieldTest(condition.op, condition.values, language)}`;
}

function eventMatchText(match: EventMatch, names: NameResolver, language: TextLanguage): string {
  const types = match.types.length ? list(match.types.map((type) => names.eventType(type, language)), OR, language) : language === 'ru' ? 'любое событие' : 'any event';
  if (!match.where.length) return types;
  const where = list(match.where.map((condition) => eventConditionText(condition, language)), AND, language);
  return `${types} (${where})`;
}

/** "cart_add or cart_view (amount ≥ 1000)". */
export function summarizeEventMatch(match: EventMatch, names: NameResolver = DEFAULT_NAMES): LocalizedText {
  return both((language) => eventMatchText(match, names, language));
}

function periodText(days: number | null, language: TextLanguage): string {
  if (days === null) return language === 'ru' ? 'за всё время' : 'ever';
  const span = countText(days, ['day', 'days'], ['день', 'дня', 'дней'])[language];
  return language === 'ru' ? `за последние ${span}` : `in the last ${span}`;
}

/** `ruMissing`: the Russian genitive after «нет». */
const CONTACT_NAMES: Record<ConsentChannel, LocalizedText & { ruMissing: string }> = {
  email: { en: 'email address', ru: 'email', ruMissing: 'email' },
  sms: { en: 'phone number', ru: 'телефон', ruMissing: 'телефона' },
  whatsapp: { en: 'phone number (WhatsApp)', ru: 'телефон (WhatsApp)', ruMissing: 'телефона (WhatsApp)' },
  push: { en: 'push token', ru: 'push-токен', ruMissing: 'push-токена' },
  telegram: { en: 'Telegram id', ru: 'Telegram ID', ruMissing: 'Telegram ID' },
};

const CONSENT_STATE_NAMES = { yes: { en: 'yes', ru: 'да' }, no: { en: 'no', ru: 'нет' }, unknown: { en: 'unknown', ru: 'неизвестно' } };

function eventCountText(condition: Extract<LeafCondition, { type: 'eventCount' }>, names: NameResolver, language: TextLanguage): string {
  const event = eventMatchText(condition.event, names, language);
  const period = periodText(condition.days, language);
  const ru = language === 'ru';
  if (condition.op === 'atLeast' && condition.count <= 1) return ru ? `было событие ${event} ${period}` : `did ${event} ${period}`;
  if (condition.op === 'atMost' && condition.count === 0) return ru ? `не было события ${event} ${period}` : `did not do ${event} ${period}`;
  const times = countText(condition.count, ['time', 'times'], ['раза', 'раз', 'раз'])[language];
  if (ru) return `событие ${event} — ${condition.op === 'atLeast' ? 'не менее' : 'не более'} ${times} ${period}`;
  return `did ${event} ${condition.op === 'atLeast' ? 'at least' : 'at most'} ${times} ${period}`;
}

function setText(op: 'in' | 'notIn', names: readonly string[], language: TextLanguage): string {
  if (op === 'in') return language === 'ru' ? `— ${list(names, OR, language)}` : `is ${list(names, OR, language)}`;
  if (language === 'ru') return `— не ${names.join(' и не ')}`;
  return names.length <= 1 ? `is not ${names[0] ?? ''}` : `is none of ${names.join(', ')}`;
}

function leafText(condition: LeafCondition, names: NameResolver, language: TextLanguage): string {
  const ru = language === 'ru';
  switch (condition.type) {
    case 'field':
      return `${names.field(condition.field, language)} ${summarizeFieldTest(condition.op, condition.values, language)}`;
    case 'consent': {
      const states = list(condition.states.map((state) => CONSENT_STATE_NAMES[state][language]), OR, language);
      return ru ? `согласие на ${condition.channel}: ${states}` : `${condition.channel} consent: ${states}`;
    }
    case 'contact': {
      const contactNames = CONTACT_NAMES[condition.channel];
      const contact = contactNames[language];
      if (ru) return condition.isPresent ? `есть ${contactNames.ru}` : `нет ${contactNames.ruMissing}`;
      if (!condition.isPresent) return `has no ${contact}`;
      return `has ${/^[aeiou]/i.test(contact) ? 'an' : 'a'} ${contact}`;
    }
    case 'rfmSegment':
      return `${ru ? 'RFM-сегмент' : 'RFM segment'} ${setText(condition.op, condition.segments.map((id) => names.segment(id, language)), language)}`;
    case 'rfmScore':
      return `${ru ? `оценка ${condition.score.toUpperCase()}` : `${condition.score.toUpperCase()} score`} ${summarizeNumberTest(condition.compare, language)}`;
    case 'lifecycle':
      return `${ru ? 'статус жизненного цикла' : 'lifecycle status'} ${setText(condition.op, condition.statuses.map((status) => names.lifecycle(status, language)), language)}`;
    case 'stage':
      return `${ru ? 'этап пути клиента' : 'journey stage'} ${setText(condition.op, condition.stages.map((stage) => names.stage(stage, language)), language)}`;
    case 'eventCount':
      return eventCountText(condition, names, language);
    case 'eventSinceEntry': {
      const event = eventMatchText(condition.event, names, language);
      if (ru) return `${condition.happened ? 'было событие' : 'не было события'} ${event} после входа в цепочку`;
      return `${condition.happened ? 'did' : 'has not done'} ${event} since entering the chain`;
    }
    case 'totalSpend':
      return `${ru ? 'сумма покупок' : 'total spend'} ${periodText(condition.days, language)} ${summarizeNumberTest(condition.compare, language)}`;
    case 'orderCount':
      return `${ru ? 'число заказов' : 'orders'} ${periodText(condition.days, language)} ${summarizeNumberTest(condition.compare, language)}`;
    case 'daysSinceLastOrder':
      return `${ru ? 'дней с последнего заказа' : 'days since the last order'} ${summarizeNumberTest(condition.compare, language)}`;
    case 'categorySpend': {
      const categories = list(condition.values.map((value) => quoted(value, language)), OR, language);
      return `${ru ? `сумма покупок в категории ${categories}` : `spend in ${categories}`} ${periodText(condition.days, language)} ${summarizeNumberTest(condition.compare, language)}`;
    }
    case 'daysSinceLastEvent': {
      const event = eventMatchText(condition.event, names, language);
      return `${ru ? `дней с последнего события ${event}` : `days since the last ${event}`} ${summarizeNumberTest(condition.compare, language)}`;
    }
    case 'audience': {
      const audience = quoted(names.audience?.(condition.audienceId, language) ?? condition.name, language);
      if (ru) return condition.op === 'in' ? `в аудитории ${audience}` : `не в аудитории ${audience}`;
      return condition.op === 'in' ? `in the audience ${audience}` : `not in the audience ${audience}`;
    }
    default:
      return unreachableOp(condition);
  }
}

function conditionText(condition: Condition, names: NameResolver, language: TextLanguage, isNested: boolean): string {
  if (condition.type !== 'group') return leafText(condition, names, language);
  if (!condition.items.length) return language === 'ru' ? 'условия не заданы' : 'no conditions yet';
  const joiner = condition.op === 'and' ? AND : OR;
  const text = condition.items.map((item) => conditionText(item, names, language, true)).join(joiner[language]);
  return isNested && condition.items.length > 1 ? `(${text})` : text;
}

/** One line in both languages; nested groups in parentheses. */
export function summarizeCondition(condition: Condition, names: NameResolver = DEFAULT_NAMES): LocalizedText {
  return both((language) => conditionText(condition, names, language, false));
}
