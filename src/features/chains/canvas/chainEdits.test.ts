import { describe, expect, it } from 'vitest';
import { createChain, createNode, type Chain } from '../../../domain/chains';
import { edge, workedExampleChain } from '../../../domain/chains/testing';
import { addNode, addNote, connect, connectionProblem, insertAtPort, insertOnEdge, removeElements, ROW_GAP } from './chainEdits';

function line(): Chain {
  const chain = createChain('c', 'Line');
  chain.nodes = [createNode('trigger', 't', { x: 0, y: 0 }), createNode('timer', 'w', { x: 0, y: 150 }), createNode('message', 'm', { x: 0, y: 300 }), createNode('goal', 'g', { x: 0, y: 450 })];
  chain.edges = [edge('t', 'out', 'w'), edge('w', 'out', 'm'), edge('m', 'out', 'g')];
  return chain;
}

describe('chain edits', () => {
  it('adds a node of a kind with a free id', () => {
    const { chain, createdIds } = addNode(line(), 'filter', { x: 10, y: 20 });
    expect(createdIds).toEqual(['n1']);
    expect(chain.nodes.at(-1)).toMatchObject({ id: 'n1', kind: 'filter', position: { x: 10, y: 20 } });
  });

  it('links only compatible ports and says why not', () => {
    const chain = line();
    expect(connectionProblem(chain, { source: 'g', sourcePort: 'out', target: 'm' })?.en).toMatch(/no exit/);
    expect(connectionProblem(chain, { source: 'm', sourcePort: 'out', target: 't' })?.en).toMatch(/trigger/i);
    expect(connectionProblem(chain, { source: 'm', sourcePort: 'out', target: 'm' })?.en).toMatch(/itself/);
    expect(connectionProblem(chain, { source: 'w', sourcePort: 'out', target: 'g' })?.en).toMatch(/already leads/);
    expect(connectionProblem(chain, { source: 'w', sourcePort: 'out', target: 'm' })?.en).toMatch(/linked already/);
    const freed = removeElements(chain, { nodeIds: [], edgeIds: ['w-out-m'], noteIds: [] });
    const linked = connect(freed, { source: 'w', sourcePort: 'out', target: 'g' });
    expect('chain' in linked && linked.chain.edges.at(-1)).toMatchObject({ id: 'e1', source: 'w', sourcePort: 'out', target: 'g' });
  });

  it('inserts on a link: source → new → old target, and moves what follows one row down', () => {
    const result = insertOnEdge(line(), 'w-out-m', 'filter')!;
    const { chain } = result;
    const id = result.createdIds[0]!;
    expect(chain.edges).toContainEqual({ id: 'w-out-m', source: 'w', sourcePort: 'out', target: id });
    expect(chain.edges).toContainEqual(expect.objectContaining({ source: id, sourcePort: 'yes', target: 'm' }));
    expect(chain.nodes.find((node) => node.id === id)!.position).toEqual({ x: 0, y: 300 });
    expect(chain.nodes.find((node) => node.id === 'm')!.position.y).toBe(300 + ROW_GAP);
    expect(chain.nodes.find((node) => node.id === 'g')!.position.y).toBe(450 + ROW_GAP);
    expect(chain.nodes.find((node) => node.id === 'w')!.position.y).toBe(150);
  });

  it('does not insert a goal or trigger on a link (it could not go on)', () => {
    expect(insertOnEdge(line(), 'w-out-m', 'goal')).toBeNull();
    expect(insertOnEdge(line(), 'w-out-m', 'trigger')).toBeNull();
  });

  it('inserts at a free exit, under its port', () => {
    const chain = removeElements(line(), { nodeIds: [], edgeIds: ['m-out-g'], noteIds: [] });
    const { chain: next, createdIds } = insertAtPort(chain, 'm', 'out', 'goal')!;
    expect(next.edges.at(-1)).toMatchObject({ source: 'm', sourcePort: 'out', target: createdIds[0] });
    expect(insertAtPort(next, 'm', 'out', 'goal')).toBeNull();
  });

  it('deleting a middle node reconnects its neighbours', () => {
    const chain = removeElements(line(), { nodeIds: ['w'], edgeIds: [], noteIds: [] });
    expect(chain.nodes.map((node) => node.id)).toEqual(['t', 'm', 'g']);
    expect(chain.edges).toEqual([{ id: 't-out-w', source: 't', sourcePort: 'out', target: 'm' }, edge('m', 'out', 'g')]);
  });

  it('deleting two nodes in a row reconnects across both', () => {
    const chain = removeElements(line(), { nodeIds: ['w', 'm'], edgeIds: [], noteIds: [] });
    expect(chain.edges).toEqual([{ id: 't-out-w', source: 't', sourcePort: 'out', target: 'g' }]);
  });

  it('deleting a branching node with different next nodes drops its links', () => {
    const chain = workedExampleChain();
    const next = removeElements(chain, { nodeIds: ['wait'], edgeIds: [], noteIds: [] });
    expect(next.edges.some((item) => item.source === 'wait' || item.target === 'wait')).toBe(false);
    expect(next.edges.filter((item) => item.source === 'trigger')).toEqual([]);
  });

  it('adds and deletes notes', () => {
    const { chain, createdIds } = addNote(line(), { x: 1, y: 2 }, 'Why');
    expect(createdIds).toEqual(['note:note1']);
    expect(removeElements(chain, { nodeIds: [], edgeIds: [], noteIds: ['note1'] }).notes).toEqual([]);
  });
});
