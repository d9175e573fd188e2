import { buildCustomerBlocks } from '../columnar/customerBlock';
import { buildEventBlocks } from '../columnar/eventBlock';
import { allOf, anyOf, between, compare, events } from '../conditions/build';
import { buildWorkspaceVocabulary, type WorkspaceVocabulary } from '../conditions/vocabulary';
import { generateDemoDataset } from '../demo/generator';
import { computeDataQuality } from '../quality/dataQuality';
import { createChain } from './chain';
import { layoutTopDown } from './layout';
import { NODE_MODULES } from './nodes/registry';
import { days, hours } from './localTime';
import type { Chain, ChainEdge, ChainNode, MessageNode } from './types';

/**
 * Chains for tests (and the simulator's tests): the worked example of simulation.md, and a
 * chain that uses every node kind and every option once. The frozen version-1 files in
 * fixtures/v1 were written from these; restore.test.ts keeps them readable forever.
 */
export function edge(source: string, sourcePort: string, target: string): ChainEdge {
  return { id: `${source}-${sourcePort}-${target}`, source, sourcePort, target };
}

function message(id: string, fields: Partial<MessageNode> & Pick<MessageNode, 'channel'>): MessageNode {
  return { ...NODE_MODULES.message.create(id, { x: 0, y: 0 }), cost: 0, ...fields };
}

const at = { x: 0, y: 0 };

/**
 * simulation.md "Worked example": abandoned cart, Europe/Moscow, exit on goal off, re-entry
 * 7 days after leaving, goal `order` within 3 days, quiet hours 22:00–09:00 (wait), cap 3 / 7 days.
 */
export function workedExampleChain(): Chain {
  const chain = createChain('abandoned-cart-example', 'Abandoned cart (worked example)');
  chain.settings = {
    reEntry: { mode: 'cooldown', cooldownDays: 7 },
    goal: { isEnabled: true, event: events('order'), attributionDays: 3, exitOnGoal: false },
    controlGroupPercent: 0,
    frequencyCap: { isEnabled: true, messages: 3, days: 7, window: 'rolling' },
    quietHours: { isEnabled: true, from: '22:00', to: '09:00', mode: 'wait' },
    timeZone: 'Europe/Moscow',
  };
  chain.stage = 'consideration';
  const nodes: ChainNode[] = [
    { id: 'trigger', kind: 'trigger', position: at, label: '', trigger: { type: 'event', event: events('cart_add') } },
    { id: 'wait', kind: 'timer', position: at, label: '', timer: { type: 'waitFor', event: events(['checkout', 'order']), timeout: hours(1) } },
    { id: 'G1', kind: 'goal', position: at, label: 'G1', outcome: 'goal' },
    message('email', { channel: 'email', content: { subject: 'Вы забыли товар', body: '{{firstName|Здравствуйте}}, товары ждут вас в корзине.' }, cost: 0.5, onSuppressed: 'continue' }),
    { id: 'delay', kind: 'timer', position: at, label: '', timer: { type: 'delay', duration: days(1) } },
    { id: 'filter', kind: 'filter', position: at, label: '', condition: allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }) },
    { id: 'G2', kind: 'goal', position: at, label: 'G2', outcome: 'goal' },
    message('sms', { channel: 'sms', content: { subject: '', body: 'Товары в корзине ждут вас. Оформите заказ сегодня!' }, cost: 3 }),
    { id: 'G3', kind: 'goal', position: at, label: 'G3', outcome: 'goal' },
  ];
  chain.nodes = nodes;
  chain.edges = [
    edge('trigger', 'out', 'wait'),
    edge('wait', 'happened', 'G1'),
    edge('wait', 'timeout', 'email'),
    edge('email', 'out', 'delay'),
    edge('delay', 'out', 'filter'),
    edge('filter', 'yes', 'G2'),
    edge('filter', 'no', 'sms'),
    edge('sms', 'out', 'G3'),
  ];
  return layoutTopDown(chain);
}

function everyTrigger(): ChainNode[] {
  return [
    { id: 't_event', kind: 'trigger', position: at, label: 'Big cart', trigger: { type: 'event', event: events('cart_add', [{ type: 'amount', compare: compare('gte', 1000) }, { type: 'prop', key: 'category', op: 'eq', values: ['shoes', 'bags'] }]) } },
    { id: 't_inactive', kind: 'trigger', position: at, label: '', trigger: { type: 'inactivity', event: events('order'), days: 30 } },
    { id: 't_quiet', kind: 'trigger', position: at, label: '', trigger: { type: 'inactivity', event: events([]), days: 14 } },
    { id: 't_birthday', kind: 'trigger', position: at, label: '', trigger: { type: 'date', field: 'birthDate', offsetDays: -3, localTime: '10:00', repeat: 'yearly' } },
    { id: 't_anniversary', kind: 'trigger', position: at, label: '', trigger: { type: 'date', field: 'signupAt', offsetDays: 0, localTime: '12:30', repeat: 'yearly' } },
    { id: 't_card', kind: 'trigger', position: at, label: '', trigger: { type: 'date', field: 'attrs.card_expires', offsetDays: -7, localTime: '09:00', repeat: 'once' } },
    { id: 't_rfm', kind: 'trigger', position: at, label: '', trigger: { type: 'segment', segment: { type: 'rfmSegment', segment: 'atRisk' } } },
    { id: 't_lifecycle', kind: 'trigger', position: at, label: '', trigger: { type: 'segment', segment: { type: 'lifecycle', status: 'at_risk' } } },
    { id: 't_stage', kind: 'trigger', position: at, label: '', trigger: { type: 'segment', segment: { type: 'stage', stage: 'consideration' } } },
    {
      id: 't_audience',
      kind: 'trigger',
      position: at,
      label: '',
      trigger: { type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'rfmSegment', op: 'in', segments: ['champions'] }) }, mode: 'once', at: '2025-03-10T10:00' },
    },
    { id: 't_saved', kind: 'trigger', position: at, label: '', trigger: { type: 'audience', audience: { type: 'saved', audienceId: 'aud-1', name: 'VIP Moscow' }, mode: 'once', at: '2025-03-11T11:00' } },
  ];
}

function everyConditionFilter(): ChainNode {
  return {
    id: 'f_all',
    kind: 'filter',
    position: at,
    label: 'Every condition',
    condition: allOf(
      { type: 'field', field: 'city', op: 'eq', values: ['Москва', 'Казань'] },
      { type: 'field', field: 'attrs.loyalty_level', op: 'isSet', values: [] },
      { type: 'field', field: 'birthDate', op: 'lt', values: ['2000-01-01'] },
      { type: 'consent', channel: 'email', states: ['yes'] },
      { type: 'contact', channel: 'sms', isPresent: true },
      { type: 'rfmSegment', op: 'in', segments: ['champions', 'loyal'] },
      { type: 'rfmScore', score: 'r', compare: compare('gte', 4) },
      { type: 'rfmScore', score: 'fm', compare: between(3, 5) },
      { type: 'lifecycle', op: 'in', statuses: ['active', 'new'] },
      { type: 'stage', op: 'notIn', stages: ['advocacy'] },
      anyOf(
        { type: 'eventCount', event: events('cart_add'), op: 'atLeast', count: 2, days: 30 },
        { type: 'eventCount', event: events('email_open', [{ type: 'prop', key: 'campaign', op: 'contains', values: ['sale'] }]), op: 'atMost', count: 0, days: null },
      ),
      { type: 'eventSinceEntry', event: events('order'), happened: false },
      { type: 'totalSpend', compare: between(1000, 5000), days: 365 },
      { type: 'orderCount', compare: compare('gte', 1), days: null },
      { type: 'daysSinceLastOrder', compare: compare('lt', 90) },
    ),
  };
}

function everyMessage(): ChainNode[] {
  return [
    message('m_email', {
      channel: 'email',
      content: { subject: '{{firstName|Friend}}, you left something behind', body: 'Your cart is waiting. Use {{offer.code}} for 10 % off in {{city|your city}}.' },
      offer: { type: 'discount_percent', value: 10, code: 'CART10' },
      cost: 0.5,
      responses: { delivered: 0.97, opened: 0.25, clicked: 0.1, converted: 0.05, unsubscribed: 0.003 },
      orderValue: 2500,
    }),
    message('m_push', { channel: 'push', content: { subject: 'Bonus points', body: '+300 points are waiting for you' }, offer: { type: 'bonus_points', value: 300, code: '' } }),
    message('m_whatsapp', { channel: 'whatsapp', content: { subject: '', body: '{{firstName|Hi}}, 500 off your next order: {{offer.code}}' }, offer: { type: 'discount_amount', value: 500, code: 'WA500' }, cost: 4 }),
    message('m_telegram', { channel: 'telegram', content: { subject: '', body: 'Free shipping on your next order' }, offer: { type: 'free_shipping', value: 0, code: '' } }),
    message('m_inapp', { channel: 'in_app', content: { subject: 'A gift for you', body: 'Open the app to pick your gift' }, offer: { type: 'gift', value: 0, code: '' }, onSuppressed: 'exit' }),
    message('m_sms', { channel: 'sms', content: { subject: '', body: 'Скидка 10% до пятницы' }, cost: 3 }),
  ];
}

/** Every node kind, trigger type, condition type, timer type, channel and offer type, with non-default settings. */
export function everyOptionChain(): Chain {
  const chain = createChain('every-option', 'Every option');
  chain.stage = 'consideration';
  chain.description = 'Uses every node kind and option once (a test fixture).';
  chain.settings = {
    reEntry: { mode: 'cooldown', cooldownDays: 14 },
    goal: { isEnabled: true, event: events('order', [{ type: 'amount', compare: compare('gt', 0) }]), attributionDays: 5, exitOnGoal: true },
    controlGroupPercent: 10,
    frequencyCap: { isEnabled: true, messages: 3, days: 7, window: 'calendar' },
    quietHours: { isEnabled: true, from: '21:30', to: '08:30', mode: 'drop' },
    timeZone: 'Europe/Moscow',
  };
  const triggers = everyTrigger();
  chain.nodes = [
    ...triggers,
    everyConditionFilter(),
    { id: 's_ab', kind: 'split', position: at, label: '', branches: [
      { id: 'a', label: 'A', weight: 45, isHoldout: false },
      { id: 'b', label: 'B', weight: 45, isHoldout: false },
      { id: 'holdout', label: 'Holdout', weight: 10, isHoldout: true },
    ] },
    { id: 'w_checkout', kind: 'timer', position: at, label: '', timer: { type: 'waitFor', event: events(['checkout', 'order'], [{ type: 'amount', compare: compare('gt', 0) }]), timeout: hours(1) } },
    { id: 'u_window', kind: 'timer', position: at, label: '', timer: { type: 'until', window: { from: '10:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] } } },
    { id: 'd_day', kind: 'timer', position: at, label: '', timer: { type: 'delay', duration: days(1) } },
    ...everyMessage(),
    { id: 'g_bought', kind: 'goal', position: at, label: 'Bought', outcome: 'goal' },
    { id: 'g_done', kind: 'goal', position: at, label: '', outcome: 'goal' },
    { id: 'x_holdout', kind: 'goal', position: at, label: 'Holdout', outcome: 'exit' },
    { id: 'x_no', kind: 'goal', position: at, label: '', outcome: 'exit' },
  ];
  chain.edges = [
    ...triggers.map((trigger) => edge(trigger.id, 'out', 'f_all')),
    edge('f_all', 'yes', 's_ab'),
    edge('f_all', 'no', 'x_no'),
    edge('s_ab', 'a', 'w_checkout'),
    edge('s_ab', 'b', 'u_window'),
    edge('s_ab', 'holdout', 'x_holdout'),
    edge('w_checkout', 'happened', 'g_bought'),
    edge('w_checkout', 'timeout', 'm_email'),
    edge('m_email', 'out', 'd_day'),
    edge('d_day', 'out', 'm_push'),
    edge('m_push', 'out', 'm_whatsapp'),
    edge('m_whatsapp', 'out', 'm_telegram'),
    edge('m_telegram', 'out', 'm_inapp'),
    edge('m_inapp', 'out', 'g_done'),
    edge('u_window', 'out', 'm_sms'),
    edge('m_sms', 'out', 'g_done'),
  ];
  chain.notes = [{ id: 'note-1', text: 'Holdout: 10 % receive nothing, to measure the lift.', position: { x: 600, y: 300 }, width: 220, height: 90 }];
  return layoutTopDown(chain);
}

/**
 * The vocabulary of a demo workspace (the seeded generator's data, as the app's demo workspace
 * has it), built the way the app builds it: columns → data-quality scan → vocabulary.
 */
export function demoVocabulary(customers = 1500, seed = 42): WorkspaceVocabulary {
  const dataset = generateDemoDataset({ customers, seed });
  const index = new Map(dataset.customers.map((customer, position) => [customer.id, position]));
  const types = [...new Set(dataset.events.map((event) => event.type))].sort();
  const typeIndex = new Map(types.map((type, position) => [type, position]));
  const events = buildEventBlocks(dataset.events.map((event) => ({ customer: index.get(event.customerId)!, type: typeIndex.get(event.type)!, ts: event.ts, amount: event.amount, props: event.props })));
  const quality = computeDataQuality(buildCustomerBlocks(dataset.customers), events, types, 'UTC', '2030-01-01');
  return buildWorkspaceVocabulary({ quality });
}
