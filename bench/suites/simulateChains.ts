import { createChain, type Chain, type ChainNode } from '../../src/domain/chains';
import { allOf, events } from '../../src/domain/conditions/build';

/**
 * The two chains of the simulation benchmark, built from the model as the abandoned-cart and
 * reactivation templates are (issue 12 writes the templates; the bench switches to them when
 * they are on main): an abandoned cart (cart_add → wait for checkout/order 1 h → email → 1 day →
 * ordered since entering? → SMS) and a reactivation (no order for 60 days → email with an offer
 * → wait for an order 7 days → else a second email).
 */
const at = { x: 0, y: 0 };

function message(id: string, channel: 'email' | 'sms', cost: number): ChainNode {
  return { id, kind: 'message', position: at, label: '', channel, content: { subject: 'Hello', body: 'Hi {{firstName|there}}' }, offer: null, cost, responses: null, orderValue: null, onSuppressed: 'continue' };
}

export function abandonedCartChain(): Chain {
  const chain = createChain('abandoned-cart', 'Abandoned cart');
  chain.settings = { ...chain.settings, reEntry: { mode: 'cooldown', cooldownDays: 7 }, frequencyCap: { isEnabled: true, messages: 3, days: 7, window: 'rolling' } };
  chain.nodes = [
    { id: 'trigger', kind: 'trigger', position: at, label: '', trigger: { type: 'event', event: events('cart_add') } },
    { id: 'wait', kind: 'timer', position: at, label: '', timer: { type: 'waitFor', event: events(['checkout', 'order']), timeout: { amount: 1, unit: 'hours' } } },
    { id: 'bought', kind: 'goal', position: at, label: '', outcome: 'goal' },
    message('email', 'email', 0.1),
    { id: 'delay', kind: 'timer', position: at, label: '', timer: { type: 'delay', duration: { amount: 1, unit: 'days' } } },
    { id: 'filter', kind: 'filter', position: at, label: '', condition: allOf({ type: 'eventSinceEntry', event: events('order'), happened: true }) },
    { id: 'converted', kind: 'goal', position: at, label: '', outcome: 'goal' },
    message('sms', 'sms', 3),
    { id: 'done', kind: 'goal', position: at, label: '', outcome: 'goal' },
  ];
  chain.edges = [
    ['trigger', 'out', 'wait'],
    ['wait', 'happened', 'bought'],
    ['wait', 'timeout', 'email'],
    ['email', 'out', 'delay'],
    ['delay', 'out', 'filter'],
    ['filter', 'yes', 'converted'],
    ['filter', 'no', 'sms'],
    ['sms', 'out', 'done'],
  ].map(([source, sourcePort, target]) => ({ id: `${source}-${sourcePort}`, source: source!, sourcePort: sourcePort!, target: target! }));
  return chain;
}

export function reactivationChain(): Chain {
  const chain = createChain('reactivation', 'Reactivation');
  chain.settings = { ...chain.settings, reEntry: { mode: 'afterExit', cooldownDays: 30 }, goal: { ...chain.settings.goal, attributionDays: 7 }, frequencyCap: { isEnabled: true, messages: 3, days: 7, window: 'rolling' } };
  chain.nodes = [
    { id: 'trigger', kind: 'trigger', position: at, label: '', trigger: { type: 'inactivity', event: events('order'), days: 60 } },
    message('email', 'email', 0.1),
    { id: 'wait', kind: 'timer', position: at, label: '', timer: { type: 'waitFor', event: events('order'), timeout: { amount: 7, unit: 'days' } } },
    { id: 'back', kind: 'goal', position: at, label: '', outcome: 'goal' },
    message('email2', 'email', 0.1),
    { id: 'done', kind: 'goal', position: at, label: '', outcome: 'exit' },
  ];
  chain.edges = [
    ['trigger', 'out', 'email'],
    ['email', 'out', 'wait'],
    ['wait', 'happened', 'back'],
    ['wait', 'timeout', 'email2'],
    ['email2', 'out', 'done'],
  ].map(([source, sourcePort, target]) => ({ id: `${source}-${sourcePort}`, source: source!, sourcePort: sourcePort!, target: target! }));
  return chain;
}
