import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { pathHighlight } from './pathHighlight';

describe('a customer’s path on the canvas', () => {
  const chain = workedExampleChain();
  // A path along the chain's first links from its trigger.
  const trigger = chain.nodes.find((node) => node.kind === 'trigger')!;
  const first = chain.edges.find((edge) => edge.source === trigger.id)!;
  const second = chain.edges.find((edge) => edge.source === first.target)!;
  const path = [trigger.id, first.target, second.target];

  it('lights the visited nodes and the links between them, and emphasises the current step', () => {
    const highlight = pathHighlight(chain, path, 1);
    expect([...highlight.nodeIds]).toEqual(path);
    expect([...highlight.edgeIds]).toEqual([first.id, second.id]);
    expect(highlight.currentNodeId).toBe(first.target);
    expect(highlight.currentEdgeId).toBe(first.id);
    expect(pathHighlight(chain, path, 0)).toMatchObject({ currentNodeId: trigger.id, currentEdgeId: null });
  });

  it('skips nodes the chain no longer has instead of drawing links to nowhere', () => {
    const highlight = pathHighlight(chain, [trigger.id, 'gone', first.target], 1);
    expect([...highlight.nodeIds]).toEqual([trigger.id, first.target]);
    expect([...highlight.edgeIds]).toEqual([first.id]);
    expect(highlight.currentNodeId).toBeNull();
  });
});
