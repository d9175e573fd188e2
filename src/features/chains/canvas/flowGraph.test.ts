import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { chainEdgesToFlow, chainToFlow, flowToChain, noteFlowId, type ChainFlowNode, type FlowEdge, type FlowNode } from './flowGraph';
import { chainArbitrary } from './testChains';

describe('chain ⇄ flow graph', () => {
  it('round-trips random valid chains', () => {
    fc.assert(
      fc.property(chainArbitrary(), (chain) => {
        const { nodes, edges } = chainToFlow(chain);
        const back = flowToChain(chain, nodes, edges);
        expect(back).toEqual({ ok: true, chain });
      }),
    );
  });

  it('round-trips after moving every node and note (positions come from the flow graph)', () => {
    fc.assert(
      fc.property(chainArbitrary(), fc.integer({ min: -300, max: 300 }), (chain, dx) => {
        const { nodes, edges } = chainToFlow(chain);
        const moved = nodes.map((node) => ({ ...node, position: { x: node.position.x + dx, y: node.position.y } })) as FlowNode[];
        const back = flowToChain(chain, moved, edges);
        if (!back.ok) throw new Error(back.message.en);
        expect(back.chain.nodes.map((node) => node.position.x)).toEqual(chain.nodes.map((node) => node.position.x + dx));
        expect(back.chain.notes.map((note) => note.position.x)).toEqual(chain.notes.map((note) => note.position.x + dx));
        expect(back.chain.edges).toEqual(chain.edges);
      }),
    );
  });

  it('keeps flow objects of unchanged nodes, so their cards do not re-render', () => {
    const chain = workedExampleChain();
    const first = chainToFlow(chain);
    const moved = { ...chain, nodes: chain.nodes.map((node, index) => (index === 0 ? { ...node, position: { x: 5, y: 5 } } : node)) };
    const second = chainToFlow(moved);
    expect(second.nodes[0]).not.toBe(first.nodes[0]);
    expect(second.nodes.slice(1)).toEqual(first.nodes.slice(1));
    second.nodes.slice(1).forEach((node, index) => expect(node).toBe(first.nodes[index + 1]));
    second.edges.forEach((edge, index) => expect(edge).toBe(first.edges[index]));
  });

  it('keeps the flow links of unchanged links and selection, so a drag does not rebuild them', () => {
    const chain = workedExampleChain();
    const first = chainEdgesToFlow(chain.edges);
    chainEdgesToFlow(chain.edges).forEach((edge, index) => expect(edge).toBe(first[index]));
    const picked = chain.edges[1]!.id;
    const selected = chainEdgesToFlow(chain.edges, { selectedIds: new Set([picked]) });
    selected.forEach((edge, index) => (edge.id === picked ? expect(edge.selected).toBe(true) : expect(edge).toBe(first[index])));
  });

  it('carries selection and measured sizes of the view', () => {
    const chain = workedExampleChain();
    const { nodes } = chainToFlow(chain, { selectedIds: new Set(['wait']), measured: new Map([['wait', { width: 240, height: 90 }]]) });
    const wait = nodes.find((node) => node.id === 'wait')!;
    expect(wait.selected).toBe(true);
    expect(wait.measured).toEqual({ width: 240, height: 90 });
    expect(nodes.find((node) => node.id === 'trigger')!.selected).toBe(false);
  });

  it('gives notes their own id space', () => {
    const chain = { ...workedExampleChain(), notes: [{ id: 'trigger', text: 'hi', position: { x: 0, y: 0 }, width: 100, height: 80 }] };
    const { nodes } = chainToFlow(chain);
    expect(nodes.map((node) => node.id)).toContain(noteFlowId('trigger'));
    expect(flowToChain(chain, nodes, chainToFlow(chain).edges)).toEqual({ ok: true, chain });
  });

  describe('reports what cannot be a chain, with the node', () => {
    const chain = workedExampleChain();
    const { nodes, edges } = chainToFlow(chain);

    it('a link to a node that is gone', () => {
      const result = flowToChain(chain, nodes.filter((node) => node.id !== 'G1'), edges);
      expect(result).toMatchObject({ ok: false, nodeId: 'G1' });
    });

    it('a link from an exit the node does not have', () => {
      const bad = edges.map((edge, index): FlowEdge => (index === 0 ? { ...edge, sourceHandle: 'nope' } : edge));
      const result = flowToChain(chain, nodes, bad);
      expect(result).toMatchObject({ ok: false, nodeId: edges[0]!.source, edgeId: edges[0]!.id });
      if (!result.ok) expect(result.message.en).toContain('nope');
    });

    it('a link into a trigger', () => {
      const bad: FlowEdge[] = [...edges, { id: 'x', source: 'email', sourceHandle: 'out', target: 'trigger' }];
      expect(flowToChain(chain, nodes, bad)).toMatchObject({ ok: false, nodeId: 'trigger', edgeId: 'x' });
    });

    it('a node of another type or without data', () => {
      const bad = nodes.map((node) => (node.id === 'wait' ? ({ ...node, type: 'input' } as unknown as ChainFlowNode) : node));
      expect(flowToChain(chain, bad, edges)).toMatchObject({ ok: false, nodeId: 'wait' });
      const empty = nodes.map((node) => (node.id === 'wait' ? ({ ...node, data: {} } as unknown as ChainFlowNode) : node));
      expect(flowToChain(chain, empty, edges)).toMatchObject({ ok: false, nodeId: 'wait' });
    });

    it('two nodes with one id', () => {
      expect(flowToChain(chain, [...nodes, nodes.at(-1)!], edges)).toMatchObject({ ok: false, nodeId: nodes.at(-1)!.id });
    });
  });
});
