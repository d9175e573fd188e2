import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, anyOf, compare, events } from '../conditions/build';
import type { Condition, ConditionGroup } from '../conditions/types';
import { customerConditionArbitrary, populationArbitrary, PROPERTY_PERIOD } from '../simulation/arbitraries';
import { chainOf, node } from '../simulation/scenarioTesting';
import { defaultSimulationSettings } from '../simulation/settings';
import { simulate } from '../simulation/runShard';
import { testData, type TestCustomer, type TestEvent } from '../simulation/testing';
import { evaluateAudience, evaluateAudienceInChunks, prepareAudienceData, type AudienceEvaluation } from './evaluate';

const settings = defaultSimulationSettings(PROPERTY_PERIOD.from, PROPERTY_PERIOD.to, 'Europe/Moscow');

function evaluate(customers: TestCustomer[], list: TestEvent[], condition: ConditionGroup, asOf: string | null = null, audiences: Record<string, ConditionGroup> = {}): AudienceEvaluation {
  return evaluateAudience(prepareAudienceData(testData(customers, list), settings, Date.parse('2026-01-01T00:00:00Z')), condition, { asOf, audiences });
}

function members(evaluation: AudienceEvaluation): number[] {
  return [...evaluation.members.keys()].filter((c) => evaluation.members[c] === 1);
}

const shop: TestCustomer[] = [
  { id: 'ann', email: 'ann@example.com', consents: { email: true } },
  { id: 'bob', phone: '+79160000001', consents: { email: false } },
  { id: 'cat', email: 'cat@example.com' },
];
const history: TestEvent[] = [
  { customer: 'ann', type: 'order', at: '2025-03-02T10:00:00Z', amount: 1000, props: { category: 'Одежда' } },
  { customer: 'ann', type: 'order', at: '2025-03-10T10:00:00Z', amount: 2000, props: { category: 'Одежда' } },
  { customer: 'bob', type: 'order', at: '2025-03-05T10:00:00Z', amount: 500, props: { category: 'Обувь' } },
  { customer: 'cat', type: 'cart_add', at: '2025-03-19T10:00:00Z' },
];
const twice: Condition = { type: 'orderCount', compare: compare('gte', 2), days: null };
const emailYes: Condition = { type: 'consent', channel: 'email', states: ['yes'] };

describe('an audience evaluated over the columnar store', () => {
  it('keeps who matches as of the end of the data, with what each part keeps on its own', () => {
    const result = evaluate(shop, history, allOf(twice, emailYes));
    expect(result.asOf).toBe('2025-03-19');
    expect(result.customerCount).toBe(3);
    expect(members(result)).toEqual([0]);
    expect(result.parts).toEqual([
      { path: 'items.0', count: 1 },
      { path: 'items.1', count: 1 },
    ]);
    const clothes = evaluate(shop, history, anyOf({ type: 'eventCount', event: events('order', [{ type: 'prop', key: 'category', op: 'eq', values: ['одежда'] }]), op: 'atLeast', count: 1, days: null }, { type: 'contact', channel: 'sms', isPresent: true }));
    expect(members(clothes)).toEqual([0, 1]);
  });

  it('looks at the audience as it was on an earlier date (later events ignored)', () => {
    expect(members(evaluate(shop, history, allOf(twice), '2025-03-09'))).toEqual([]);
    expect(members(evaluate(shop, history, allOf(twice), '2025-03-10'))).toEqual([0]);
    const recent = allOf({ type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 1, days: 7 });
    expect(members(evaluate(shop, history, recent, '2025-03-19'))).toEqual([2]);
    expect(members(evaluate(shop, history, recent, '2025-03-27'))).toEqual([]);
  });

  it('an unsubscribe withdraws that channel’s consent from its date on, as it does in a chain run', () => {
    const unsubscribed: TestEvent[] = [...history, { customer: 'ann', type: 'unsubscribe', at: '2025-03-15T10:00:00Z', props: { channel: 'Email' } }];
    expect(members(evaluate(shop, unsubscribed, allOf(emailYes), '2025-03-14'))).toEqual([0]);
    expect(members(evaluate(shop, unsubscribed, allOf(emailYes), '2025-03-15'))).toEqual([]);
    expect(members(evaluate(shop, unsubscribed, allOf({ type: 'consent', channel: 'sms', states: ['unknown'] }), '2025-03-15'))).toEqual([0, 1, 2]);
  });

  it('includes and excludes other saved audiences, and keeps nobody for a cycle or an unknown one', () => {
    const audiences = { buyers: allOf({ type: 'orderCount', compare: compare('gte', 1), days: null }), loop: allOf({ type: 'audience', op: 'in', audienceId: 'loop', name: 'Loop' }) };
    const notBuyers = allOf({ type: 'audience', op: 'notIn', audienceId: 'buyers', name: 'Buyers' });
    expect(members(evaluate(shop, history, notBuyers, null, audiences))).toEqual([2]);
    expect(members(evaluate(shop, history, allOf({ type: 'audience', op: 'in', audienceId: 'buyers', name: 'Buyers' }), null, audiences))).toEqual([0, 1]);
    expect(members(evaluate(shop, history, allOf({ type: 'audience', op: 'in', audienceId: 'loop', name: 'Loop' }), null, audiences))).toEqual([]);
    expect(members(evaluate(shop, history, allOf({ type: 'audience', op: 'notIn', audienceId: 'gone', name: 'Gone' }), null, audiences))).toEqual([]);
  });

  it('keeps in a chain run exactly the customers it keeps on the screen for the same date', () => {
    const audience = allOf(twice, emailYes);
    const chain = chainOf('c', { timeZone: 'Europe/Moscow', reEntry: { mode: 'once', cooldownDays: 1 } }, [
      node.trigger('t', { type: 'audience', audience: { type: 'saved', audienceId: 'vip', name: 'VIP' }, mode: 'once', at: '2025-03-19T23:59' }),
      node.goal('g', 'exit'),
    ], ['t.out>g']);
    const run = simulate(testData(shop, history), [chain], { ...settings, from: '2025-03-01', to: '2025-03-21', audiences: { vip: audience } }, { isTraced: () => true });
    const entered = [...new Set(run.sums.trace.filter((entry) => entry.nodeId === 't').map((entry) => entry.customerId))];
    const screen = evaluate(shop, history, audience, '2025-03-19');
    expect(screen.size).toBeGreaterThan(0);
    expect(entered).toEqual(members(screen).map((c) => shop[c]!.id));
  });
});

describe('a count walked in chunks (the worker reads a cancel between them)', () => {
  const prepared = () => prepareAudienceData(testData(shop, history), settings, Date.parse('2026-01-01T00:00:00Z'));
  const audience = allOf(twice, emailYes);

  it('counts what the one-go count does, pausing between chunks', async () => {
    let pauses = 0;
    const outcome = await evaluateAudienceInChunks(prepared(), audience, { asOf: null, chunkSize: 1, pause: async () => void pauses++, isCancelled: () => false });
    expect(pauses).toBe(2);
    expect(outcome).toEqual({ outcome: 'counted', evaluation: evaluate(shop, history, audience) });
  });

  it('stops at the pause after the signal fires, with no number (a part-way count is never reported)', async () => {
    const controller = new AbortController();
    let pauses = 0;
    const outcome = await evaluateAudienceInChunks(prepared(), audience, {
      asOf: null,
      chunkSize: 1,
      // the "cancel" message arrives while the first chunk is counted: read at the first pause
      pause: async () => {
        pauses++;
        controller.abort();
      },
      isCancelled: () => controller.signal.aborted,
    });
    expect(outcome).toEqual({ outcome: 'cancelled', customersVisited: 1 });
    expect(pauses).toBe(1);
    expect(outcome).not.toHaveProperty('evaluation');
  });
});

const leafArbitrary = customerConditionArbitrary;

describe('an audience a chain enters customers of when they join it', () => {
  const DAY = 86_400_000;
  const periodDays = (Date.parse(`${PROPERTY_PERIOD.to}T00:00:00Z`) - Date.parse(`${PROPERTY_PERIOD.from}T00:00:00Z`)) / DAY + 1;
  const dayBefore = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

  it('keeps in a chain run, every night, exactly the customers the screen shows for the day that just ended (fast-check)', () => {
    fc.assert(
      fc.property(populationArbitrary(8), leafArbitrary, leafArbitrary, fc.boolean(), ({ customers, events: list }, a, b, isOr) => {
        const audience = isOr ? anyOf(a, b) : allOf(a, b);
        const chain = chainOf('c', { timeZone: 'Europe/Moscow', reEntry: { mode: 'afterExit', cooldownDays: 1 } }, [node.trigger('t', { type: 'audience', audience: { type: 'saved', audienceId: 'aud', name: 'A' }, mode: 'joins', at: '2025-03-01T10:00' }), node.goal('g', 'exit')], ['t.out>g']);
        const run = simulate(testData(customers, list), [chain], { ...settings, from: PROPERTY_PERIOD.from, to: PROPERTY_PERIOD.to, audiences: { aud: audience } }, { isTraced: () => true });
        const entered = run.sums.trace.filter((entry) => entry.nodeId === 't' && entry.decision === 'entered').map((entry) => `${entry.customerId} ${new Date(entry.ts).toISOString()}`);
        const prepared = prepareAudienceData(testData(customers, list), settings, Date.parse('2026-01-01T00:00:00Z'));
        let before = evaluateAudience(prepared, audience, { asOf: dayBefore(PROPERTY_PERIOD.from, -1) }).members;
        const expected: string[] = [];
        for (let day = 0; day < periodDays - 1; day++) {
          const date = dayBefore(PROPERTY_PERIOD.from, day);
          const now = evaluateAudience(prepared, audience, { asOf: date }).members;
          // the night after `date` is its next day's Moscow midnight: 21:00 UTC of `date`
          now.forEach((isMember, c) => isMember && !before[c] && expected.push(`${customers[c]!.id} ${date}T21:00:00.000Z`));
          before = now;
        }
        expect(entered.sort()).toEqual(expected.sort());
      }),
      { numRuns: 40 },
    );
  });
});

const dayArbitrary = fc.integer({ min: 0, max: 25 }).map((day) => new Date(Date.UTC(2025, 1, 25 + day)).toISOString().slice(0, 10));
const subset = (a: Uint8Array, b: Uint8Array) => a.every((value, c) => value <= b[c]!);

describe('the laws of AND, OR and exclusion (fast-check)', () => {
  it('A ∧ B ⊆ A ⊆ A ∨ B, exclude(A) = all − A, on random data and dates', () => {
    fc.assert(
      fc.property(populationArbitrary(10), leafArbitrary, leafArbitrary, dayArbitrary, ({ customers, events: list }, a, b, day) => {
        const prepared = prepareAudienceData(testData(customers, list), settings, Date.parse('2026-01-01T00:00:00Z'));
        const audiences = { a: allOf(a) };
        const run = (group: ConditionGroup) => evaluateAudience(prepared, group, { asOf: day, audiences }).members;
        const onlyA = run(allOf(a));
        const both = run(allOf(a, b));
        const either = run(anyOf(a, b));
        const notA = run(allOf({ type: 'audience', op: 'notIn', audienceId: 'a', name: 'A' }));
        expect(subset(both, onlyA)).toBe(true);
        expect(subset(onlyA, either)).toBe(true);
        expect([...notA].map((value, c) => value + onlyA[c]!)).toEqual(new Array(notA.length).fill(1));
        expect(run(allOf({ type: 'audience', op: 'in', audienceId: 'a', name: 'A' }))).toEqual(onlyA);
      }),
      { numRuns: 60 },
    );
  });

  it('never looks ahead: events after the date change nothing', () => {
    fc.assert(
      fc.property(populationArbitrary(8), leafArbitrary, leafArbitrary, dayArbitrary, ({ customers, events: list }, a, b, day) => {
        const end = Date.parse(`${day}T00:00:00+03:00`) + 86_400_000;
        const before = list.filter((event) => (typeof event.at === "number" ? event.at : Date.parse(event.at)) < end);
        const group = anyOf(a, allOf(b));
        const withLater = evaluate(customers, list, group, day);
        const withoutLater = evaluate(customers, before, group, day);
        const count = Math.min(withLater.members.length, withoutLater.members.length);
        expect(withLater.members.subarray(0, count)).toEqual(withoutLater.members.subarray(0, count));
      }),
      { numRuns: 60 },
    );
  });
});
