import { describe, expect, it } from 'vitest';
import { buildChainGraph } from './graph';
import { layoutTopDown } from './layout';
import { edge, everyOptionChain, workedExampleChain } from './testing';

describe('chain graph', () => {
  it('finds nodes, the edge of a port, the next node and incoming edges', () => {
    const graph = buildChainGraph(workedExampleChain());
    expect(graph.triggers.map((node) => node.id)).toEqual(['trigger']);
    expect(graph.next('wait', 'timeout')?.id).toBe('email');
    expect(graph.edgeFrom('filter', 'no')?.target).toBe('sms');
    expect(graph.next('filter', 'maybe')).toBeUndefined();
    expect(graph.incoming('G1').map((item) => item.source)).toEqual(['wait']);
    expect(graph.outgoing('G3')).toEqual([]);
  });
});

describe('top-down layout', () => {
  it('puts every node one row below its parent, branches in port order, none on top of another', () => {
    for (const chain of [workedExampleChain(), everyOptionChain()]) {
      const laid = layoutTopDown(chain);
      const at = new Map(laid.nodes.map((node) => [node.id, node.position]));
      for (const item of laid.edges) expect(at.get(item.target)!.y, item.id).toBeGreaterThan(at.get(item.source)!.y);
      const spots = laid.nodes.map((node) => `${node.position.x},${node.position.y}`);
      expect(new Set(spots).size).toBe(spots.length);
    }
    const worked = new Map(layoutTopDown(workedExampleChain()).nodes.map((node) => [node.id, node.position]));
    expect(worked.get('G1')!.x).toBeLessThan(worked.get('email')!.x);
    expect(worked.get('G2')!.x).toBeLessThan(worked.get('sms')!.x);
    expect(worked.get('delay')!.x).toBe(worked.get('email')!.x);
  });

  it('survives a cycle and places nodes no trigger reaches below the rest', () => {
    const chain = workedExampleChain();
    chain.edges = [...chain.edges.filter((item) => item.source !== 'sms'), edge('sms', 'out', 'wait')];
    chain.nodes.push({ id: 'stray', kind: 'goal', position: { x: 0, y: 0 }, label: '', outcome: 'exit' });
    const laid = new Map(layoutTopDown(chain).nodes.map((node) => [node.id, node.position]));
    // G3 lost its only edge (sms now loops back to the wait): it is unreachable too.
    const deepest = Math.max(...[...laid.entries()].filter(([id]) => id !== 'stray' && id !== 'G3').map(([, position]) => position.y));
    expect(laid.get('stray')!.y).toBeGreaterThan(deepest);
    expect(laid.get('G3')!.y).toBe(laid.get('stray')!.y);
  });
});
