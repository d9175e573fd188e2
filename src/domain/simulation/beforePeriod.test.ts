import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, compare, events } from '../conditions/build';
import { populationArbitrary, PROPERTY_PERIOD } from './arbitraries';
import { chainOf, node, runScenario, traceLines } from './scenarioTesting';
import { simulate } from './runShard';
import { defaultSimulationSettings } from './settings';
import { testData, type TestEvent } from './testing';

/**
 * The history before the period (rows dated before `from`), which the bench's data never has:
 * the engine reads it only to arm inactivity clocks and to revoke consents, and conditions see
 * it; nothing in it enters a chain, sends, converts or counts against re-entry or the cap
 * (simulation.md "Time", "What a run computes"). Period: 2025-03-01 … 2025-03-31, UTC.
 */
const reachable = { email: 'x@example.com', phone: '+79160000000', consents: { email: true, sms: true, push: true } };
const noQuiet = { quietHours: { isEnabled: false, from: '22:00', to: '09:00', mode: 'wait' as const } };
const goalOrder = { isEnabled: true, event: events('order'), attributionDays: 3, exitOnGoal: false };

describe('rows before the period', () => {
  const carts = chainOf(
    'carts',
    { ...noQuiet, reEntry: { mode: 'once', cooldownDays: 1 }, goal: goalOrder, frequencyCap: { isEnabled: true, messages: 1, days: 7, window: 'rolling' } },
    [node.trigger('t', { type: 'event', event: events('cart_add') }), node.message('email', { channel: 'email' }), node.goal('done')],
    ['t.out>email', 'email.out>done'],
  );
  const idle = chainOf('idle', noQuiet, [node.trigger('idle', { type: 'inactivity', event: events('order'), days: 30 }), node.goal('gone')], ['idle.out>gone']);

  it('enter nothing, send nothing, convert nothing and use up neither "once" nor the cap; an order among them arms the inactivity clock', () => {
    const history = [
      { customer: 'a', type: 'cart_add', at: '2025-02-27T10:00:00Z' },
      { customer: 'a', type: 'order', at: '2025-02-28T12:00:00Z', amount: 100 },
      { customer: 'a', type: 'cart_add', at: '2025-02-28T23:59:59.999Z' },
      { customer: 'a', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
    ];
    const result = runScenario([{ id: 'a', ...reachable }], history, [carts, idle], {}, 'a');
    expect(traceLines(result.sums.trace)).toEqual(['03-03 10:00 t entered', '03-03 10:00 email sent', '03-03 10:00 done goal', '03-30 12:00 idle entered', '03-30 12:00 gone goal']);
    expect(result.sums.chains[0]!.nodes.t).toMatchObject({ entered: 1, suppressed: {} });
    expect(result.sums.totals.conversions).toBe(0);
    expect(result.sums.chains[0]!.groups.treatment).toMatchObject({ conversions: 0, converted: 0 });
  });

  it('the period starts at `from` 00:00: an event at that instant is in it, one a millisecond earlier is not', () => {
    const edge = (at: string) => runScenario([{ id: 'a', ...reachable }], [{ customer: 'a', type: 'cart_add', at }], [carts], {}, 'a');
    expect(traceLines(edge('2025-03-01T00:00:00Z').sums.trace)).toEqual(['03-01 00:00 t entered', '03-01 00:00 email sent', '03-01 00:00 done goal']);
    expect(edge('2025-02-28T23:59:59.999Z').sums.chains[0]!.entries).toBe(0);
  });

  it('the inactivity clock runs from the last matching event before the period; a deadline before `from` enters nobody, one at `from` enters then', () => {
    const customers = ['gone', 'edge', 'rearmed'].map((id) => ({ id }));
    const history: TestEvent[] = [
      // 30 days after 01-15 is 02-14: ran out before the period
      { customer: 'gone', type: 'order', at: '2025-01-15T12:00:00Z', amount: 100 },
      // 30 days after 01-30 00:00 is 03-01 00:00, the period's first instant
      { customer: 'edge', type: 'order', at: '2025-01-15T12:00:00Z', amount: 100 },
      { customer: 'edge', type: 'order', at: '2025-01-30T00:00:00Z', amount: 100 },
      // the clock restarts at the order of 02-20 (not at the cart_adds around it, which it does not watch): 03-22
      { customer: 'rearmed', type: 'cart_add', at: '2025-02-10T09:00:00Z' },
      { customer: 'rearmed', type: 'order', at: '2025-02-20T09:00:00Z', amount: 100 },
      { customer: 'rearmed', type: 'cart_add', at: '2025-02-22T09:00:00Z' },
    ];
    const lines = (id: string) => traceLines(runScenario(customers, history, [idle], {}, id).sums.trace);
    expect(lines('gone')).toEqual([]);
    expect(lines('edge')).toEqual(['03-01 00:00 idle entered', '03-01 00:00 gone goal']);
    expect(lines('rearmed')).toEqual(['03-22 09:00 idle entered', '03-22 09:00 gone goal']);
    expect(runScenario(customers, history, [idle]).sums.chains[0]!.entries).toBe(2);
  });

  it('an unsubscribe before the period revokes the consent for the whole period', () => {
    const history = [
      { customer: 'a', type: 'unsubscribe', at: '2025-02-20T10:00:00Z', props: { channel: 'email' } },
      { customer: 'a', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
      { customer: 'b', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
    ];
    const result = runScenario([{ id: 'a', ...reachable }, { id: 'b', ...reachable }], history, [carts], {}, 'a');
    expect(traceLines(result.sums.trace)).toEqual(['03-03 10:00 t entered', '03-03 10:00 email suppressed', '03-03 10:00 done goal']);
    expect(result.sums.chains[0]!.nodes.email).toMatchObject({ suppressed: { no_consent: 1 }, sent: { email: 1 } });
  });

  it('a filter sees the history before the period (order count, days since the last order); "since entering" does not', () => {
    const chain = chainOf(
      'loyal',
      noQuiet,
      [
        node.trigger('t', { type: 'event', event: events('cart_add') }),
        node.filter('regular', allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }, { type: 'daysSinceLastOrder', compare: compare('lt', 14) })),
        node.filter('since', allOf({ type: 'eventSinceEntry', event: events('order'), happened: true })),
        node.goal('new'),
        node.goal('bought_since'),
        node.goal('bought_before'),
      ],
      ['t.out>regular', 'regular.yes>since', 'regular.no>new', 'since.yes>bought_since', 'since.no>bought_before'],
    );
    const history = [
      { customer: 'a', type: 'order', at: '2025-01-10T10:00:00Z', amount: 100 },
      { customer: 'a', type: 'order', at: '2025-02-20T10:00:00Z', amount: 100 },
      { customer: 'a', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
      // one order before the period: not two
      { customer: 'b', type: 'order', at: '2025-02-20T10:00:00Z', amount: 100 },
      { customer: 'b', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
    ];
    const result = runScenario([{ id: 'a' }, { id: 'b' }], history, [chain], {}, 'a');
    expect(traceLines(result.sums.trace)).toEqual(['03-03 10:00 t entered', '03-03 10:00 regular yes', '03-03 10:00 since no', '03-03 10:00 bought_before goal']);
    expect(result.sums.chains[0]!.nodes.regular!.left).toEqual({ yes: 1, no: 1 });
  });

  it('a date trigger whose offset puts it before `from` does not fire; one that the offset carries into the period does', () => {
    const chain = (offsetDays: number) => chainOf('bday', noQuiet, [node.trigger('t', { type: 'date', field: 'birthDate', offsetDays, localTime: '10:00', repeat: 'yearly' }), node.goal('done')], ['t.out>done']);
    const lines = (birthDate: string, offsetDays: number) => traceLines(runScenario([{ id: 'a', birthDate }], [], [chain(offsetDays)], {}, 'a').sums.trace);
    expect(lines('1990-03-02', -3)).toEqual([]);
    expect(lines('1990-02-27', 3)).toEqual(['03-02 10:00 t entered', '03-02 10:00 done goal']);
    expect(lines('1990-03-03', -2)).toEqual(['03-01 10:00 t entered', '03-01 10:00 done goal']);
  });
});

describe('rows before the period (property)', () => {
  // chains that react to events only through event triggers, wait-fors and the goal: for them the
  // history before the period may change nothing but consent (unsubscribes are kept below)
  const chains = [
    chainOf(
      'cart',
      { ...noQuiet, reEntry: { mode: 'cooldown', cooldownDays: 7 }, goal: { ...goalOrder, exitOnGoal: true }, frequencyCap: { isEnabled: true, messages: 1, days: 7, window: 'rolling' } },
      [node.trigger('t', { type: 'event', event: events('cart_add') }), node.timer('wait', { type: 'waitFor', event: events(['checkout', 'order']), timeout: { amount: 1, unit: 'hours' } }), node.message('email', { channel: 'email' }), node.goal('bought'), node.goal('done')],
      ['t.out>wait', 'wait.happened>bought', 'wait.timeout>email', 'email.out>done'],
    ),
    chainOf(
      'views',
      { ...noQuiet, reEntry: { mode: 'once', cooldownDays: 1 }, goal: goalOrder, frequencyCap: { isEnabled: true, messages: 2, days: 3, window: 'rolling' } },
      [node.trigger('t', { type: 'event', event: events(['page_view', 'checkout']) }), node.message('sms', { channel: 'sms' }), node.timer('d', { type: 'delay', duration: { amount: 2, unit: 'days' } }), node.message('email', { channel: 'email' }), node.goal('done')],
      ['t.out>sms', 'sms.out>d', 'd.out>email', 'email.out>done'],
    ),
  ];
  const settings = defaultSimulationSettings(PROPERTY_PERIOD.from, PROPERTY_PERIOD.to, 'UTC');
  const startTs = Date.parse(`${PROPERTY_PERIOD.from}T00:00:00Z`);

  it('dropping every row before `from` but the unsubscribes changes nothing for chains that read no history', () => {
    fc.assert(
      fc.property(populationArbitrary(), ({ customers, events: rows }) => {
        const kept = rows.filter((row) => Number(row.at) >= startTs || row.type === 'unsubscribe');
        const all = simulate(testData(customers, rows), chains, settings, { isTraced: () => true }).sums;
        const inPeriod = simulate(testData(customers, kept), chains, settings, { isTraced: () => true }).sums;
        expect(all).toEqual(inPeriod);
      }),
      { numRuns: Number(process.env.SIMULATION_PROPERTY_RUNS ?? 60) },
    );
  });
});
