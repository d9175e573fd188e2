import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimelineReader } from '../columnar';
import { testData, type TestEvent } from '../simulation/testing';
import { allOf, compare, events } from './build';
import { compileCondition } from './evaluate';
import { eventTypeTable } from './eventMatch';
import { newCustomerMoment, type CustomerMoment } from './moment';
import { conditionSchema } from './schema';
import { summarizeCondition } from './summary';
import type { CategorySpendCondition, Condition } from './types';
import { validateCondition } from './validate';

const history: TestEvent[] = [
  { customer: 'a', type: 'order', at: '2025-03-01T10:00:00Z', amount: 1000, props: { category: 'Одежда' } },
  { customer: 'a', type: 'order', at: '2025-03-05T10:00:00Z', amount: 700, props: { category: 'Обувь' } },
  { customer: 'a', type: 'return', at: '2025-03-06T10:00:00Z', amount: -300, props: { category: 'одежда ' } },
  { customer: 'a', type: 'order', at: '2025-03-08T10:00:00Z', amount: 400 },
  { customer: 'a', type: 'app_open', at: '2025-03-09T20:30:00Z' },
  { customer: 'a', type: 'email_open', at: '2025-03-02T08:00:00Z', props: { campaign: 'spring' } },
];

function momentOf(list: TestEvent[], iso: string): { moment: CustomerMoment; eventTypes: readonly string[] } {
  const data = testData([{ id: 'a' }], list);
  const timeline = createTimelineReader(data.events, data.eventTypes).read(0);
  const moment = newCustomerMoment('Europe/Moscow', null, Date.parse(iso));
  moment.customer = 0;
  moment.timeline = timeline;
  moment.profile = data.customers[0]!;
  let visible = timeline.start;
  while (visible < timeline.end && timeline.ts[visible]! <= moment.now) visible++;
  moment.visible = visible;
  return { moment, eventTypes: data.eventTypes };
}

function passes(condition: Condition, list: TestEvent[], iso: string): boolean {
  const { moment, eventTypes } = momentOf(list, iso);
  return compileCondition(allOf(condition), eventTypeTable(eventTypes)).test(moment);
}

const clothes = (op: 'gte' | 'lt', value: number, days: number | null = null): CategorySpendCondition => ({ type: 'categorySpend', key: 'category', values: ['одежда'], compare: compare(op, value), days });
const sinceApp = (op: 'gte' | 'lte' | 'eq', value: number): Condition => ({ type: 'daysSinceLastEvent', event: events('app_open'), compare: compare(op, value) });

describe('spend in a category', () => {
  it('sums the orders of the category net of its returns, matching the category as `eq` does (trimmed, any case)', () => {
    expect(passes(clothes('gte', 700), history, '2025-03-21T00:00:00Z')).toBe(true);
    expect(passes(clothes('gte', 701), history, '2025-03-21T00:00:00Z')).toBe(false);
    // before the return only the order counts; an order without a category counts for none
    expect(passes(clothes('gte', 1000), history, '2025-03-05T12:00:00Z')).toBe(true);
    expect(passes({ ...clothes('gte', 1), values: ['обувь', 'нет такой'] }, history, '2025-03-21T00:00:00Z')).toBe(true);
    expect(passes({ ...clothes('gte', 1), values: ['Дом'] }, history, '2025-03-21T00:00:00Z')).toBe(false);
  });

  it('counts only the window of the last N local days, and only events known at the moment', () => {
    // 1 March is outside "the last 10 days" of 14 March; the return of 6 March is inside
    expect(passes(clothes('lt', 0, 10), history, '2025-03-14T12:00:00Z')).toBe(true);
    expect(passes(clothes('lt', 0), history, '2025-03-02T00:00:00Z')).toBe(false);
  });

  it('is validated, summarised and read back from storage', () => {
    expect(validateCondition(allOf({ type: 'categorySpend', key: '', values: [], compare: compare('gte', 1), days: null }), { isInChain: false }).map((issue) => issue.path)).toEqual(['items.0.key', 'items.0.values']);
    expect(summarizeCondition(allOf(clothes('gte', 700, 30))).en).toContain('spend in');
    expect(summarizeCondition(allOf(clothes('gte', 700, 30))).ru).toContain('в категории');
    expect(conditionSchema.safeParse(clothes('gte', 700, 30)).success).toBe(true);
    expect(conditionSchema.safeParse({ ...clothes('gte', 700), extra: 1 }).success).toBe(false);
  });
});

describe('days since the last event of a kind', () => {
  it('counts whole local days from the last matching event; never done never matches', () => {
    // 20:30 UTC on 9 March is 23:30 in Moscow: on 10 March (Moscow) that is 1 day ago
    expect(passes(sinceApp('eq', 1), history, '2025-03-10T12:00:00Z')).toBe(true);
    expect(passes(sinceApp('eq', 0), history, '2025-03-09T20:45:00Z')).toBe(true);
    expect(passes(sinceApp('gte', 0), history, '2025-03-09T12:00:00Z')).toBe(false);
    expect(passes({ type: 'daysSinceLastEvent', event: events('email_open', [{ type: 'prop', key: 'campaign', op: 'eq', values: ['spring'] }]), compare: compare('gte', 7) }, history, '2025-03-09T12:00:00Z')).toBe(true);
    expect(passes({ type: 'daysSinceLastEvent', event: events('push_open'), compare: compare('gte', 0) }, history, '2025-03-21T00:00:00Z')).toBe(false);
  });

  it('is validated and summarised in both languages', () => {
    expect(validateCondition(allOf({ type: 'daysSinceLastEvent', event: events('app_open'), compare: compare('gte', 30) }), { isInChain: false })).toEqual([]);
    expect(summarizeCondition(allOf(sinceApp('gte', 30))).en).toContain('days since the last');
    expect(summarizeCondition(allOf(sinceApp('gte', 30))).ru).toContain('дней с последнего события');
  });

  it('never looks ahead and agrees with a plain recount (fast-check)', () => {
    const day = Date.parse('2025-03-01T00:00:00+03:00');
    const eventArbitrary = fc.record({ offset: fc.integer({ min: 0, max: 30 * 24 - 1 }), isApp: fc.boolean() }).map(({ offset, isApp }): TestEvent => ({ customer: 'a', type: isApp ? 'app_open' : 'email_open', at: day + offset * 3_600_000 }));
    fc.assert(
      fc.property(fc.array(eventArbitrary, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 30 * 24 }), fc.integer({ min: 0, max: 10 }), (list, hour, threshold) => {
        const now = day + hour * 3_600_000;
        const iso = new Date(now).toISOString();
        const known = list.filter((event) => (event.at as number) <= now);
        const lastApp = Math.max(...known.filter((event) => event.type === 'app_open').map((event) => event.at as number));
        const expected = Number.isFinite(lastApp) && Math.floor((now + 3 * 3_600_000) / 86_400_000) - Math.floor((lastApp + 3 * 3_600_000) / 86_400_000) >= threshold;
        expect(passes(sinceApp('gte', threshold), list, iso)).toBe(expected);
        expect(passes(sinceApp('gte', threshold), known, iso)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});
