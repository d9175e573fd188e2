import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChainGraph, outPorts } from '../../../domain/chains';
import { workedExampleChain } from '../../../domain/chains/testing';
import { layoutChain } from './autoLayout';
import { chainArbitrary } from './testChains';

describe('auto-layout', () => {
  it('lays a chain out top-down with the trigger where it was', () => {
    const chain = workedExampleChain();
    const laid = layoutChain({ ...chain, nodes: chain.nodes.map((node) => ({ ...node, position: { x: 500, y: 500 } })) });
    const at = new Map(laid.nodes.map((node) => [node.id, node.position]));
    expect(at.get('trigger')).toEqual({ x: 500, y: 500 });
    for (const edge of laid.edges) expect(at.get(edge.target)!.y).toBeGreaterThan(at.get(edge.source)!.y);
    expect(laid.edges).toBe(chain.edges);
  });

  it('keeps branches in port order (yes left of no, happened left of timeout)', () => {
    fc.assert(
      fc.property(chainArbitrary(10), (chain) => {
        const laid = layoutChain(chain);
        const graph = buildChainGraph(laid);
        const at = new Map(laid.nodes.map((node) => [node.id, node.position]));
        for (const node of laid.nodes) {
          const children = outPorts(node).map((port) => graph.next(node.id, port.id)).filter((child) => child && child.id !== node.id && graph.incoming(child.id).length === 1);
          for (let index = 1; index < children.length; index++) {
            const [left, right] = [at.get(children[index - 1]!.id)!, at.get(children[index]!.id)!];
            if (left.y === right.y) expect(left.x).toBeLessThan(right.x);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lays out only the selection, keeping its top-left corner', () => {
    const chain = workedExampleChain();
    const spread = { ...chain, nodes: chain.nodes.map((node, index) => ({ ...node, position: { x: index * 37, y: 1000 - index * 11 } })) };
    const selected = new Set(['email', 'delay', 'filter']);
    const laid = layoutChain(spread, new Map(), selected);
    for (const node of laid.nodes) if (!selected.has(node.id)) expect(node.position).toEqual(spread.nodes.find((item) => item.id === node.id)!.position);
    const before = spread.nodes.filter((node) => selected.has(node.id));
    const after = laid.nodes.filter((node) => selected.has(node.id));
    expect(Math.min(...after.map((node) => node.position.x))).toBe(Math.min(...before.map((node) => node.position.x)));
    expect(Math.min(...after.map((node) => node.position.y))).toBe(Math.min(...before.map((node) => node.position.y)));
  });
});
