import { describe, expect, it } from 'vitest';
import { createChain, createNode } from '../../../domain/chains';
import { edge } from '../../../domain/chains/testing';
import { edgeAtPoint } from './dropTarget';

describe('dropping on a link', () => {
  const chain = { ...createChain('c', 'c'), nodes: [createNode('trigger', 't', { x: 0, y: 0 }), createNode('goal', 'g', { x: 0, y: 300 })], edges: [edge('t', 'out', 'g')] };
  const sizes = new Map([['t', { width: 240, height: 80 }], ['g', { width: 240, height: 80 }]]);

  it('finds the link under the drop point', () => {
    expect(edgeAtPoint(chain, sizes, { x: 125, y: 190 })).toBe('t-out-g');
  });

  it('finds nothing far from any link', () => {
    expect(edgeAtPoint(chain, sizes, { x: 400, y: 190 })).toBeNull();
    expect(edgeAtPoint({ ...chain, edges: [] }, sizes, { x: 120, y: 190 })).toBeNull();
  });
});
