import { describe, expect, it } from 'vitest';
import { createTimelineReader } from '../columnar';
import { testData } from '../simulation/testing';
import { allOf, anyOf, between, compare, events } from './build';
import { compileCondition } from './evaluate';
import { compileFieldTest } from './eventMatch';
import { emptyExtraEvents, type CustomerMoment, type SegmentSource } from './moment';
import { eventTypeTable } from './eventMatch';
import type { Condition } from './types';

const data = testData(
  [{ id: 'a', email: ' A@Example.com ', birthDate: '1990-05-17', consents: { email: true, sms: false }, attrs: { tier: 'Gold', visits: '12' } }],
  [
    { customer: 'a', type: 'order', at: '2025-03-01T10:00:00Z', amount: 1000 },
    { customer: 'a', type: 'return', at: '2025-03-02T10:00:00Z', amount: -300 },
    { customer: 'a', type: 'cart_add', at: '2025-03-09T20:30:00Z', props: { category: 'Shoes' } },
    { customer: 'a', type: 'cart_add', at: '2025-03-10T08:00:00Z', props: { category: 'bags' } },
    { customer: 'a', type: 'order', at: '2025-03-10T09:00:00Z', amount: 500 },
    { customer: 'a', type: 'page_view', at: '2025-03-20T09:00:00Z' },
  ],
);
const types = eventTypeTable([...data.eventTypes, 'email_open']);
const timeline = createTimelineReader(data.events, data.eventTypes).read(0);

function momentAt(iso: string, overrides: Partial<CustomerMoment> = {}): CustomerMoment {
  const now = Date.parse(iso);
  let visible = timeline.start;
  while (visible < timeline.end && timeline.ts[visible]! <= now) visible++;
  return { customer: 0, now, timeZone: 'Europe/Moscow', timeline, visible, extra: emptyExtraEvents(), extraVisible: 0, entryVisible: -1, entryExtraVisible: -1, profile: data.customers[0]!, profileRow: 0, revokedConsents: 0, segments: null, ...overrides };
}

function passes(condition: Condition, moment: CustomerMoment): boolean {
  return compileCondition(allOf(condition), types).test(moment);
}

describe('the condition evaluator', () => {
  it('compares text exactly after trimming, case-insensitive; numbers as numbers; dates in code-point order', () => {
    expect(compileFieldTest('eq', ['moscow', 'kazan'])(' Moscow ')).toBe(true);
    expect(compileFieldTest('neq', ['moscow'])(undefined)).toBe(true);
    expect(compileFieldTest('contains', ['ОСК'])('Москва')).toBe(true);
    expect(compileFieldTest('gt', ['9'])('12')).toBe(true);
    expect(compileFieldTest('lt', ['2000-01-01'])('1990-05-17')).toBe(true);
    expect(compileFieldTest('isSet', [])('  ')).toBe(false);
    const now = momentAt('2025-03-21T00:00:00Z');
    expect(passes({ type: 'field', field: 'email', op: 'eq', values: ['a@example.com'] }, now)).toBe(true);
    expect(passes({ type: 'field', field: 'attrs.visits', op: 'gte', values: ['12'] }, now)).toBe(true);
    expect(passes({ type: 'field', field: 'attrs.tier', op: 'eq', values: ['gold'] }, now)).toBe(true);
    expect(passes({ type: 'field', field: 'birthDate', op: 'lt', values: ['2000-01-01'] }, now)).toBe(true);
  });

  it('counts only the events known at the moment, in local calendar days D − N … D', () => {
    const cartWeek = { type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 2, days: 0 } as const;
    // 20:30 UTC on 9 March is 23:30 in Moscow, the day before 10 March 11:00 local
    expect(passes(cartWeek, momentAt('2025-03-10T08:30:00Z'))).toBe(false);
    expect(passes({ ...cartWeek, days: 1 }, momentAt('2025-03-10T08:30:00Z'))).toBe(true);
    expect(passes({ ...cartWeek, days: 1 }, momentAt('2025-03-10T07:59:00Z'))).toBe(false);
    expect(passes({ type: 'eventCount', event: events('cart_add', [{ type: 'prop', key: 'category', op: 'eq', values: ['shoes'] }]), op: 'atMost', count: 0, days: null }, momentAt('2025-03-21T00:00:00Z'))).toBe(false);
  });

  it('sums spend net of returns, counts orders and days since the last one', () => {
    const now = momentAt('2025-03-21T00:00:00Z');
    expect(passes({ type: 'totalSpend', compare: compare('eq', 1200), days: null }, now)).toBe(true);
    expect(passes({ type: 'totalSpend', compare: compare('eq', 500), days: 14 }, now)).toBe(true);
    expect(passes({ type: 'orderCount', compare: between(2, 2), days: null }, now)).toBe(true);
    expect(passes({ type: 'daysSinceLastOrder', compare: compare('eq', 11) }, now)).toBe(true);
    expect(passes({ type: 'daysSinceLastOrder', compare: compare('gte', 0) }, momentAt('2025-02-01T00:00:00Z'))).toBe(false);
  });

  it('"since entering" reads events after the entry only, and explains what it found', () => {
    const entered = momentAt('2025-03-20T10:00:00Z', { entryVisible: 2 });
    const condition = compileCondition(allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }), types);
    expect(condition.test(entered)).toBe(true);
    expect(condition.explain(entered).facts[0]!.en).toBe('order 2025-03-10 12:00');
    expect(condition.test({ ...entered, entryVisible: 5 })).toBe(false);
    expect(condition.test(momentAt('2025-03-20T10:00:00Z'))).toBe(false);
  });

  it('reads consent with withdrawals, contacts, and RFM / journey state from the segment source', () => {
    const segments: SegmentSource = {
      rfmAt: () => ({ recency: 3, frequency: 2, revenue: 1200, monetary: 1200, r: 5, f: 3, m: 2, segment: 1 }),
      segmentIds: ['champions', 'loyal', 'others'],
      journeyAt: () => ({ isKnown: true, stage: 3, stageId: 'purchase', lifecycle: 'active', orders: 2, lastOrderTs: 0, daysSinceLastOrder: 11 }),
    };
    const now = momentAt('2025-03-21T00:00:00Z', { segments });
    expect(passes({ type: 'consent', channel: 'email', states: ['yes'] }, now)).toBe(true);
    expect(passes({ type: 'consent', channel: 'email', states: ['yes'] }, { ...now, revokedConsents: 1 })).toBe(false);
    expect(passes({ type: 'consent', channel: 'push', states: ['unknown'] }, now)).toBe(true);
    expect(passes({ type: 'contact', channel: 'sms', isPresent: false }, now)).toBe(true);
    expect(passes({ type: 'rfmSegment', op: 'in', segments: ['loyal'] }, now)).toBe(true);
    expect(passes({ type: 'rfmScore', score: 'fm', compare: compare('eq', 3) }, now)).toBe(true);
    expect(passes({ type: 'lifecycle', op: 'notIn', statuses: ['churned'] }, now)).toBe(true);
    expect(passes({ type: 'stage', op: 'in', stages: ['purchase'] }, now)).toBe(true);
    expect(compileCondition(anyOf({ type: 'stage', op: 'in', stages: ['x'] }, { type: 'orderCount', compare: compare('gte', 1), days: null }), types).needsSegments).toBe(true);
  });
});
