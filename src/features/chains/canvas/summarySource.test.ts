import { describe, expect, it, vi } from 'vitest';
import { createNode, type ChainNode } from '../../../domain/chains';
import { DEFAULT_NAMES } from '../../../domain/conditions/names';
import { createSummarySource } from './summarySource';

function stageTrigger(): ChainNode {
  const node = createNode('trigger', 't1', { x: 0, y: 0 });
  if (node.kind !== 'trigger') throw new Error('not a trigger');
  return { ...node, trigger: { type: 'segment', segment: { type: 'stage', stage: 'retention' } } };
}

describe('summarySource', () => {
  it('words a node with the names it was given and keeps the same text object while nothing changes', () => {
    const source = createSummarySource({ ...DEFAULT_NAMES, stage: (id, language) => `${id}-${language}` });
    const node = stageTrigger();
    expect(source.summary(node).en).toBe('Reaches the journey stage retention-en');
    expect(source.summary(node)).toBe(source.summary(node));
  });

  it('tells its readers when the names change, and words the nodes again with the new ones', () => {
    const source = createSummarySource();
    const timer = createNode('timer', 'w1', { x: 0, y: 0 });
    const trigger = stageTrigger();
    const before = { timer: source.summary(timer).en, trigger: source.summary(trigger).en };
    const listener = vi.fn();
    const unsubscribe = source.subscribe(listener);
    source.setNames({ ...DEFAULT_NAMES, stage: () => 'Loyal customers' });
    expect(listener).toHaveBeenCalledTimes(1);
    // a card whose text is the same string is not drawn again (useSyncExternalStore compares the strings)
    expect(source.summary(timer).en).toBe(before.timer);
    expect(source.summary(trigger).en).not.toBe(before.trigger);
    expect(source.summary(trigger).en).toBe('Reaches the journey stage Loyal customers');
    unsubscribe();
    source.setNames(DEFAULT_NAMES);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not bother its readers when given the same names again', () => {
    const names = { ...DEFAULT_NAMES };
    const source = createSummarySource(names);
    const listener = vi.fn();
    source.subscribe(listener);
    source.setNames(names);
    expect(listener).not.toHaveBeenCalled();
  });
});
