import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from './graphCycles';

describe('stronglyConnectedComponents', () => {
  it('groups the nodes of each cycle and leaves the rest alone', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: ['d'], e: [] };
    const components = stronglyConnectedComponents(Object.keys(edges), (node) => edges[node] ?? []).map((component) => component.sort().join(''));
    expect(components.sort()).toEqual(['abc', 'd', 'e']);
  });

  it('walks a path of 100,000 nodes without overflowing the stack', () => {
    const size = 100_000;
    const nodes = Array.from({ length: size }, (_, index) => index);
    const components = stronglyConnectedComponents(nodes, (node) => (node + 1 < size ? [node + 1] : [0]));
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(size);
  });
});
