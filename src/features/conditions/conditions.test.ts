import { describe, expect, it } from 'vitest';
import { allOf } from '../../domain/conditions/build';
import { DEFAULT_NAMES } from '../../domain/conditions/names';
import { conditionSchema } from '../../domain/conditions/schema';
import { LEAF_CONDITION_TYPES, MAX_GROUP_DEPTH } from '../../domain/conditions/types';
import { validateCondition } from '../../domain/conditions/validate';
import { conditionNames } from './conditionNames';
import { addItem, canNest, defaultLeaf, fieldOpArity, issueText, issuesAt, issuesUnder, nestedGroup, relativeIssues, removeItem, replaceItem, withFieldOp, withNumberOp } from './conditionEdit';
import { eventTypeOptions, fieldOptions, fieldValueOptions, lifecycleOptions, rfmSegmentOptions, stageOptions } from './options';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

const vocabulary: WorkspaceVocabulary = {
  customers: 100,
  eventTypes: [
    { name: 'page_view', count: 900 },
    { name: 'Added to cart', count: 40 },
  ],
  eventProps: [{ name: 'category', count: 300, values: [{ value: 'shoes', count: 200 }] }],
  fields: [
    { name: 'firstName', count: 90, values: [{ value: 'Anna', count: 3 }] },
    { name: 'attrs.loyalty', count: 20, values: [{ value: 'gold', count: 12 }] },
  ],
  rfmSegments: [{ id: 'champions', name: 'Чемпионы', customers: 12 }],
  lifecycleStatuses: [{ status: 'active', customers: 30 }],
  stages: [
    { id: 'awareness', name: null, customers: 50 },
    { id: 'vip_club', name: 'VIP club', customers: null },
  ],
};
const names = { names: DEFAULT_NAMES, language: 'en' as const };

describe('defaultLeaf', () => {
  it('starts every condition kind in a shape the schema accepts', () => {
    for (const type of LEAF_CONDITION_TYPES) {
      const leaf = defaultLeaf(type, vocabulary);
      expect(leaf.type).toBe(type);
      expect(conditionSchema.safeParse(leaf).success, type).toBe(true);
    }
  });

  it('starts event conditions with orders when the data has no order events, its most frequent type', () => {
    expect(defaultLeaf('eventCount', vocabulary)).toMatchObject({ event: { types: ['page_view'] } });
    expect(defaultLeaf('eventCount', { ...vocabulary, eventTypes: [...vocabulary.eventTypes, { name: 'order', count: 1 }] })).toMatchObject({ event: { types: ['order'] } });
    expect(defaultLeaf('eventSinceEntry', null)).toMatchObject({ event: { types: ['order'] } });
  });

  it('leaves a field condition to be completed, and the language says what is missing', () => {
    const issues = validateCondition(allOf(defaultLeaf('field')), { isInChain: true });
    expect(issues.map((issue) => issue.path)).toEqual(['items.0.field', 'items.0.values']);
  });
});

describe('operator changes', () => {
  it('keep the values an operator can take', () => {
    const field = { type: 'field' as const, field: 'city', op: 'eq' as const, values: ['Moscow', 'Kazan'] };
    expect(withFieldOp(field, 'neq').values).toEqual(['Moscow', 'Kazan']);
    expect(withFieldOp(field, 'gte').values).toEqual(['Moscow']);
    expect(withFieldOp(field, 'isSet').values).toEqual([]);
    expect(fieldOpArity('isNotSet')).toBe('none');
    expect(fieldOpArity('lt')).toBe('one');
    expect(fieldOpArity('contains')).toBe('many');
  });

  it('give "between" an upper bound and take it away again', () => {
    expect(withNumberOp({ op: 'gte', value: 5 }, 'between')).toEqual({ op: 'between', value: 5, to: 6 });
    expect(withNumberOp({ op: 'between', value: 5, to: 9 }, 'between')).toEqual({ op: 'between', value: 5, to: 9 });
    expect(withNumberOp({ op: 'between', value: 5, to: 9 }, 'lt')).toEqual({ op: 'lt', value: 5 });
  });
});

describe('group edits', () => {
  it('replace, remove and add items without touching the original', () => {
    const group = allOf(defaultLeaf('contact'), defaultLeaf('consent'));
    const replaced = replaceItem(group, 1, defaultLeaf('orderCount'));
    expect(replaced.items.map((item) => item.type)).toEqual(['contact', 'orderCount']);
    expect(removeItem(group, 0).items.map((item) => item.type)).toEqual(['consent']);
    expect(addItem(group, defaultLeaf('stage')).items).toHaveLength(3);
    expect(group.items.map((item) => item.type)).toEqual(['contact', 'consent']);
  });

  it('nest the other operator, and no deeper than the language allows', () => {
    expect(nestedGroup(allOf(), defaultLeaf('contact'))).toMatchObject({ type: 'group', op: 'or', items: [{ type: 'contact' }] });
    expect(nestedGroup({ type: 'group', op: 'or', items: [] }, defaultLeaf('contact')).op).toBe('and');
    expect(canNest(MAX_GROUP_DEPTH - 1)).toBe(true);
    expect(canNest(MAX_GROUP_DEPTH)).toBe(false);
  });
});

describe('placed issues', () => {
  const message = { en: 'E', ru: 'Р' };
  const findings = [
    { path: 'condition.items.0.segments.0', severity: 'warning' as const, message: { en: 'unknown segment', ru: 'нет сегмента' } },
    { path: 'condition.items.0.segments', severity: 'error' as const, message: { en: 'choose one', ru: 'выберите' } },
    { path: 'condition', severity: 'error' as const, message },
    { severity: 'error' as const, message },
    { path: 'conditionally', severity: 'error' as const, message },
  ];

  it('are taken relative to the part an editor edits', () => {
    expect(relativeIssues(findings, 'condition').map((issue) => issue.path)).toEqual(['items.0.segments.0', 'items.0.segments', '']);
    expect(relativeIssues(findings, '').map((issue) => issue.path)).toEqual(['condition.items.0.segments.0', 'condition.items.0.segments', 'condition', 'conditionally']);
  });

  it('are found at and under a path, and read errors first', () => {
    const placed = relativeIssues(findings, 'condition');
    expect(issuesAt(placed, 'items.0.segments')).toHaveLength(1);
    expect(issuesUnder(placed, 'items.0.segments')).toHaveLength(2);
    expect(issueText(issuesUnder(placed, 'items.0.segments'), 'en')).toBe('choose one unknown segment');
    expect(issueText(issuesUnder(placed, 'items.0.segments'), 'ru')).toBe('выберите нет сегмента');
    expect(issueText([], 'en')).toBeNull();
  });
});

describe('options from the workspace data', () => {
  it('offer the data event types with counts, then the model types the data lacks, then a chosen unknown one', () => {
    const options = eventTypeOptions(vocabulary, ['cart_abandon'], names);
    expect(options.slice(0, 2)).toEqual([
      { value: 'page_view', label: 'page_view', count: 900, isInData: true },
      { value: 'Added to cart', label: 'Added to cart', count: 40, isInData: true },
    ]);
    expect(options.find((option) => option.value === 'order')).toEqual({ value: 'order', label: 'order', count: 0, isInData: false });
    expect(options.filter((option) => option.value === 'page_view')).toHaveLength(1);
    expect(options.at(-1)).toEqual({ value: 'cart_abandon', label: 'cart_abandon', count: 0, isInData: false });
  });

  it('have no counts before the data is read', () => {
    expect(eventTypeOptions(null, [], names).every((option) => option.count === null && !option.isInData)).toBe(true);
  });

  it('offer fields customers have values in, then empty profile fields; and narrow to some', () => {
    const options = fieldOptions(vocabulary, [], names);
    expect(options.slice(0, 2).map((option) => [option.value, option.count])).toEqual([
      ['firstName', 90],
      ['attrs.loyalty', 20],
    ]);
    expect(options.find((option) => option.value === 'city')).toMatchObject({ count: 0, isInData: false });
    expect(options.find((option) => option.value === 'attrs.loyalty')?.label).toBe('loyalty');
    expect(fieldOptions(vocabulary, [], names, (field) => field === 'birthDate').map((option) => option.value)).toEqual(['birthDate']);
    expect(fieldValueOptions(vocabulary, 'attrs.loyalty')).toEqual([{ value: 'gold', count: 12 }]);
    expect(fieldValueOptions(vocabulary, 'city')).toEqual([]);
  });

  it('name segments and stages as the workspace does, with their customers', () => {
    expect(rfmSegmentOptions(vocabulary, ['lost'], names)).toEqual([
      { value: 'champions', label: 'Чемпионы', count: 12, isInData: true },
      { value: 'lost', label: 'Lost', count: 0, isInData: false },
    ]);
    expect(stageOptions(vocabulary, [], names).map((option) => [option.label, option.count])).toEqual([
      ['awareness', 50],
      ['VIP club', null],
    ]);
    const statuses = lifecycleOptions(vocabulary, names);
    expect(statuses).toHaveLength(6);
    expect(statuses.find((option) => option.value === 'active')?.count).toBe(30);
    expect(statuses.find((option) => option.value === 'lapsed')?.count).toBeNull();
  });
});

describe('conditionNames', () => {
  const texts: Record<string, Record<string, string>> = {
    en: { 'eventTypes.order': 'Order', 'journey.stages.awareness': 'Awareness', 'journey.lifecycle.status.at_risk': 'At risk' },
    ru: { 'eventTypes.order': 'Заказ', 'journey.stages.awareness': 'Знакомство', 'journey.lifecycle.status.at_risk': 'Под угрозой' },
  };
  const tFor = (language: 'en' | 'ru') => ((key: string) => texts[language]![key] ?? key) as never;
  const resolver = conditionNames(vocabulary, tFor);

  it('uses translations, the segment map and the user stage names', () => {
    expect(resolver.eventType('order', 'ru')).toBe('Заказ');
    expect(resolver.eventType('Added to cart', 'ru')).toBe('Added to cart');
    expect(resolver.segment('champions', 'en')).toBe('Чемпионы');
    expect(resolver.stage('vip_club', 'en')).toBe('VIP club');
    expect(resolver.stage('awareness', 'ru')).toBe('Знакомство');
    expect(resolver.stage('unknown_stage', 'ru')).toBe('unknown_stage');
    expect(resolver.lifecycle('at_risk', 'en')).toBe('At risk');
    expect(resolver.field('firstName', 'ru')).toBe('имя');
  });
});
