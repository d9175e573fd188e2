import { describe, expect, it } from 'vitest';
import { allOf, compare, events } from '../../conditions/build';
import { days, hours } from '../localTime';
import { everyOptionChain, workedExampleChain } from '../testing';
import { NODE_KINDS, type ChainNode, type MessageNode, type SplitNode, type TimerNode, type TriggerNode } from '../types';
import { defaultTimerRule } from './timer';
import { defaultTriggerRule } from './trigger';
import { createNode, hasInput, NODE_MODULES, nodeOperations, nodeSchema, nodeSummary, outPorts } from './registry';

const at = { x: 10, y: 20 };

function summary(node: ChainNode): string {
  const text = nodeSummary(node);
  return `${text.en} | ${text.ru}`;
}

function issues(node: ChainNode): string[] {
  return nodeOperations(node).validate().map((item) => `${item.severity} ${item.code} ${item.path ?? ''}: ${item.message.en}`);
}

describe('node registry', () => {
  it('has a module for every kind, and each new node fits its own schema', () => {
    expect(Object.keys(NODE_MODULES)).toEqual([...NODE_KINDS]);
    for (const kind of NODE_KINDS) {
      const node = createNode(kind, `${kind}-1`, at);
      expect(node.kind).toBe(kind);
      expect(node.position).toEqual(at);
      expect(nodeSchema(kind).safeParse(node).success).toBe(true);
      expect(NODE_MODULES[kind].name.ru).not.toBe('');
    }
  });

  it('gives the ports of simulation.md', () => {
    const ports = (node: ChainNode) => outPorts(node).map((port) => port.id);
    expect(ports(createNode('trigger', 't', at))).toEqual(['out']);
    expect(ports(createNode('filter', 'f', at))).toEqual(['yes', 'no']);
    expect(ports(createNode('split', 's', at))).toEqual(['a', 'b']);
    expect(ports(createNode('timer', 'd', at))).toEqual(['out']);
    expect(ports({ ...(createNode('timer', 'w', at) as TimerNode), timer: defaultTimerRule('waitFor') })).toEqual(['happened', 'timeout']);
    expect(ports({ ...(createNode('timer', 'u', at) as TimerNode), timer: defaultTimerRule('until') })).toEqual(['out']);
    expect(ports(createNode('message', 'm', at))).toEqual(['out']);
    expect(ports(createNode('goal', 'g', at))).toEqual([]);
    expect(NODE_KINDS.filter((kind) => !hasInput(kind))).toEqual(['trigger']);
    const holdout = everyOptionChain().nodes.find((node) => node.kind === 'split')!;
    expect(outPorts(holdout).map((port) => [port.id, port.isHoldout])).toEqual([['a', false], ['b', false], ['holdout', true]]);
  });

  it('every node of the test chains passes its schema and its own rules', () => {
    for (const node of [...everyOptionChain().nodes, ...workedExampleChain().nodes]) {
      expect(nodeSchema(node.kind).safeParse(node).success, node.id).toBe(true);
      expect(issues(node).filter((line) => line.startsWith('error')), node.id).toEqual([]);
    }
  });
});

describe('summaries say what a node does, in English and Russian', () => {
  const worked = workedExampleChain();
  const byId = (id: string) => worked.nodes.find((node) => node.id === id)!;

  it('for the worked example', () => {
    expect(summary(byId('trigger'))).toBe('Customer does cart_add | Клиент совершает cart_add');
    expect(summary(byId('wait'))).toBe('Wait up to 1 hour for checkout or order | Ждать checkout или order, максимум 1 час');
    expect(summary(byId('email'))).toBe('Email · "Вы забыли товар" | Email · «Вы забыли товар»');
    expect(summary(byId('delay'))).toBe('Wait 1 day | Ждать 1 день');
    expect(summary(byId('filter'))).toBe('If did order since entering the chain | Если было событие order после входа в цепочку');
    expect(summary(byId('G1'))).toBe('Goal reached | Цель достигнута');
  });

  it('for every trigger type', () => {
    const trigger = (rule: TriggerNode['trigger']): TriggerNode => ({ id: 't', kind: 'trigger', position: at, label: '', trigger: rule });
    expect(summary(trigger({ type: 'event', event: events('order', [{ type: 'amount', compare: compare('gte', 5000) }]) }))).toBe('Customer does order (amount ≥ 5,000) | Клиент совершает order (сумма ≥ 5 000)');
    expect(summary(trigger({ type: 'inactivity', event: events('order'), days: 30 }))).toBe('No order for 30 days | Нет события order 30 дней');
    expect(summary(trigger({ type: 'inactivity', event: events([]), days: 21 }))).toBe('No activity for 21 days | Нет активности 21 день');
    expect(summary(trigger({ type: 'date', field: 'birthDate', offsetDays: -3, localTime: '10:00', repeat: 'yearly' }))).toBe(
      '3 days before the birth date, at 10:00, every year | За 3 дня до даты «дата рождения», в 10:00, каждый год',
    );
    expect(summary(trigger({ type: 'segment', segment: { type: 'rfmSegment', segment: 'atRisk' } }))).toBe('Enters the RFM segment At risk | Попадает в RFM-сегмент «В зоне риска»');
    expect(summary(trigger({ type: 'segment', segment: { type: 'lifecycle', status: 'at_risk' } }))).toBe('Becomes at_risk (lifecycle) | Переходит в статус «at_risk»');
    expect(summary(trigger({ type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'orderCount', compare: compare('eq', 0), days: null }) }, mode: 'once', at: '2025-03-10T10:00' }))).toBe(
      'Once, 2025-03-10 10:00: customers where orders ever = 0 | Один раз, 2025-03-10 10:00: клиенты, у которых число заказов за всё время = 0',
    );
    expect(summary(trigger({ type: 'audience', audience: { type: 'saved', audienceId: 'a1', name: 'VIP' }, mode: 'joins', at: '2025-03-10T10:00' }))).toBe(
      'Joins the audience "VIP" (checked daily) | Входит в аудиторию «VIP» (проверка ежедневно)',
    );
    expect(summary(trigger({ type: 'audience', audience: { type: 'condition', condition: allOf({ type: 'orderCount', compare: compare('gte', 2), days: null }) }, mode: 'joins', at: '2025-03-10T10:00' }))).toBe(
      'Starts to match (checked daily): orders ever ≥ 2 | Начинает подходить под условие (проверка ежедневно): число заказов за всё время ≥ 2',
    );
    expect(summary(trigger(defaultTriggerRule('event')))).toBe('Event: choose one | Событие: выберите');
  });

  it('for splits, timers and messages', () => {
    expect(summary(everyOptionChain().nodes.find((node) => node.kind === 'split')!)).toBe('Split: A 45 % · B 45 % · Holdout (holdout) 10 % | Сплит: A 45 % · B 45 % · Holdout (контроль) 10 %');
    const timer = (rule: TimerNode['timer']): TimerNode => ({ id: 'x', kind: 'timer', position: at, label: '', timer: rule });
    expect(summary(timer({ type: 'delay', duration: days(3) }))).toBe('Wait 3 days | Ждать 3 дня');
    expect(summary(timer({ type: 'delay', duration: hours(5) }))).toBe('Wait 5 hours | Ждать 5 часов');
    expect(summary(timer({ type: 'until', window: { from: '10:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] } }))).toBe('Wait until 10:00–20:00, Mon–Fri | Ждать окна 10:00–20:00, пн–пт');
    expect(summary(timer({ type: 'until', window: { from: '09:00', to: '12:00', weekdays: [6, 7] } }))).toBe('Wait until 09:00–12:00, Sat, Sun | Ждать окна 09:00–12:00, сб, вс');
    const email = everyOptionChain().nodes.find((node) => node.id === 'm_email')!;
    expect(summary(email)).toBe('Email · "{{firstName|Friend}}, you left somethin…" · −10 % | Email · «{{firstName|Friend}}, you left somethin…» · −10 %');
    expect(summary({ ...(createNode('message', 'm', at) as MessageNode), channel: null })).toBe('Message · choose a channel | Сообщение · выберите канал');
    expect(summary(createNode('message', 'm', at))).toBe('Email · no text yet | Email · текста пока нет');
  });
});

describe('node rules', () => {
  it('trigger: an event trigger needs an event; a date trigger a date field', () => {
    expect(issues(createNode('trigger', 't', at))).toEqual(['error trigger_incomplete trigger.event.types: Choose the event that starts the chain.']);
    const date = { ...(createNode('trigger', 't', at) as TriggerNode), trigger: { ...(defaultTriggerRule('date') as Extract<TriggerNode['trigger'], { type: 'date' }>), field: 'city' } };
    expect(issues(date)).toEqual([expect.stringMatching(/^error trigger_incomplete trigger.field: Choose a date field/)]);
    expect(issues({ ...date, trigger: { ...date.trigger, field: 'attrs.card_expires' } })).toEqual([]);
    const audience = { ...date, trigger: defaultTriggerRule('audience', '2025-01-01T10:00') };
    expect(issues(audience)).toEqual(['error trigger_incomplete trigger.audience.condition: No condition yet: add at least one.']);
  });

  it('trigger: an audience trigger stored before the join mode existed reads as a one-off send; an unknown mode is refused', () => {
    const stored = { id: 't', kind: 'trigger', position: at, label: '', trigger: { type: 'audience', audience: { type: 'saved', audienceId: 'a1', name: 'VIP' }, at: '2025-03-10T10:00' } };
    const parsed = nodeSchema('trigger').safeParse(stored);
    expect(parsed.success && parsed.data.kind === 'trigger' && parsed.data.trigger.type === 'audience' && parsed.data.trigger.mode).toBe('once');
    expect(nodeSchema('trigger').safeParse({ ...stored, trigger: { ...stored.trigger, mode: 'joins' } }).success).toBe(true);
    expect(nodeSchema('trigger').safeParse({ ...stored, trigger: { ...stored.trigger, mode: 'weekly' } }).success).toBe(false);
  });

  it('filter: no conditions is its own finding', () => {
    expect(issues(createNode('filter', 'f', at))).toEqual(['error filter_no_conditions condition: A filter without conditions: add at least one.']);
  });

  it('split: weights must add up to 100, ids be unique, two branches at least', () => {
    const split = createNode('split', 's', at) as SplitNode;
    expect(issues(split)).toEqual([]);
    const uneven: SplitNode = { ...split, branches: [{ ...split.branches[0]!, weight: 60 }, { ...split.branches[1]!, weight: 30 }] };
    expect(issues(uneven)).toEqual(['error split_weights branches: Branch weights add up to 90 %, not 100 %.']);
    const clash: SplitNode = { ...split, branches: [split.branches[0]!, { ...split.branches[1]!, id: 'a' }] };
    expect(issues(clash)).toEqual(['error split_branches branches.1.id: Two branches share the id "a".']);
    expect(issues({ ...split, branches: [{ ...split.branches[0]!, weight: 100 }] })).toEqual(['error split_branches branches: A split needs at least two branches.']);
  });

  it('timer: an until window starts before it ends and has weekdays', () => {
    const until = { ...(createNode('timer', 'u', at) as TimerNode), timer: { type: 'until' as const, window: { from: '20:00', to: '10:00', weekdays: [] } } };
    expect(issues(until).map((line) => line.split(':')[0])).toEqual(['error timer_incomplete timer.window', 'error timer_incomplete timer.window.weekdays']);
  });

  it('message: channel, subject and text; fields well formed and known; offer fields need an offer', () => {
    const blank = createNode('message', 'm', at) as MessageNode;
    expect(issues({ ...blank, channel: null }).map((line) => line.split(' ')[1])).toEqual(['message_no_channel', 'message_no_content']);
    expect(issues(blank).map((line) => line.split(':')[0])).toEqual(['error message_no_content content.subject', 'error message_no_content content.body']);
    const sms: MessageNode = { ...blank, channel: 'sms', content: { subject: '', body: 'Привет, {{firstName|друг}! {{first_name}} {{offer.code}} {{nope}}' } };
    expect(issues(sms)).toEqual([
      'error message_field content.body: A field is not closed: "{{firstName|друг}!" needs "}}".',
      'error message_field content.body: Unknown field {{first_name}}: use a profile field (firstName, city …), attrs.<column> or offer.code. Did you mean {{firstName}}?',
      'error message_offer content.body: The text uses {{offer.code}} but the message has no offer.',
      'error message_field content.body: Unknown field {{nope}}: use a profile field (firstName, city …), attrs.<column> or offer.code.',
    ]);
    const long: MessageNode = { ...blank, channel: 'sms', content: { subject: '', body: 'Ж'.repeat(71) } };
    expect(issues(long)).toEqual(['warning message_no_content content.body: This SMS is sent as 2 parts; its cost per message should count all of them.']);
  });
});
