import { allOf, anyOf, between, compare, events } from '../conditions/build';
import type { ConditionGroup, LeafCondition } from '../conditions/types';
import { LIFECYCLE_STATUSES } from '../journey/lifecycle';
import type { Random } from '../random';
import { createChain } from './chain';
import { layoutTopDown } from './layout';
import { NODE_MODULES, outPorts } from './nodes/registry';
import { MESSAGE_CHANNELS, OFFER_TYPES, type Chain, type ChainNode, type ChainSettings, type Duration, type MessageNode, type TimerRule, type TriggerRule, type Weekday } from './types';

/**
 * Random valid chains for property tests (the validator, restore, the canvas converter, the
 * simulator's invariants): every node kind and option, every out-port with exactly one edge,
 * every node reachable, loops only through timers. Built from a seeded `Random`, so a failing
 * case is reproduced from its seed.
 */
export interface RandomChainOptions {
  /** the chain stops growing here (goals close the open ports) */
  maxNodes?: number;
  /** no path ends (no goal, no merge) before the chain has this many nodes */
  minNodes?: number;
  eventTypes?: readonly string[];
  segments?: readonly string[];
  stages?: readonly string[];
  allowLoops?: boolean;
}

const DEFAULT_TYPES = ['cart_add', 'order', 'product_view', 'email_open', 'checkout', 'subscribe'];
const DEFAULT_SEGMENTS = ['champions', 'loyal', 'atRisk', 'lost'];
const DEFAULT_STAGES = ['awareness', 'interest', 'consideration', 'purchase', 'retention'];
const ZONES = ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Tokyo'];

interface Context {
  random: Random;
  types: readonly string[];
  segments: readonly string[];
  stages: readonly string[];
}

function someTypes(context: Context, max = 2): string[] {
  const count = context.random.int(1, max);
  return [...new Set(Array.from({ length: count }, () => context.random.pick(context.types)))];
}

function duration(context: Context): Duration {
  const { random } = context;
  return random.chance(0.5) ? { amount: random.int(1, 72), unit: 'hours' } : { amount: random.int(1, 14), unit: 'days' };
}

function time(random: Random, from: number, to: number): string {
  const minutes = random.int(from, to) * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function leaf(context: Context): LeafCondition {
  const { random } = context;
  const kinds: (() => LeafCondition)[] = [
    () => ({ type: 'field', field: random.pick(['city', 'gender', 'attrs.loyalty_tier']), op: 'eq', values: [random.pick(['Москва', 'female', 'gold'])] }),
    () => ({ type: 'consent', channel: random.pick(['email', 'sms', 'push'] as const), states: ['yes'] }),
    () => ({ type: 'contact', channel: random.pick(['email', 'sms', 'telegram'] as const), isPresent: random.chance(0.7) }),
    () => ({ type: 'rfmSegment', op: random.pick(['in', 'notIn'] as const), segments: [random.pick(context.segments)] }),
    () => ({ type: 'rfmScore', score: random.pick(['r', 'f', 'm', 'fm'] as const), compare: compare('gte', random.int(1, 5)) }),
    () => ({ type: 'lifecycle', op: 'in', statuses: [random.pick(LIFECYCLE_STATUSES)] }),
    () => ({ type: 'stage', op: random.pick(['in', 'notIn'] as const), stages: [random.pick(context.stages)] }),
    () => ({ type: 'eventCount', event: events(someTypes(context)), op: random.pick(['atLeast', 'atMost'] as const), count: random.int(0, 3), days: random.chance(0.2) ? null : random.int(1, 90) }),
    () => ({ type: 'eventSinceEntry', event: events(someTypes(context)), happened: random.chance(0.5) }),
    () => ({ type: 'totalSpend', compare: between(random.int(0, 1000), random.int(1000, 9000)), days: random.chance(0.5) ? null : 365 }),
    () => ({ type: 'orderCount', compare: compare(random.pick(['eq', 'gte', 'lte'] as const), random.int(0, 5)), days: null }),
    () => ({ type: 'daysSinceLastOrder', compare: compare(random.pick(['gt', 'lt'] as const), random.int(7, 180)) }),
  ];
  return random.pick(kinds)();
}

function condition(context: Context, isInChain = true): ConditionGroup {
  const items = Array.from({ length: context.random.int(1, 3) }, () => leaf(context)).filter((item) => isInChain || item.type !== 'eventSinceEntry');
  if (!items.length) items.push({ type: 'orderCount', compare: compare('gte', 1), days: null });
  if (items.length > 1 && context.random.chance(0.3)) return allOf(items[0]!, anyOf(...items.slice(1)));
  return context.random.chance(0.5) ? allOf(...items) : anyOf(...items);
}

function triggerRule(context: Context): TriggerRule {
  const { random } = context;
  switch (random.int(0, 4)) {
    case 0:
      return { type: 'event', event: events(someTypes(context), random.chance(0.3) ? [{ type: 'amount', compare: compare('gte', random.int(100, 5000)) }] : []) };
    case 1:
      return { type: 'inactivity', event: events(random.chance(0.8) ? ['order'] : []), days: random.int(7, 120) };
    case 2:
      return { type: 'date', field: random.pick(['birthDate', 'signupAt']), offsetDays: random.int(-7, 7), localTime: time(random, 16, 40), repeat: 'yearly' };
    case 3: {
      const segment = random.pick([{ type: 'rfmSegment' as const, segment: random.pick(context.segments) }, { type: 'lifecycle' as const, status: random.pick(LIFECYCLE_STATUSES) }, { type: 'stage' as const, stage: random.pick(context.stages) }]);
      return { type: 'segment', segment };
    }
    default:
      return { type: 'audience', audience: { type: 'condition', condition: condition(context, false) }, mode: 'once', at: `2025-0${random.int(1, 9)}-1${random.int(0, 9)}T${time(random, 18, 38)}` };
  }
}

function timerRule(context: Context): TimerRule {
  const { random } = context;
  const type = random.pick(['delay', 'until', 'waitFor'] as const);
  if (type === 'delay') return { type, duration: duration(context) };
  if (type === 'waitFor') return { type, event: events(someTypes(context)), timeout: duration(context) };
  const weekdays = [...new Set(Array.from({ length: random.int(1, 7) }, () => random.int(1, 7) as Weekday))].sort();
  return { type, window: { from: time(random, 14, 24), to: time(random, 25, 44), weekdays } };
}

function message(id: string, context: Context): MessageNode {
  const { random } = context;
  const channel = random.pick(MESSAGE_CHANNELS);
  const offerType = random.pick(OFFER_TYPES);
  const offer = random.chance(0.4) ? { type: offerType, value: offerType === 'discount_percent' ? random.int(5, 30) : random.int(0, 500), code: random.chance(0.5) ? 'CODE10' : '' } : null;
  const body = offer?.code ? 'Hello {{firstName|friend}}, your code {{offer.code}}' : 'Hello {{firstName|friend}}, we have news';
  return {
    ...NODE_MODULES.message.create(id, { x: 0, y: 0 }),
    channel,
    content: { subject: channel === 'email' || random.chance(0.5) ? 'News for {{firstName|you}}' : '', body },
    offer,
    cost: random.int(0, 40) / 10,
    responses: random.chance(0.3) ? { delivered: 0.95, opened: random.int(1, 9) / 10, clicked: random.int(1, 9) / 10, converted: random.int(1, 9) / 100, unsubscribed: 0.001 } : null,
    orderValue: random.chance(0.3) ? random.int(500, 5000) : null,
    onSuppressed: random.chance(0.8) ? 'continue' : 'exit',
  };
}

function newNode(kind: ChainNode['kind'], id: string, context: Context): ChainNode {
  const base = { id, position: { x: 0, y: 0 }, label: context.random.chance(0.2) ? `Step ${id}` : '' };
  const { random } = context;
  switch (kind) {
    case 'trigger':
      return { ...base, kind, trigger: triggerRule(context) };
    case 'filter':
      return { ...base, kind, condition: condition(context) };
    case 'split': {
      const count = random.int(2, 3);
      const first = random.int(1, 100 - count + 1);
      const weights = count === 2 ? [first, 100 - first] : [first, ...splitRest(random, 100 - first)];
      return { ...base, kind, branches: weights.map((weight, index) => ({ id: `b${index}`, label: `B${index}`, weight, isHoldout: index === count - 1 && random.chance(0.3) })) };
    }
    case 'timer':
      return { ...base, kind, timer: timerRule(context) };
    case 'message':
      return { ...message(id, context), label: base.label };
    case 'goal':
      return { ...base, kind, outcome: random.chance(0.7) ? 'goal' : 'exit' };
  }
}

function splitRest(random: Random, rest: number): number[] {
  const second = random.int(1, rest - 1);
  return [second, rest - second];
}

function settings(context: Context): ChainSettings {
  const { random } = context;
  return {
    reEntry: { mode: random.pick(['once', 'afterExit', 'cooldown'] as const), cooldownDays: random.int(1, 60) },
    goal: { isEnabled: random.chance(0.9), event: events('order'), attributionDays: random.int(1, 7), exitOnGoal: random.chance(0.5) },
    controlGroupPercent: random.pick([0, 0, 5, 10, 20]),
    frequencyCap: { isEnabled: random.chance(0.5), messages: random.int(1, 5), days: random.int(1, 14), window: random.pick(['rolling', 'calendar'] as const) },
    quietHours: { isEnabled: random.chance(0.7), from: time(random, 40, 46), to: time(random, 12, 20), mode: random.pick(['wait', 'drop'] as const) },
    timeZone: random.chance(0.2) ? null : random.pick(ZONES),
  };
}

const KIND_WEIGHTS: [ChainNode['kind'], number][] = [
  ['filter', 3],
  ['split', 1],
  ['timer', 4],
  ['message', 4],
  ['goal', 2],
];

/** A random chain that passes `validateChain` without errors. */
export function randomValidChain(random: Random, options: RandomChainOptions = {}): Chain {
  const context: Context = { random, types: options.eventTypes ?? DEFAULT_TYPES, segments: options.segments ?? DEFAULT_SEGMENTS, stages: options.stages ?? DEFAULT_STAGES };
  const maxNodes = options.maxNodes ?? 30;
  const chain = createChain(`random-${random.int(0, 1e9)}`, 'Random chain');
  chain.settings = settings(context);
  chain.stage = random.chance(0.7) ? random.pick(context.stages) : null;
  const order = new Map<string, number>();
  const add = (node: ChainNode): ChainNode => {
    order.set(node.id, chain.nodes.length);
    chain.nodes.push(node);
    return node;
  };
  const open: { node: ChainNode; port: string }[] = [];
  const grow = (node: ChainNode): void => void open.push(...outPorts(node).map((port) => ({ node, port: port.id })));
  for (let index = random.int(1, 2); index > 0; index--) grow(add(newNode('trigger', `t${index}`, context)));
  let counter = 0;
  while (open.length) {
    const { node: source, port } = open.shift()!;
    const isGrowing = chain.nodes.length < (options.minNodes ?? 0);
    const kinds = isGrowing ? KIND_WEIGHTS.filter(([kind]) => kind !== 'goal') : KIND_WEIGHTS;
    const kind = chain.nodes.length >= maxNodes ? 'goal' : random.weighted(kinds.map(([item]) => item), kinds.map(([, weight]) => weight));
    const target = (isGrowing ? undefined : pickTarget(source, chain, order, context, options.allowLoops ?? true)) ?? add(newNode(kind, `n${++counter}`, context));
    if (target.kind !== 'goal' && !chain.edges.some((item) => item.target === target.id)) grow(target);
    chain.edges.push({ id: `e${chain.edges.length + 1}`, source: source.id, sourcePort: port, target: target.id });
  }
  return layoutTopDown(chain);
}

/**
 * Sometimes an existing node instead of a new one: a later node (no cycle), a goal (it ends every
 * path), or — a loop — an earlier timer, so every cycle holds a timer.
 */
function pickTarget(source: ChainNode, chain: Chain, order: Map<string, number>, context: Context, allowLoops: boolean): ChainNode | undefined {
  const { random } = context;
  const at = order.get(source.id)!;
  if (random.chance(0.1)) {
    const later = chain.nodes.filter((node) => node.kind !== 'trigger' && order.get(node.id)! > at && chain.edges.some((item) => item.target === node.id));
    if (later.length) return random.pick(later);
  }
  if (random.chance(0.1)) {
    const goals = chain.nodes.filter((node) => node.kind === 'goal');
    if (goals.length) return random.pick(goals);
  }
  if (allowLoops && random.chance(0.05)) {
    const timers = chain.nodes.filter((node) => node.kind === 'timer' && order.get(node.id)! <= at);
    if (timers.length) return random.pick(timers);
  }
  return undefined;
}
