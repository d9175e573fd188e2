import fc from 'fast-check';
import { createChain, outPorts, type Chain, type ChainNode, type ChainSettings, type MessageChannel, type TimerRule, type TriggerRule } from '../chains';
import { allOf, compare, events } from '../conditions/build';
import type { Condition } from '../conditions/types';
import type { TestCustomer, TestEvent } from './testing';

/**
 * fast-check arbitraries for the simulator's property tests: random customers with random
 * consents and contacts, random event histories around the period, and random VALID chains —
 * every trigger, node, timer and guard kind, every out-port connected exactly once, loops only
 * through a delay or a wait-for (as the validator demands).
 */
export const PROPERTY_PERIOD = { from: '2025-03-01', to: '2025-03-21' } as const;
const PERIOD_START = Date.parse('2025-03-01T00:00:00Z');
const EVENT_TYPES = ['cart_add', 'checkout', 'order', 'email_open', 'page_view', 'unsubscribe', 'sms_click'] as const;
const ZONES = ['UTC', 'Europe/Moscow', 'America/New_York', 'Europe/Berlin'] as const;
const CHANNELS: MessageChannel[] = ['email', 'sms', 'push', 'whatsapp', 'telegram', 'in_app'];
const HOUR = 3_600_000;

// mostly reachable, so that messages go out and the guards have something to stop
const consent = fc.constantFrom(true, true, true, false, null);
const mostly = fc.constantFrom(true, true, true, true, false);

export const customerArbitrary = (id: string): fc.Arbitrary<TestCustomer> =>
  fc.record({
    hasEmail: mostly,
    hasPhone: mostly,
    hasPush: mostly,
    consents: fc.record({ email: consent, sms: consent, push: consent, whatsapp: consent, telegram: consent }),
    birthDay: fc.integer({ min: 1, max: 28 }),
    city: fc.constantFrom('Moscow', 'Kazan', ''),
  }).map((drawn) => ({
    id,
    ...(drawn.hasEmail ? { email: `${id}@example.com` } : {}),
    ...(drawn.hasPhone ? { phone: '+79160000000' } : {}),
    ...(drawn.hasPush ? { pushToken: `token-${id}` } : {}),
    birthDate: `1990-03-${String(drawn.birthDay).padStart(2, '0')}`,
    consents: drawn.consents,
    attrs: drawn.city ? { city: drawn.city } : ({} as Record<string, string>),
  }));

const eventArbitrary = (customer: string): fc.Arbitrary<TestEvent> =>
  fc.record({
    type: fc.constantFrom(...EVENT_TYPES),
    // from 60 days before the period to 5 days after it, on whole minutes
    minute: fc.integer({ min: -60 * 24 * 60, max: 26 * 24 * 60 }),
    amount: fc.integer({ min: 100, max: 9000 }),
    channel: fc.constantFrom('email', 'sms', ''),
  }).map((drawn): TestEvent => ({
    customer,
    type: drawn.type,
    at: PERIOD_START + drawn.minute * 60_000,
    // the channel draw doubles as the order's category, so "spend in a category" has data to find
    ...(drawn.type === 'order' ? { amount: drawn.amount, props: { category: drawn.channel === 'email' ? 'shoes' : 'bags' } } : {}),
    ...(drawn.type === 'unsubscribe' && drawn.channel ? { props: { channel: drawn.channel } } : {}),
  }));

/** 1 … `max` customers, each with 0 … 20 events. */
export function populationArbitrary(max = 12): fc.Arbitrary<{ customers: TestCustomer[]; events: TestEvent[] }> {
  return fc.integer({ min: 1, max }).chain((count) => {
    const ids = Array.from({ length: count }, (_, i) => `c${i}`);
    return fc.tuple(fc.tuple(...ids.map(customerArbitrary)), fc.tuple(...ids.map((id) => fc.array(eventArbitrary(id), { maxLength: 20 })))).map(([customers, lists]) => ({ customers, events: lists.flat() }));
  });
}

const settingsArbitrary: fc.Arbitrary<ChainSettings> = fc.record({
  reEntry: fc.record({ mode: fc.constantFrom('once', 'afterExit', 'cooldown'), cooldownDays: fc.integer({ min: 1, max: 5 }) }),
  goal: fc.record({ isEnabled: fc.boolean(), event: fc.constantFrom(events('order'), events(['checkout', 'order'])), attributionDays: fc.integer({ min: 1, max: 4 }), exitOnGoal: fc.boolean() }),
  controlGroupPercent: fc.constantFrom(0, 0, 20, 50),
  frequencyCap: fc.record({ isEnabled: fc.boolean(), messages: fc.integer({ min: 1, max: 3 }), days: fc.integer({ min: 1, max: 5 }), window: fc.constantFrom('rolling', 'calendar') }),
  quietHours: fc.record({ isEnabled: fc.boolean(), from: fc.constantFrom('22:00', '13:00', '00:00'), to: fc.constantFrom('09:00', '15:30', '06:00'), mode: fc.constantFrom('wait', 'drop') }),
  timeZone: fc.constantFrom(null, ...ZONES),
});

const triggerArbitrary: fc.Arbitrary<TriggerRule> = fc.oneof(
  fc.constantFrom<TriggerRule>({ type: 'event', event: events('cart_add') }, { type: 'event', event: events('order', [{ type: 'amount', compare: compare('gte', 3000) }]) }, { type: 'event', event: events(['page_view', 'checkout']) }),
  fc.integer({ min: 1, max: 20 }).map((days): TriggerRule => ({ type: 'inactivity', event: events(['order', 'cart_add']), days })),
  fc.record({ offset: fc.integer({ min: -3, max: 3 }), hour: fc.integer({ min: 0, max: 23 }) }).map(({ offset, hour }): TriggerRule => ({ type: 'date', field: 'birthDate', offsetDays: offset, localTime: `${String(hour).padStart(2, '0')}:00`, repeat: 'yearly' })),
  fc.constantFrom<TriggerRule>({ type: 'segment', segment: { type: 'lifecycle', status: 'active' } }, { type: 'segment', segment: { type: 'stage', stage: 'consideration' } }, { type: 'segment', segment: { type: 'rfmSegment', segment: 'champions' } }),
  fc.integer({ min: 0, max: 20 * 24 - 1 }).map((hour): TriggerRule => ({ type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'orderCount', compare: compare('gte', 1), days: null }) }, mode: 'once', at: new Date(PERIOD_START + hour * HOUR).toISOString().slice(0, 16) })),
  fc.constantFrom<TriggerRule>(
    { type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'daysSinceLastOrder', compare: compare('lt', 7) }) }, mode: 'joins', at: '2025-03-01T10:00' },
    { type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'rfmScore', score: 'r', compare: compare('gte', 3) }) }, mode: 'joins', at: '2025-03-01T10:00' },
  ),
);

/** Customer conditions that mean the same inside and outside a chain: the simulator's filters and the saved audiences' property tests draw from these. */
export const CUSTOMER_CONDITIONS: readonly Condition[] = [
  { type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 2, days: 7 },
  { type: 'eventCount', event: events('order', [{ type: 'amount', compare: compare('gte', 3000) }]), op: 'atLeast', count: 1, days: null },
  { type: 'consent', channel: 'email', states: ['yes'] },
  { type: 'contact', channel: 'sms', isPresent: true },
  { type: 'orderCount', compare: compare('gte', 1), days: null },
  { type: 'totalSpend', compare: compare('gt', 4000), days: 30 },
  { type: 'daysSinceLastOrder', compare: compare('lt', 14) },
  { type: 'field', field: 'attrs.city', op: 'eq', values: ['moscow'] },
  { type: 'lifecycle', op: 'in', statuses: ['active', 'new'] },
  { type: 'rfmScore', score: 'r', compare: compare('gte', 3) },
  { type: 'categorySpend', key: 'category', values: ['shoes'], compare: compare('gt', 0), days: 14 },
  { type: 'daysSinceLastEvent', event: events('cart_add'), compare: compare('lte', 3) },
];

export const customerConditionArbitrary: fc.Arbitrary<Condition> = fc.constantFrom(...CUSTOMER_CONDITIONS);

const conditionArbitrary: fc.Arbitrary<Condition> = fc.constantFrom<Condition>(
  { type: 'eventSinceEntry', event: events('order'), happened: true },
  { type: 'eventSinceEntry', event: events('email_open'), happened: false },
  ...CUSTOMER_CONDITIONS,
);

const timerArbitrary: fc.Arbitrary<TimerRule> = fc.oneof(
  fc.integer({ min: 1, max: 72 }).map((hours): TimerRule => ({ type: 'delay', duration: { amount: hours, unit: 'hours' } })),
  fc.record({ hours: fc.integer({ min: 1, max: 48 }), event: fc.constantFrom(events('order'), events(['checkout', 'order']), events('email_open')) }).map(({ hours, event }): TimerRule => ({ type: 'waitFor', event, timeout: { amount: hours, unit: 'hours' } })),
  fc.constantFrom<TimerRule>({ type: 'until', window: { from: '10:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] } }, { type: 'until', window: { from: '09:00', to: '09:30', weekdays: [6, 7] } }),
);

type InnerKind = 'filter' | 'split' | 'timer' | 'message';

function messageArbitrary() {
  return fc.record({ channel: fc.constantFrom(...CHANNELS), cost: fc.constantFrom(0, 0.1, 0.5, 3), exit: fc.boolean() }).map(({ channel, cost, exit }) => ({
    kind: 'message' as const,
    node: { kind: 'message' as const, channel, content: { subject: 's', body: 'b' }, offer: null, cost, responses: null, orderValue: null, onSuppressed: exit ? ('exit' as const) : ('continue' as const) },
  }));
}

const innerArbitrary: fc.Arbitrary<{ kind: InnerKind; node: Omit<ChainNode, 'id' | 'position' | 'label'> }> = fc.oneof(
  { arbitrary: messageArbitrary(), weight: 3 },
  fc.array(conditionArbitrary, { minLength: 1, maxLength: 2 }).chain((items) => fc.constantFrom('and' as const, 'or' as const).map((op) => ({ kind: 'filter' as const, node: { kind: 'filter' as const, condition: { type: 'group' as const, op, items } } }))),
  fc.record({ count: fc.integer({ min: 2, max: 3 }), holdout: fc.boolean(), first: fc.integer({ min: 10, max: 80 }) }).map(({ count, holdout, first }) => {
    const rest = 100 - first;
    const weights = count === 2 ? [first, rest] : [first, Math.floor(rest / 2), rest - Math.floor(rest / 2)];
    return { kind: 'split' as const, node: { kind: 'split' as const, branches: weights.map((weight, i) => ({ id: `b${i}`, label: '', weight, isHoldout: holdout && i === count - 1 })) } };
  }),
  timerArbitrary.map((timer) => ({ kind: 'timer' as const, node: { kind: 'timer' as const, timer } })),
);

/** A valid chain: triggers → inner nodes (each port to a later node, a goal, or back to an earlier delay / wait-for) → goals. */
export function chainArbitrary(id: string): fc.Arbitrary<Chain> {
  return fc
    .record({
      settings: settingsArbitrary,
      triggers: fc.array(triggerArbitrary, { minLength: 1, maxLength: 2 }),
      inner: fc.array(innerArbitrary, { minLength: 1, maxLength: 7 }),
      wiring: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    })
    .map(({ settings, triggers, inner, wiring }) => {
      const chain = createChain(id, `Chain ${id}`);
      chain.settings = settings;
      const at = { x: 0, y: 0 };
      const nodes: ChainNode[] = [
        ...triggers.map((trigger, i): ChainNode => ({ id: `t${i}`, kind: 'trigger', position: at, label: '', trigger })),
        ...inner.map((item, i) => ({ ...item.node, id: `n${i}`, position: at, label: '' }) as ChainNode),
        { id: 'goal', kind: 'goal', position: at, label: '', outcome: 'goal' },
        { id: 'exit', kind: 'goal', position: at, label: '', outcome: 'exit' },
      ];
      chain.nodes = nodes;
      let draw = 0;
      const pick = (count: number) => wiring[draw++ % wiring.length]! % count;
      chain.edges = [];
      triggers.forEach((_, i) => chain.edges.push({ id: `e-t${i}`, source: `t${i}`, sourcePort: 'out', target: 'n0' }));
      inner.forEach((_item, i) => {
        const node = nodes[triggers.length + i]!;
        for (const port of outPorts(node)) {
          const loopTargets = nodes.slice(triggers.length, triggers.length + i + 1).filter((other) => other.kind === 'timer' && other.timer.type !== 'until').map((other) => other.id);
          const forward = [...inner.slice(i + 1).map((_, k) => `n${i + 1 + k}`), 'goal', 'exit'];
          const targets = pick(5) === 0 && loopTargets.length ? loopTargets : forward;
          chain.edges.push({ id: `e-n${i}-${port.id}`, source: node.id, sourcePort: port.id, target: targets[pick(targets.length)]! });
        }
      });
      return chain;
    });
}
