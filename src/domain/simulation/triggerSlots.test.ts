import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chain } from '../chains';
import { allOf, compare, events } from '../conditions/build';
import { chainArbitrary, populationArbitrary, PROPERTY_PERIOD } from './arbitraries';
import { chainOf, node, runScenario, traceLines } from './scenarioTesting';
import { simulate } from './runShard';
import { defaultSimulationSettings } from './settings';
import { testData } from './testing';

/**
 * A trigger's place among its chain's triggers (its slot: inactivity clocks, segment and audience
 * membership are kept per slot) differs from its place among the chain's nodes (counters,
 * agenda items and the next-node table are per node) as soon as a trigger is not the first
 * node — a chain drawn in the editor with a trigger added last, or deleted and added again.
 * The bench's chains and the random chains of the property tests put their triggers first,
 * where the two coincide; these put them elsewhere.
 */
const reachable = { email: 'x@example.com', phone: '+79160000000', consents: { email: true, sms: true, push: true } };
const noQuiet = { quietHours: { isEnabled: false, from: '22:00', to: '09:00', mode: 'wait' as const } };
const again = { reEntry: { mode: 'afterExit' as const, cooldownDays: 1 } };

describe('triggers that are not the first nodes of their chain', () => {
  it('an event trigger and an inactivity trigger added after the other nodes: each enters by its own node, the clock re-armed by its own events', () => {
    // nodes: 0 email, 1 done, 2 cart (slot 0), 3 idle (slot 1)
    const chain = chainOf(
      'late-triggers',
      { ...noQuiet, ...again },
      [node.message('email', { channel: 'email' }), node.goal('done'), node.trigger('cart', { type: 'event', event: events('cart_add') }), node.trigger('idle', { type: 'inactivity', event: events('order'), days: 10 })],
      ['cart.out>email', 'idle.out>email', 'email.out>done'],
    );
    const history = [
      { customer: 'a', type: 'order', at: '2025-02-25T12:00:00Z', amount: 100 },
      { customer: 'a', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
      { customer: 'a', type: 'order', at: '2025-03-10T12:00:00Z', amount: 100 },
    ];
    const result = runScenario([{ id: 'a', ...reachable }], history, [chain], {}, 'a');
    expect(traceLines(result.sums.trace)).toEqual([
      '03-03 10:00 cart entered',
      '03-03 10:00 email sent',
      '03-03 10:00 done goal',
      '03-07 12:00 idle entered',
      '03-07 12:00 email sent',
      '03-07 12:00 done goal',
      '03-20 12:00 idle entered',
      '03-20 12:00 email sent',
      '03-20 12:00 done goal',
    ]);
    const nodes = result.sums.chains[0]!.nodes;
    expect(nodes.cart).toMatchObject({ entered: 1, left: { out: 1 } });
    expect(nodes.idle).toMatchObject({ entered: 2, left: { out: 2 } });
    expect(result.sums.chains[0]!.edges).toEqual({ 'cart.out': 1, 'idle.out': 2, 'email.out': 3 });
  });

  it('two inactivity triggers behind other nodes keep separate clocks', () => {
    // nodes: 0 done, 1 no_order (slot 0, 20 days without an order), 2 no_visit (slot 1, 5 days without a page view)
    const chain = chainOf(
      'two-clocks',
      { ...noQuiet, ...again },
      [node.goal('done'), node.trigger('no_order', { type: 'inactivity', event: events('order'), days: 20 }), node.trigger('no_visit', { type: 'inactivity', event: events('page_view'), days: 5 })],
      ['no_order.out>done', 'no_visit.out>done'],
    );
    const history = [
      { customer: 'a', type: 'order', at: '2025-02-20T08:00:00Z', amount: 100 },
      { customer: 'a', type: 'page_view', at: '2025-03-02T08:00:00Z' },
      { customer: 'a', type: 'page_view', at: '2025-03-04T08:00:00Z' },
    ];
    // order clock: 02-20 + 20 days = 03-12; page-view clock: 03-04 + 5 days = 03-09 (03-02's deadline was re-armed)
    expect(traceLines(runScenario([{ id: 'a' }], history, [chain], {}, 'a').sums.trace)).toEqual(['03-09 08:00 no_visit entered', '03-09 08:00 done goal', '03-12 08:00 no_order entered', '03-12 08:00 done goal']);
  });

  it('two audience triggers in join mode behind a goal node keep separate memberships, as of the period start and night by night', () => {
    // nodes: 0 done, 1 buyer (slot 0: 2+ orders), 2 browser (slot 1: a cart in the last 2 days)
    const chain = chainOf(
      'joins',
      { ...noQuiet, ...again },
      [
        node.goal('done'),
        node.trigger('buyer', { type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }) }, mode: 'joins', at: '2025-03-01T00:00' }),
        node.trigger('browser', { type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 1, days: 2 }) }, mode: 'joins', at: '2025-03-01T00:00' }),
      ],
      ['buyer.out>done', 'browser.out>done'],
    );
    const history = [
      // a buyer before the period starts (does not "join"); in the cart audience 03-10 … 03-12
      { customer: 'old', type: 'order', at: '2025-01-10T10:00:00Z', amount: 100 },
      { customer: 'old', type: 'order', at: '2025-02-20T10:00:00Z', amount: 100 },
      { customer: 'old', type: 'cart_add', at: '2025-03-10T10:00:00Z' },
      // becomes a buyer on 03-05, enters the night after
      { customer: 'new', type: 'order', at: '2025-01-10T10:00:00Z', amount: 100 },
      { customer: 'new', type: 'order', at: '2025-03-05T10:00:00Z', amount: 100 },
    ];
    const lines = (id: string) => traceLines(runScenario([{ id: 'old' }, { id: 'new' }], history, [chain], {}, id).sums.trace);
    expect(lines('old')).toEqual(['03-11 00:00 browser entered', '03-11 00:00 done goal']);
    expect(lines('new')).toEqual(['03-06 00:00 buyer entered', '03-06 00:00 done goal']);
  });

  it('a segment trigger behind an event trigger and a goal node: membership as of the period start, entry on the night the customer comes in', () => {
    // nodes: 0 done, 1 cart (slot 0), 2 risk (slot 1: lifecycle "at risk")
    const chain = chainOf(
      'winback-late',
      { ...noQuiet, ...again },
      [node.goal('done'), node.trigger('cart', { type: 'event', event: events('cart_add') }), node.trigger('risk', { type: 'segment', segment: { type: 'lifecycle', status: 'at_risk' } })],
      ['cart.out>done', 'risk.out>done'],
    );
    const history = [
      // at risk before the period starts: does not "come into" the segment
      { customer: 'old', type: 'order', at: '2024-11-01T12:00:00Z', amount: 1000 },
      // last order 90 days before 1 March: at risk from the night of 2 March (scenarios.test's winback)
      { customer: 'new', type: 'order', at: '2024-12-01T12:00:00Z', amount: 1000 },
      { customer: 'new', type: 'cart_add', at: '2025-03-01T10:00:00Z' },
    ];
    const lines = (id: string) => traceLines(runScenario([{ id: 'old' }, { id: 'new' }], history, [chain], {}, id).sums.trace);
    expect(lines('old')).toEqual([]);
    expect(lines('new')).toEqual(['03-01 10:00 cart entered', '03-01 10:00 done goal', '03-02 00:00 risk entered', '03-02 00:00 done goal']);
  });

  it('two chains, each with its cart_add trigger at another node: one cart_add enters both, each by its own trigger', () => {
    // chain 0: 0 bye, 1 note, 2 t (cart_add); chain 1: 0 co (checkout), 1 sms, 2 fin, 3 t2 (cart_add)
    const first = chainOf('first', noQuiet, [node.goal('bye'), node.message('note', { channel: 'email' }), node.trigger('t', { type: 'event', event: events('cart_add') })], ['t.out>note', 'note.out>bye']);
    const second = chainOf(
      'second',
      { ...noQuiet, ...again },
      [node.trigger('co', { type: 'event', event: events('checkout') }), node.message('sms', { channel: 'sms' }), node.goal('fin'), node.trigger('t2', { type: 'event', event: events('cart_add') })],
      ['co.out>sms', 't2.out>sms', 'sms.out>fin'],
    );
    const history = [
      { customer: 'a', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
      { customer: 'a', type: 'checkout', at: '2025-03-03T11:00:00Z' },
    ];
    const result = runScenario([{ id: 'a', ...reachable }], history, [first, second], {}, 'a');
    expect(traceLines(result.sums.trace)).toEqual([
      '03-03 10:00 t entered',
      '03-03 10:00 note sent',
      '03-03 10:00 bye goal',
      '03-03 10:00 t2 entered',
      '03-03 10:00 sms sent',
      '03-03 10:00 fin goal',
      '03-03 11:00 co entered',
      '03-03 11:00 sms sent',
      '03-03 11:00 fin goal',
    ]);
    expect(result.sums.trace.map((entry) => entry.chainId)).toEqual(['first', 'first', 'first', 'second', 'second', 'second', 'second', 'second', 'second']);
    expect(result.sums.chains[1]!.nodes).toMatchObject({ co: { entered: 1 }, t2: { entered: 1 }, sms: { entered: 2, sent: { sms: 2 } } });
  });
});

describe('node order (property)', () => {
  /**
   * Reorders a chain's nodes at random, its triggers keeping their order among themselves: at one
   * instant the chain's first trigger acts first, so their relative order is part of the chain;
   * where the other nodes sit in the list is not (the editor appends, deletes, re-adds).
   */
  function reordered(chain: Chain, keys: readonly number[]): Chain {
    const order = chain.nodes.map((_, i) => i).sort((a, b) => (keys[a % keys.length]! - keys[b % keys.length]!) || a - b);
    const triggers = chain.nodes.filter((item) => item.kind === 'trigger');
    let nextTrigger = 0;
    const nodes = order.map((i) => (chain.nodes[i]!.kind === 'trigger' ? triggers[nextTrigger++]! : chain.nodes[i]!));
    return { ...chain, nodes };
  }

  const scenario = fc.record({
    population: populationArbitrary(8),
    chains: fc.tuple(chainArbitrary('chain0'), chainArbitrary('chain1')),
    keys: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    projection: fc.boolean(),
  });

  it('moving the triggers among the other nodes, and those among themselves, changes no count and no trace', () => {
    fc.assert(
      fc.property(scenario, ({ population, chains, keys, seed, projection }) => {
        const settings = { ...defaultSimulationSettings(PROPERTY_PERIOD.from, PROPERTY_PERIOD.to, 'Europe/Moscow'), seed, projection };
        const data = testData(population.customers, population.events);
        const run = (list: readonly Chain[]) => simulate(data, list, settings, { isTraced: () => true }).sums;
        expect(run(chains.map((chain) => reordered(chain, keys)))).toEqual(run(chains));
      }),
      { numRuns: Number(process.env.SIMULATION_PROPERTY_RUNS ?? 60) },
    );
  });
});
