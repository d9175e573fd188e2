import { describe, expect, it } from 'vitest';
import { allOf, events } from '../conditions/build';
import type { FindingCode } from './findings';
import { isValid } from './findings';
import { createNode } from './nodes/registry';
import { demoVocabulary, edge, everyOptionChain, workedExampleChain } from './testing';
import type { Chain, ChainNode, MessageNode, SplitNode, TimerNode } from './types';
import { validateChain, type ValidateChainOptions } from './validator';

/**
 * Every rule both ways: the worked example is clean; one change makes the rule fire on the
 * right node (and port), and undoing it clears it.
 */
const vocabulary = demoVocabulary(600);

function codes(chain: Chain, options: ValidateChainOptions = {}): string[] {
  return validateChain(chain, options).map((item) => [item.severity, item.code, item.nodeId, item.port, item.edgeId].filter(Boolean).join(' '));
}

function worked(): Chain {
  return workedExampleChain();
}

function replaceNode(chain: Chain, id: string, change: (node: ChainNode) => ChainNode): Chain {
  return { ...chain, nodes: chain.nodes.map((node) => (node.id === id ? change(node) : node)) };
}

function withoutEdge(chain: Chain, id: string): Chain {
  return { ...chain, edges: chain.edges.filter((item) => item.id !== id) };
}

describe('validateChain', () => {
  it('finds nothing wrong with the worked example and the every-option chain', () => {
    expect(codes(worked())).toEqual([]);
    expect(codes(worked(), { vocabulary })).toEqual([]);
    expect(codes(everyOptionChain())).toEqual([]);
    expect(isValid(validateChain(everyOptionChain(), { vocabulary }))).toBe(true);
  });

  const rules: [FindingCode, () => Chain, string[]][] = [
    ['no_trigger', () => ({ ...worked(), nodes: worked().nodes.filter((node) => node.id !== 'trigger'), edges: worked().edges.filter((item) => item.source !== 'trigger') }), ['error no_trigger', 'warning unreachable wait', 'warning unreachable G1', 'warning unreachable email', 'warning unreachable delay', 'warning unreachable filter', 'warning unreachable G2', 'warning unreachable sms', 'warning unreachable G3']],
    ['unreachable', () => ({ ...worked(), nodes: [...worked().nodes, createNode('goal', 'lonely', { x: 0, y: 0 })] }), ['warning unreachable lonely']],
    ['dead_end', () => withoutEdge(worked(), 'sms-out-G3'), ['error dead_end sms', 'warning unreachable G3']],
    ['port_unconnected', () => withoutEdge(worked(), 'filter-no-sms'), ['error port_unconnected filter no', 'warning unreachable sms', 'warning unreachable G3']],
    ['port_multiple_edges', () => ({ ...worked(), edges: [...worked().edges, edge('filter', 'yes', 'G3')] }), ['error port_multiple_edges filter yes']],
    ['cycle_without_timer', () => ({ ...withoutEdge(worked(), 'sms-out-G3'), edges: [...withoutEdge(worked(), 'sms-out-G3').edges, edge('sms', 'out', 'filter')] }), ['warning unreachable G3', 'error cycle_without_timer filter']],
    ['edge_dangling', () => ({ ...worked(), edges: [...worked().edges, edge('G3', 'out', 'ghost')] }), ['error edge_dangling G3 G3-out-ghost']],
    ['edge_bad_port', () => ({ ...worked(), edges: [...worked().edges, edge('filter', 'maybe', 'G3')] }), ['error edge_bad_port filter maybe filter-maybe-G3']],
    ['edge_into_trigger', () => ({ ...worked(), edges: [...withoutEdge(worked(), 'sms-out-G3').edges, edge('sms', 'out', 'trigger')] }), ['error edge_into_trigger trigger sms-out-trigger', 'warning unreachable G3']],
    ['duplicate_id', () => ({ ...worked(), nodes: [...worked().nodes, { ...worked().nodes[2]! }] }), ['error duplicate_id G1']],
    ['trigger_incomplete', () => replaceNode(worked(), 'trigger', () => ({ ...createNode('trigger', 'trigger', { x: 0, y: 0 }) })), ['error trigger_incomplete trigger']],
    ['filter_no_conditions', () => replaceNode(worked(), 'filter', (node) => ({ ...node, condition: allOf() }) as ChainNode), ['error filter_no_conditions filter']],
    ['condition_incomplete', () => replaceNode(worked(), 'filter', (node) => ({ ...node, condition: allOf({ type: 'rfmSegment', op: 'in', segments: [] }) }) as ChainNode), ['error condition_incomplete filter']],
    ['message_no_channel', () => replaceNode(worked(), 'email', (node) => ({ ...(node as MessageNode), channel: null })), ['error message_no_channel email']],
    ['message_no_content', () => replaceNode(worked(), 'sms', (node) => ({ ...(node as MessageNode), content: { subject: '', body: '  ' } })), ['error message_no_content sms']],
    ['message_field', () => replaceNode(worked(), 'sms', (node) => ({ ...(node as MessageNode), content: { subject: '', body: 'Hi {{firstName' } })), ['error message_field sms']],
    ['timer_incomplete', () => replaceNode(worked(), 'delay', (node) => ({ ...(node as TimerNode), timer: { type: 'until', window: { from: '10:00', to: '20:00', weekdays: [] } } })), ['error timer_incomplete delay']],
    ['settings_invalid', () => ({ ...worked(), settings: { ...worked().settings, goal: { ...worked().settings.goal, event: events([]) } } }), ['error settings_invalid']],
  ];

  it.each(rules)('%s fires where it should, and a fixed chain is clean', (_code, broken, expected) => {
    expect(codes(broken())).toEqual(expected);
    expect(codes(worked())).toEqual([]);
  });

  it('split weights must add up to 100 (and a split is connected by branch)', () => {
    const chain = worked();
    const split: SplitNode = { ...(createNode('split', 'ab', { x: 0, y: 0 }) as SplitNode) };
    const withSplit: Chain = {
      ...chain,
      nodes: [...chain.nodes, split],
      edges: [...chain.edges.filter((item) => item.id !== 'filter-no-sms'), edge('filter', 'no', 'ab'), edge('ab', 'a', 'sms'), edge('ab', 'b', 'G3')],
    };
    expect(codes(withSplit)).toEqual([]);
    const uneven = replaceNode(withSplit, 'ab', (node) => ({ ...(node as SplitNode), branches: (node as SplitNode).branches.map((branch) => ({ ...branch, weight: 40 })) }));
    expect(codes(uneven)).toEqual(['error split_weights ab']);
    const oneUnconnected = { ...withSplit, edges: withSplit.edges.filter((item) => item.id !== 'ab-b-G3') };
    expect(codes(oneUnconnected)).toEqual(['error port_unconnected ab b']);
  });

  it('a loop through a timer is allowed', () => {
    const loop = { ...withoutEdge(worked(), 'sms-out-G3'), edges: [...withoutEdge(worked(), 'sms-out-G3').edges, edge('sms', 'out', 'delay')] };
    expect(codes(loop)).toEqual(['warning unreachable G3']);
  });
});

describe('names the workspace data lacks (warnings with the closest names)', () => {
  it('event types, props, fields, segments and stages, each both ways', () => {
    const chain = everyOptionChain();
    const renamed = replaceNode(
      replaceNode(chain, 't_event', (node) => ({ ...node, trigger: { type: 'event', event: events('add_to_cart', [{ type: 'prop', key: 'categroy', op: 'eq', values: ['x'] }]) } }) as ChainNode),
      't_rfm',
      (node) => ({ ...node, trigger: { type: 'segment', segment: { type: 'rfmSegment', segment: 'at_risk' } } }) as ChainNode,
    );
    const broken = { ...renamed, stage: 'considerashun' };
    const found = validateChain(broken, { vocabulary }).map((item) => ({ code: item.code, node: item.nodeId ?? null, path: item.path, suggestions: item.suggestions?.[0] ?? null }));
    expect(found).toEqual([
      { code: 'unknown_event_type', node: 't_event', path: 'trigger.event.types.0', suggestions: 'cart_add' },
      { code: 'unknown_event_prop', node: 't_event', path: 'trigger.event.where.0.key', suggestions: 'category' },
      { code: 'unknown_field', node: 't_card', path: 'trigger.field', suggestions: null },
      { code: 'unknown_segment', node: 't_rfm', path: 'trigger.segment.segment', suggestions: 'atRisk' },
      { code: 'unknown_field', node: 'f_all', path: 'condition.items.1.field', suggestions: 'attrs.loyalty_tier' },
      { code: 'unknown_stage', node: null, path: 'stage', suggestions: 'consideration' },
    ]);
    expect(validateChain(broken, { vocabulary }).every((item) => item.severity === 'warning')).toBe(true);
    expect(validateChain(broken).filter((item) => item.code.startsWith('unknown_'))).toEqual([]);
  });

  it('explains that a response event missing from the data comes only from the projection', () => {
    const withoutOpens = { ...vocabulary, eventTypes: vocabulary.eventTypes.filter((type) => type.name !== 'email_open') };
    const chain = replaceNode(worked(), 'filter', (node) => ({ ...node, condition: allOf({ type: 'eventSinceEntry', event: events('email_open'), happened: true }) }) as ChainNode);
    const [only] = validateChain(chain, { vocabulary: withoutOpens });
    expect(only?.message.en).toBe('The workspace\'s data has no "email_open" events. Closest: app_open, email_click, push_open. A replay sees none; with the projection on, simulated responses count.');
    expect(validateChain(chain, { vocabulary })).toEqual([]);
  });

  it('asks for a fallback when some customers lack a personal field', () => {
    const bare = replaceNode(worked(), 'email', (node) => ({ ...(node as MessageNode), content: { subject: '{{birthDate}}', body: 'Hi {{firstName}}' } }));
    const found = validateChain(bare, { vocabulary });
    expect(found.map((item) => `${item.code} ${item.path}`)).toEqual(['field_often_empty content.subject']);
    expect(found[0]!.message.en).toMatch(/^\d+(\.\d)? % of customers have no birthDate: add a fallback, e\.g\. \{\{birthDate\|friend\}\}\.$/);
    const withFallback = replaceNode(worked(), 'email', (node) => ({ ...(node as MessageNode), content: { subject: '{{birthDate|скоро}}', body: 'Hi {{firstName}}' } }));
    expect(validateChain(withFallback, { vocabulary })).toEqual([]);
  });
});
