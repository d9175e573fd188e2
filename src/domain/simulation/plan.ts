import { buildChainGraph, CHANNEL_CONSENT, CHANNEL_RESPONSE_EVENTS, durationMs, effectiveResponses, minutesOfDay, MESSAGE_CHANNELS, outPorts } from '../chains';
import type { Chain, ChainNode, MessageChannel, ResponseRates, TriggerRule } from '../chains';
import { compileCondition, compileEventMatch, eventTypeTable, type CompiledCondition, type CompiledEventMatch, type EventTypeTable } from '../conditions';
import { CONSENT_CHANNELS, ORDER_EVENT, RETURN_EVENT } from '../model';
import { hashString } from '../random';
import { DAY_MS } from '../time';
import { compileTrigger, isDailyTrigger, type RuntimeTrigger } from './triggers';
import { simulationPeriod, type SimulationPeriod, type SimulationSettings } from './settings';
import { toUnits } from './money';

/**
 * A run's chains compiled once for the customer loop: nodes by index with the next node and
 * edge of every port, conditions and event matches compiled against the event-type table,
 * settings turned into milliseconds and minutes, and per event type what can react to it (so
 * an event nothing cares about costs one table read).
 */
export const UNSUBSCRIBE_EVENT = 'unsubscribe';

/** What an event type can do: bit flags of `SimulationPlan.interest`. */
export const INTEREST = { trigger: 1, wait: 2, goal: 4, inactivity: 8, unsubscribe: 16 } as const;

export interface RuntimeMessage {
  channel: MessageChannel | null;
  channelIndex: number;
  /** index of the channel's consent in CONSENT_CHANNELS (its bit in revokedConsents); −1 when it needs none or has no channel */
  consentIndex: number;
  costUnits: number;
  rates: ResponseRates | null;
  /** the node's own projected order value, NaN = none */
  orderValue: number;
  isExitOnSuppressed: boolean;
  openedType: number;
  clickedType: number;
}

/**
 * What a node does when a customer arrives — its kind, and a timer's type — as one small integer:
 * the customer loop switches on it rather than comparing strings.
 */
export const STEP = { trigger: 0, filter: 1, split: 2, delay: 3, until: 4, waitFor: 5, message: 6, goal: 7 } as const;
export type Step = (typeof STEP)[keyof typeof STEP];

function stepOf(node: ChainNode): Step {
  return node.kind === 'timer' ? STEP[node.timer.type] : STEP[node.kind];
}

export interface RuntimeNode {
  index: number;
  id: string;
  node: ChainNode;
  step: Step;
  key: number;
  ports: string[];
  /** per port: the next node's index, −1 for none */
  next: Int32Array;
  /** per port: the edge's index, −1 for none */
  edge: Int32Array;
  trigger: RuntimeTrigger | null;
  condition: CompiledCondition | null;
  waitFor: CompiledEventMatch | null;
  /** delay / wait-for timeout */
  durationMs: number;
  window: { fromMinute: number; toMinute: number; weekdays: boolean[] } | null;
  split: { cumulative: number[]; isHoldout: boolean[] } | null;
  message: RuntimeMessage | null;
}

export interface RuntimeChain {
  index: number;
  id: string;
  name: string;
  key: number;
  chain: Chain;
  timeZone: string;
  nodes: RuntimeNode[];
  edgeIds: string[];
  triggers: RuntimeNode[];
  goal: CompiledEventMatch | null;
  attributionMs: number;
  isExitOnGoal: boolean;
  reEntry: Chain['settings']['reEntry']['mode'];
  cooldownMs: number;
  controlFraction: number;
  cap: { messages: number; days: number; isCalendar: boolean } | null;
  quiet: { fromMinute: number; toMinute: number; isDrop: boolean } | null;
}

export interface SimulationPlan {
  settings: SimulationSettings;
  period: SimulationPeriod;
  chains: RuntimeChain[];
  /** the data's event types, then the types only projected events have */
  types: EventTypeTable;
  dataTypeCount: number;
  orderType: number;
  unsubscribeType: number;
  interest: Uint8Array;
  /** per event type: the event triggers it can fire, as chain, node, chain, node … */
  triggersByType: number[][];
  /** whether conditions or segment triggers read RFM / journey state */
  needsSegments: boolean;
  /** whether any chain has a trigger checked at every local midnight (segment entry, joining an audience) */
  hasDailyTriggers: boolean;
  /** the longest attribution window of the chains */
  maxAttributionMs: number;
  /** things the run could not do as asked (a saved audience that is not available …), in plain words */
  warnings: string[];
}

function extendedTypes(eventTypes: readonly string[]): string[] {
  const names = [...eventTypes];
  const add = (name: string | null) => {
    if (name && !names.includes(name)) names.push(name);
  };
  for (const channel of MESSAGE_CHANNELS) {
    add(CHANNEL_RESPONSE_EVENTS[channel].opened);
    add(CHANNEL_RESPONSE_EVENTS[channel].clicked);
  }
  add(ORDER_EVENT);
  add(RETURN_EVENT);
  add(UNSUBSCRIBE_EVENT);
  return names;
}

function consentIndexOf(channel: MessageChannel | null): number {
  const consent = channel ? CHANNEL_CONSENT[channel] : null;
  return consent ? CONSENT_CHANNELS.indexOf(consent) : -1;
}

function compileMessage(node: Extract<ChainNode, { kind: 'message' }>, types: EventTypeTable): RuntimeMessage {
  const channel = node.channel;
  const responses = channel ? CHANNEL_RESPONSE_EVENTS[channel] : null;
  return {
    channel,
    channelIndex: channel ? MESSAGE_CHANNELS.indexOf(channel) : -1,
    consentIndex: consentIndexOf(channel),
    costUnits: toUnits(node.cost),
    rates: effectiveResponses(node),
    orderValue: node.orderValue ?? Number.NaN,
    isExitOnSuppressed: node.onSuppressed === 'exit',
    openedType: responses?.opened ? types.indexOf(responses.opened) : -1,
    clickedType: responses ? types.indexOf(responses.clicked) : -1,
  };
}

function compileNode(chain: Chain, node: ChainNode, index: number, types: EventTypeTable, settings: SimulationSettings, warnings: string[]): RuntimeNode {
  const runtime: RuntimeNode = {
    index,
    id: node.id,
    node,
    step: stepOf(node),
    key: hashString(`${chain.id}\u0000${node.id}`),
    ports: outPorts(node).map((port) => port.id),
    next: new Int32Array(0),
    edge: new Int32Array(0),
    trigger: null,
    condition: null,
    waitFor: null,
    durationMs: 0,
    window: null,
    split: null,
    message: null,
  };
  switch (node.kind) {
    case 'trigger':
      runtime.trigger = compileTrigger(chain, node.trigger as TriggerRule, types, settings, warnings);
      break;
    case 'filter':
      runtime.condition = compileCondition(node.condition, types, { audiences: settings.audiences });
      break;
    case 'split': {
      let total = 0;
      runtime.split = { cumulative: node.branches.map((branch) => (total += Math.max(branch.weight, 0))), isHoldout: node.branches.map((branch) => branch.isHoldout) };
      break;
    }
    case 'timer':
      if (node.timer.type === 'delay') runtime.durationMs = durationMs(node.timer.duration);
      else if (node.timer.type === 'waitFor') {
        runtime.durationMs = durationMs(node.timer.timeout);
        runtime.waitFor = compileEventMatch(node.timer.event, types);
      } else {
        const weekdays = Array.from({ length: 8 }, (_, day) => (node.timer.type === 'until' ? node.timer.window.weekdays.includes(day as 1) : false));
        runtime.window = { fromMinute: minutesOfDay(node.timer.window.from), toMinute: minutesOfDay(node.timer.window.to), weekdays };
      }
      break;
    case 'message':
      runtime.message = compileMessage(node, types);
      break;
    case 'goal':
      break;
  }
  return runtime;
}

function compileChain(chain: Chain, index: number, types: EventTypeTable, settings: SimulationSettings, warnings: string[]): RuntimeChain {
  const graph = buildChainGraph(chain);
  const nodes = chain.nodes.map((node, nodeIndex) => compileNode(chain, node, nodeIndex, types, settings, warnings));
  const nodeIndex = new Map<string, number>();
  nodes.forEach((node) => {
    if (!nodeIndex.has(node.id)) nodeIndex.set(node.id, node.index);
  });
  const edgeIndex = new Map(chain.edges.map((edge, at) => [edge.id, at] as const));
  for (const node of nodes) {
    node.next = Int32Array.from(node.ports, (port) => nodeIndex.get(graph.edgeFrom(node.id, port)?.target ?? '') ?? -1);
    node.edge = Int32Array.from(node.ports, (port) => {
      const edge = graph.edgeFrom(node.id, port);
      return edge && nodeIndex.has(edge.target) ? edgeIndex.get(edge.id)! : -1;
    });
  }
  const { settings: chainSettings } = chain;
  const goal = chainSettings.goal.isEnabled && chainSettings.goal.event.types.length ? compileEventMatch(chainSettings.goal.event, types) : null;
  const quiet = chainSettings.quietHours;
  const quietFrom = minutesOfDay(quiet.from);
  const quietTo = minutesOfDay(quiet.to);
  const cap = chainSettings.frequencyCap;
  return {
    index,
    id: chain.id,
    name: chain.name,
    key: hashString(chain.id),
    chain,
    timeZone: chainSettings.timeZone ?? settings.timeZone,
    nodes,
    edgeIds: chain.edges.map((edge) => edge.id),
    triggers: nodes.filter((node) => node.trigger !== null),
    goal,
    attributionMs: chainSettings.goal.attributionDays * DAY_MS,
    isExitOnGoal: goal !== null && chainSettings.goal.exitOnGoal,
    reEntry: chainSettings.reEntry.mode,
    cooldownMs: chainSettings.reEntry.cooldownDays * DAY_MS,
    controlFraction: Math.min(Math.max(chainSettings.controlGroupPercent, 0), 100) / 100,
    cap: cap.isEnabled ? { messages: cap.messages, days: cap.days, isCalendar: cap.window === 'calendar' } : null,
    quiet: quiet.isEnabled && quietFrom === quietFrom && quietTo === quietTo && quietFrom !== quietTo ? { fromMinute: quietFrom, toMinute: quietTo, isDrop: quiet.mode === 'drop' } : null,
  };
}

function markInterest(plan: SimulationPlan): void {
  const { interest, chains } = plan;
  const mark = (match: CompiledEventMatch | null, flag: number) => {
    if (!match) return;
    for (let type = 0; type < interest.length; type++) if (match.typeMask[type]) interest[type]! |= flag;
  };
  chains.forEach((chain) => {
    mark(chain.goal, INTEREST.goal);
    for (const node of chain.nodes) {
      mark(node.waitFor, INTEREST.wait);
      const trigger = node.trigger;
      if (trigger?.kind === 'event') {
        mark(trigger.match, INTEREST.trigger);
        for (let type = 0; type < interest.length; type++) if (trigger.match.typeMask[type]) plan.triggersByType[type]!.push(chain.index, node.index);
      }
      if (trigger?.kind === 'inactivity') mark(trigger.match, INTEREST.inactivity);
    }
  });
  if (plan.unsubscribeType >= 0) interest[plan.unsubscribeType]! |= INTEREST.unsubscribe;
}

/** Compiles the chains of a run. Chains keep their order: at one instant, earlier chains act first. */
export function planSimulation(chains: readonly Chain[], eventTypes: readonly string[], settings: SimulationSettings): SimulationPlan {
  const types = eventTypeTable(extendedTypes(eventTypes));
  const warnings: string[] = [];
  const runtime = chains.map((chain, index) => compileChain(chain, index, types, settings, warnings));
  const plan: SimulationPlan = {
    settings,
    period: simulationPeriod(settings),
    chains: runtime,
    types,
    dataTypeCount: eventTypes.length,
    orderType: types.indexOf(ORDER_EVENT),
    unsubscribeType: types.indexOf(UNSUBSCRIBE_EVENT),
    interest: new Uint8Array(types.names.length),
    triggersByType: types.names.map(() => []),
    needsSegments: runtime.some((chain) => chain.nodes.some((node) => node.condition?.needsSegments || node.trigger?.needsSegments)),
    hasDailyTriggers: runtime.some((chain) => chain.triggers.some((node) => node.trigger && isDailyTrigger(node.trigger))),
    maxAttributionMs: Math.max(0, ...runtime.map((chain) => chain.attributionMs)),
    warnings,
  };
  markInterest(plan);
  return plan;
}
