import { describe, expect, it } from 'vitest';
import type { WorkspaceVocabulary } from '../../../domain/conditions/vocabulary';
import { findingsOfNode } from '../../../domain/chains/validator';
import { CHANNEL_DEFAULT_COST, CHANNEL_DEFAULT_RESPONSES } from '../../../domain/chains/channels';
import { createNode } from '../../../domain/chains/nodes/registry';
import { everyOptionChain, workedExampleChain } from '../../../domain/chains/testing';
import type { MessageNode, SplitNode, TimerNode, TimerRule, TriggerNode } from '../../../domain/chains/types';
import { chainLevelFindings, orderedFindings, panelFindings, parseLocalTime, replaceNode, splitLocalDateTime, timerPortRenames, withTimerType } from './inspectorModel';
import { defaultOffer, fieldToken, fromPercent, hasOfferValue, insertAt, shownResponses, toPercent, withChannel, withResponse } from './messageEdits';
import { addBranch, evenOut, evenWeights, nextBranchId, removeBranch, updateBranch } from './splitEdits';
import { isDateFieldOf, segmentRefOfType, tomorrowAtTen, withTriggerType } from './triggerEdits';

const at = { x: 0, y: 0 };

function nodeOf<T>(chain: { nodes: unknown[] }, id: string): T {
  return chain.nodes.find((node) => (node as { id: string }).id === id) as T;
}

describe('replaceNode', () => {
  it('replaces the node and keeps the rest of the chain as it was', () => {
    const chain = workedExampleChain();
    const email = nodeOf<MessageNode>(chain, 'email');
    const next = replaceNode(chain, { ...email, cost: 2 });
    expect(nodeOf<MessageNode>(next, 'email').cost).toBe(2);
    expect(next.edges).toEqual(chain.edges);
    expect(nodeOf<MessageNode>(chain, 'email').cost).toBe(email.cost);
  });

  it('moves the edge of a renamed port and drops the edge of a port that is gone', () => {
    const chain = workedExampleChain();
    const wait = nodeOf<TimerNode>(chain, 'wait');
    const toDelay: TimerNode = { ...wait, timer: { type: 'delay', duration: { amount: 1, unit: 'hours' } } };
    const next = replaceNode(chain, toDelay, timerPortRenames('waitFor', 'delay'));
    const fromWait = next.edges.filter((edge) => edge.source === 'wait');
    expect(fromWait).toEqual([{ ...chain.edges.find((edge) => edge.source === 'wait' && edge.sourcePort === 'timeout')!, sourcePort: 'out' }]);
    // The happened path's target stays in the chain (the validator calls it unreachable).
    expect(next.nodes.map((node) => node.id)).toEqual(chain.nodes.map((node) => node.id));
  });

  it('turns a plain wait into a wait-for whose timeout continues the path', () => {
    const chain = workedExampleChain();
    const delay = nodeOf<TimerNode>(chain, 'delay');
    const next = replaceNode(chain, { ...delay, timer: { type: 'waitFor', event: { types: ['order'], where: [] }, timeout: { amount: 1, unit: 'days' } } }, timerPortRenames('delay', 'waitFor'));
    expect(next.edges.filter((edge) => edge.source === 'delay').map((edge) => edge.sourcePort)).toEqual(['timeout']);
    expect(timerPortRenames('delay', 'until')).toEqual({});
  });

  it('removes the edge of a removed split branch, and leaves an unknown node id alone', () => {
    const chain = everyOptionChain();
    const split = nodeOf<SplitNode>(chain, 's_ab');
    const next = replaceNode(chain, removeBranch(split, 'holdout'));
    expect(next.edges.filter((edge) => edge.source === 's_ab').map((edge) => edge.sourcePort)).toEqual(['a', 'b']);
    expect(replaceNode(chain, { ...split, id: 'nope' })).toBe(chain);
  });
});

describe('findings for the panel', () => {
  it('are the node rules of the selected node, errors first', () => {
    const chain = workedExampleChain();
    const email = nodeOf<MessageNode>(chain, 'email');
    const broken = replaceNode(chain, { ...email, channel: 'email', content: { subject: '', body: 'Hi {{firstName' } });
    const findings = findingsOfNode(panelFindings(broken, null), 'email');
    expect(findings.map((finding) => finding.path)).toEqual(['content.subject', 'content.body']);
    expect(findingsOfNode(panelFindings(broken, null), 'missing')).toEqual([]);
    const ordered = orderedFindings([{ ...findings[0]!, severity: 'warning' }, findings[1]!]);
    expect(ordered.map((finding) => finding.severity)).toEqual(['error', 'warning']);
  });

  it('of the settings say what is wrong with them', () => {
    const chain = workedExampleChain();
    const broken = { ...chain, settings: { ...chain.settings, quietHours: { ...chain.settings.quietHours, from: '09:00', to: '09:00' } } };
    expect(chainLevelFindings(panelFindings(broken, null)).map((finding) => finding.path)).toEqual(['settings.quietHours']);
    expect(chainLevelFindings(panelFindings(chain, null))).toEqual([]);
  });

  it('with the workspace’s vocabulary, name what the data lacks with the closest names', () => {
    const chain = workedExampleChain();
    const vocabulary: WorkspaceVocabulary = {
      customers: 10,
      eventTypes: [{ name: 'cart_add', count: 5 }],
      eventProps: [],
      fields: [{ name: 'firstName', count: 10, values: [] }],
      rfmSegments: [],
      lifecycleStatuses: [],
      stages: [],
    };
    const unknown = panelFindings(chain, vocabulary).filter((finding) => finding.code === 'unknown_event_type');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(panelFindings(chain, null).some((finding) => finding.code === 'unknown_event_type')).toBe(false);
  });
});

describe('times as typed', () => {
  it('read common ways of typing a time', () => {
    expect(parseLocalTime('9:30')).toBe('09:30');
    expect(parseLocalTime('0930')).toBe('09:30');
    expect(parseLocalTime(' 23:59 ')).toBe('23:59');
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('12:60')).toBeNull();
    expect(parseLocalTime('noon')).toBeNull();
    expect(parseLocalTime('')).toBeNull();
  });

  it('split a local date-time for its inputs', () => {
    expect(splitLocalDateTime('2025-03-10T10:00')).toEqual({ date: '2025-03-10', time: '10:00' });
  });
});

describe('trigger edits', () => {
  it('start a one-off send tomorrow at 10:00 in the chain time zone', () => {
    const lateEvening = Date.UTC(2025, 2, 31, 22, 30);
    expect(tomorrowAtTen('UTC', lateEvening)).toBe('2025-04-01T10:00');
    expect(tomorrowAtTen('Europe/Moscow', lateEvening)).toBe('2025-04-02T10:00');
  });

  it('keep the events when switching between an event and an inactivity trigger', () => {
    const trigger = createNode('trigger', 't', at) as TriggerNode;
    const withEvent: TriggerNode = { ...trigger, trigger: { type: 'event', event: { types: ['cart_add'], where: [] } } };
    expect(withTriggerType(withEvent, 'inactivity', '2025-01-01T10:00').trigger).toEqual({ type: 'inactivity', event: { types: ['cart_add'], where: [] }, days: 30 });
    expect(withTriggerType(withEvent, 'audience', '2025-01-01T10:00').trigger).toMatchObject({ type: 'audience', at: '2025-01-01T10:00' });
    expect(withTriggerType(withEvent, 'event', 'x')).toBe(withEvent);
    expect(withTriggerType(trigger, 'inactivity', 'x').trigger).toMatchObject({ event: { types: ['order'] } });
  });

  it('start segment references of each kind', () => {
    expect(segmentRefOfType('rfmSegment')).toEqual({ type: 'rfmSegment', segment: '' });
    expect(segmentRefOfType('lifecycle')).toEqual({ type: 'lifecycle', status: 'at_risk' });
    expect(segmentRefOfType('stage')).toEqual({ type: 'stage', stage: '' });
  });

  it('offer date fields: birth and sign-up dates, and columns whose values are dates', () => {
    const isDateField = isDateFieldOf({
      customers: 3,
      eventTypes: [],
      eventProps: [],
      fields: [
        { name: 'attrs.card_expires', count: 2, values: [{ value: '2026-01-31', count: 1 }, { value: '2025-12-01T00:00:00Z', count: 1 }] },
        { name: 'attrs.level', count: 2, values: [{ value: 'gold', count: 2 }] },
        { name: 'attrs.empty', count: 0, values: [] },
      ],
      rfmSegments: [],
      lifecycleStatuses: [],
      stages: [],
    });
    expect(['birthDate', 'signupAt', 'attrs.card_expires', 'attrs.level', 'attrs.empty', 'city'].filter(isDateField)).toEqual(['birthDate', 'signupAt', 'attrs.card_expires']);
    expect(isDateFieldOf(null)('attrs.card_expires')).toBe(false);
  });
});

describe('split edits', () => {
  it('spread 100 % evenly in whole percents', () => {
    expect(evenWeights(3)).toEqual([34, 33, 33]);
    expect(evenWeights(7).reduce((sum, weight) => sum + weight, 0)).toBe(100);
    expect(evenWeights(0)).toEqual([]);
  });

  it('add and remove branches with fresh ids and even weights', () => {
    const split = createNode('split', 's', at) as SplitNode;
    const three = addBranch(split);
    expect(three.branches.map((branch) => [branch.id, branch.label, branch.weight])).toEqual([
      ['a', 'A', 34],
      ['b', 'B', 33],
      ['c', 'C', 33],
    ]);
    expect(removeBranch(three, 'a').branches.map((branch) => [branch.id, branch.weight])).toEqual([
      ['b', 50],
      ['c', 50],
    ]);
    let many = split;
    for (let i = 0; i < 20; i++) many = addBranch(many);
    expect(many.branches).toHaveLength(10);
    expect(nextBranchId(Array.from({ length: 26 }, (_, index) => ({ id: String.fromCharCode(97 + index), label: '', weight: 0, isHoldout: false })))).toBe('b27');
  });

  it('change one branch, and even out on demand', () => {
    const split = createNode('split', 's', at) as SplitNode;
    const changed = updateBranch(split, 'b', { weight: 70, isHoldout: true });
    expect(changed.branches[1]).toMatchObject({ weight: 70, isHoldout: true });
    expect(evenOut(changed).branches.map((branch) => branch.weight)).toEqual([50, 50]);
  });
});

describe('message edits', () => {
  const email = createNode('message', 'm', at) as MessageNode;

  it('let the cost follow the channel until the user sets their own', () => {
    expect(withChannel(email, 'sms').cost).toBe(CHANNEL_DEFAULT_COST.sms);
    expect(withChannel({ ...email, cost: 0.7 }, 'sms').cost).toBe(0.7);
    expect(withChannel({ ...email, channel: null, cost: 0 }, 'whatsapp').cost).toBe(CHANNEL_DEFAULT_COST.whatsapp);
  });

  it('insert a field at the caret, replacing a selection', () => {
    expect(fieldToken('firstName', ' friend ')).toBe('{{firstName|friend}}');
    expect(fieldToken('city', '')).toBe('{{city}}');
    expect(insertAt('Hi !', 3, 3, '{{firstName}}')).toEqual({ text: 'Hi {{firstName}}!', caret: 16 });
    expect(insertAt('Hi there', 3, 8, 'X')).toEqual({ text: 'Hi X', caret: 4 });
    expect(insertAt('ab', 10, 10, 'X')).toEqual({ text: 'abX', caret: 3 });
  });

  it('show rates as percents without float noise and back', () => {
    expect(toPercent(0.07)).toBe(7);
    expect(toPercent(0.002)).toBe(0.2);
    expect(fromPercent(22)).toBe(0.22);
    expect(fromPercent(0.3)).toBe(0.003);
  });

  it('copy the channel defaults before the first own rate', () => {
    expect(shownResponses(email)).toEqual(CHANNEL_DEFAULT_RESPONSES.email);
    const own = withResponse(email, 'opened', 0.3);
    expect(own.responses).toEqual({ ...CHANNEL_DEFAULT_RESPONSES.email, opened: 0.3 });
    expect(withResponse({ ...email, channel: null }, 'opened', 0.3).responses).toBeNull();
  });

  it('start offers with typical values', () => {
    expect(defaultOffer('discount_percent', 'X')).toEqual({ type: 'discount_percent', value: 10, code: 'X' });
    expect(hasOfferValue('gift')).toBe(false);
    expect(hasOfferValue('bonus_points')).toBe(true);
  });
});

describe('withTimerType', () => {
  it('carries the time chosen over between a delay and a wait-for, and takes defaults otherwise', () => {
    const delay: TimerRule = { type: 'delay', duration: { amount: 3, unit: 'days' } };
    expect(withTimerType(delay, 'waitFor')).toEqual({ type: 'waitFor', event: { types: ['order'], where: [] }, timeout: { amount: 3, unit: 'days' } });
    const waitFor: TimerRule = { type: 'waitFor', event: { types: ['cart_add'], where: [] }, timeout: { amount: 2, unit: 'hours' } };
    expect(withTimerType(waitFor, 'delay')).toEqual({ type: 'delay', duration: { amount: 2, unit: 'hours' } });
    expect(withTimerType(delay, 'until')).toEqual({ type: 'until', window: { from: '10:00', to: '20:00', weekdays: [1, 2, 3, 4, 5] } });
    expect(withTimerType({ type: 'until', window: { from: '09:00', to: '18:00', weekdays: [1] } }, 'delay')).toEqual({ type: 'delay', duration: { amount: 1, unit: 'days' } });
  });
});
