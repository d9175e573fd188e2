import { describe, expect, it } from 'vitest';
import { allOf, anyOf, between, compare, emptyGroup, events } from './build';
import { conditionReferences, leafConditions, mapConditionEventTypes } from './references';
import { conditionSchema, eventMatchSchema } from './schema';
import { summarizeCondition, summarizeEventMatch } from './summary';
import type { Condition, LeafCondition } from './types';
import { validateCondition } from './validate';

function say(condition: Condition): string {
  const text = summarizeCondition(condition);
  return `${text.en} | ${text.ru}`;
}

const cases: [LeafCondition, string][] = [
  [{ type: 'field', field: 'city', op: 'eq', values: ['Moscow', 'Kazan'] }, 'city is "Moscow" or "Kazan" | город — «Moscow» или «Kazan»'],
  [{ type: 'field', field: 'city', op: 'neq', values: ['Moscow'] }, 'city is not "Moscow" | город — не «Moscow»'],
  [{ type: 'field', field: 'attrs.loyalty_level', op: 'isSet', values: [] }, 'loyalty_level is filled | loyalty_level заполнено'],
  [{ type: 'field', field: 'birthDate', op: 'lt', values: ['2000-01-01'] }, 'birth date < "2000-01-01" | дата рождения < «2000-01-01»'],
  [{ type: 'consent', channel: 'email', states: ['yes', 'unknown'] }, 'email consent: yes or unknown | согласие на email: да или неизвестно'],
  [{ type: 'contact', channel: 'email', isPresent: true }, 'has an email address | есть email'],
  [{ type: 'contact', channel: 'sms', isPresent: false }, 'has no phone number | нет телефона'],
  [{ type: 'rfmSegment', op: 'in', segments: ['champions', 'loyal'] }, 'RFM segment is Champions or Loyal | RFM-сегмент — Чемпионы или Лояльные'],
  [{ type: 'rfmSegment', op: 'notIn', segments: ['lost', 'hibernating'] }, 'RFM segment is none of Lost, Hibernating | RFM-сегмент — не Потерянные и не Спящие'],
  [{ type: 'rfmScore', score: 'r', compare: compare('gte', 4) }, 'R score ≥ 4 | оценка R ≥ 4'],
  [{ type: 'lifecycle', op: 'in', statuses: ['at_risk'] }, 'lifecycle status is at_risk | статус жизненного цикла — at_risk'],
  [{ type: 'stage', op: 'notIn', stages: ['purchase'] }, 'journey stage is not purchase | этап пути клиента — не purchase'],
  [{ type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 1, days: 7 }, 'did cart_add in the last 7 days | было событие cart_add за последние 7 дней'],
  [{ type: 'eventCount', event: events('email_open'), op: 'atMost', count: 0, days: 30 }, 'did not do email_open in the last 30 days | не было события email_open за последние 30 дней'],
  [{ type: 'eventCount', event: events('order'), op: 'atLeast', count: 3, days: null }, 'did order at least 3 times ever | событие order — не менее 3 раз за всё время'],
  [{ type: 'eventSinceEntry', event: events('order'), happened: false }, 'has not done order since entering the chain | не было события order после входа в цепочку'],
  [{ type: 'totalSpend', compare: between(1000, 5000), days: 365 }, 'total spend in the last 365 days between 1,000 and 5,000 | сумма покупок за последние 365 дней от 1 000 до 5 000'],
  [{ type: 'orderCount', compare: compare('eq', 1), days: null }, 'orders ever = 1 | число заказов за всё время = 1'],
  [{ type: 'daysSinceLastOrder', compare: compare('gt', 60) }, 'days since the last order > 60 | дней с последнего заказа > 60'],
];

describe('condition summaries', () => {
  it.each(cases)('%j', (condition, expected) => {
    expect(say(condition)).toBe(expected);
    expect(conditionSchema.safeParse(condition).success).toBe(true);
  });

  it('joins groups with and / or, nested groups in parentheses', () => {
    const condition = allOf(cases[0]![0], anyOf(cases[12]![0], cases[13]![0]));
    expect(summarizeCondition(condition).en).toBe('city is "Moscow" or "Kazan" and (did cart_add in the last 7 days or did not do email_open in the last 30 days)');
    expect(summarizeCondition(emptyGroup()).ru).toBe('условия не заданы');
  });

  it('describes event matches with their conditions', () => {
    const match = events(['cart_add', 'cart_view'], [{ type: 'amount', compare: compare('gte', 1000) }, { type: 'prop', key: 'category', op: 'eq', values: ['shoes'] }]);
    expect(summarizeEventMatch(match).en).toBe('cart_add or cart_view (amount ≥ 1,000 and category is "shoes")');
    expect(summarizeEventMatch(events([])).ru).toBe('любое событие');
  });

  it('uses the names the app passes', () => {
    const names = { eventType: (type: string) => `«${type}»`, segment: (id: string) => id.toUpperCase(), stage: (id: string) => id, lifecycle: () => 'Под угрозой', field: (field: string) => field };
    expect(summarizeCondition({ type: 'lifecycle', op: 'in', statuses: ['at_risk'] }, names).ru).toBe('статус жизненного цикла — Под угрозой');
    expect(summarizeCondition({ type: 'rfmSegment', op: 'in', segments: ['vip'] }, names).en).toBe('RFM segment is VIP');
  });
});

describe('condition schema', () => {
  it('refuses shapes that are not conditions, with where and why', () => {
    const bad = [
      { type: 'field', field: 'city', op: 'like', values: [] },
      { type: 'orderCount', compare: { op: 'between', value: 1 }, days: null },
      { type: 'orderCount', compare: { op: 'gte', value: 1, to: 2 }, days: null },
      { type: 'eventCount', event: events('x'), op: 'atLeast', count: 1.5, days: 7 },
      { type: 'eventCount', event: events('x'), op: 'atLeast', count: 1, days: 0 },
      { type: 'group', op: 'xor', items: [] },
      { type: 'consent', channel: 'email', states: ['maybe'] },
      { type: 'field', field: 'city', op: 'isSet', values: ['x'] },
      { type: 'orderCount', compare: { op: 'gte', value: Number.NaN }, days: null },
      { type: 'lifecycle', op: 'in', statuses: ['dormant'] },
      { type: 'group', op: 'and', items: [{ type: 'nope' }] },
      { type: 'stage', op: 'in', stages: [], extra: true },
    ];
    for (const value of bad) expect(conditionSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
    expect(eventMatchSchema.safeParse({ types: ['a'], where: [{ type: 'prop', key: 'k', op: 'gt', values: ['1', '2'] }] }).success).toBe(false);
  });
});

describe('condition completeness', () => {
  const inChain = { isInChain: true };
  const codes = (condition: Condition, context = inChain) => validateCondition(condition, context).map((issue) => `${issue.code}@${issue.path}`);

  it('accepts complete conditions', () => {
    for (const [condition] of cases) expect(codes(allOf(condition))).toEqual([]);
  });

  it('reports what is missing, and where', () => {
    expect(codes(emptyGroup())).toEqual(['empty_group@']);
    expect(codes(allOf(cases[0]![0], anyOf()))).toEqual(['empty_group@items.1']);
    expect(codes(allOf({ type: 'field', field: '', op: 'eq', values: [] }))).toEqual(['no_field@items.0.field', 'no_value@items.0.values']);
    expect(codes(allOf({ type: 'field', field: 'loyalty', op: 'eq', values: ['gold'] }))).toEqual(['unknown_field@items.0.field']);
    expect(codes(allOf({ type: 'rfmSegment', op: 'in', segments: [] }))).toEqual(['no_choice@items.0.segments']);
    expect(codes(allOf({ type: 'consent', channel: 'sms', states: [] }))).toEqual(['no_choice@items.0.states']);
    expect(codes(allOf({ type: 'totalSpend', compare: between(500, 100), days: null }))).toEqual(['bad_range@items.0.compare.to']);
    expect(codes(allOf({ type: 'eventCount', event: events('x', [{ type: 'prop', key: '', op: 'eq', values: [] }]), op: 'atLeast', count: 1, days: 7 }))).toEqual([
      'no_prop_key@items.0.event.where.0.key',
      'no_value@items.0.event.where.0.values',
    ]);
    expect(codes(allOf(cases[15]![0]), { isInChain: false })).toEqual(['since_entry_outside_chain@items.0']);
    expect(codes(allOf(allOf(allOf(allOf(allOf(cases[0]![0]))))))).toEqual(['too_deep@items.0.items.0.items.0.items.0']);
  });
});

describe('condition references', () => {
  const condition = allOf(
    { type: 'field', field: 'attrs.tier', op: 'isSet', values: [] },
    anyOf({ type: 'eventCount', event: events(['cart_add', 'wishlist'], [{ type: 'prop', key: 'category', op: 'eq', values: ['a'] }]), op: 'atLeast', count: 1, days: 7 }),
    { type: 'rfmSegment', op: 'in', segments: ['champions'] },
    { type: 'stage', op: 'in', stages: ['consideration'] },
  );

  it('lists every name the workspace must have, with its path', () => {
    expect(conditionReferences(condition, 'condition')).toEqual([
      { kind: 'field', name: 'attrs.tier', path: 'condition.items.0.field' },
      { kind: 'eventType', name: 'cart_add', path: 'condition.items.1.items.0.event.types.0' },
      { kind: 'eventType', name: 'wishlist', path: 'condition.items.1.items.0.event.types.1' },
      { kind: 'eventProp', name: 'category', path: 'condition.items.1.items.0.event.where.0.key' },
      { kind: 'rfmSegment', name: 'champions', path: 'condition.items.2.segments.0' },
      { kind: 'stage', name: 'consideration', path: 'condition.items.3.stages.0' },
    ]);
    expect(leafConditions(condition)).toHaveLength(4);
  });

  it('renames event types in a copy, merging duplicates the rename creates', () => {
    const renamed = mapConditionEventTypes(condition, (type) => (type === 'wishlist' ? 'cart_add' : type));
    expect(conditionReferences(renamed).filter((reference) => reference.kind === 'eventType').map((reference) => reference.name)).toEqual(['cart_add']);
    expect(conditionReferences(condition).filter((reference) => reference.kind === 'eventType')).toHaveLength(2);
  });
});
