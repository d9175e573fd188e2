import { beforeEach, describe, expect, it } from 'vitest';
import { workedExampleChain } from '../../../domain/chains/testing';
import { isPortConnected, useChainEditor } from './editorStore';
import { deleteSelection, insertNodeOnEdge, pasteText, copySelectionText } from './editorActions';
import { replaceNode } from './chainEdits';

const store = () => useChainEditor.getState();

describe('editor store', () => {
  beforeEach(() => store().load(workedExampleChain()));

  it('applies a drag as position changes, one undo step for the whole drag', () => {
    const start = store().chain!;
    store().beginDrag();
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 10, y: 10 }, dragging: true }]);
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 20, y: 30 }, dragging: true }]);
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 25, y: 35 }, dragging: false }]);
    expect(store().chain!.nodes.find((node) => node.id === 'wait')!.position).toEqual({ x: 25, y: 35 });
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(store().chain).toBe(start);
    // A second drag of the same node is a step of its own.
    store().redo();
    store().beginDrag();
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 99, y: 99 }, dragging: true }]);
    expect(store().history.past).toHaveLength(2);
  });

  it('tells which out-ports have a link (the cards show "+" on the others), after edits too', () => {
    const chain = store().chain!;
    const edge = chain.edges[0]!;
    expect(isPortConnected(store(), edge.source, edge.sourcePort)).toBe(true);
    expect(isPortConnected(store(), edge.source, 'no-such-port')).toBe(false);
    // the port's only link removed: it has none
    expect(chain.edges.filter((item) => item.source === edge.source && item.sourcePort === edge.sourcePort)).toHaveLength(1);
    store().edit({ ...chain, edges: chain.edges.filter((item) => item !== edge) });
    expect(isPortConnected(store(), edge.source, edge.sourcePort)).toBe(false);
    store().undo();
    expect(isPortConnected(store(), edge.source, edge.sourcePort)).toBe(true);
    store().unload();
    expect(isPortConnected(store(), edge.source, edge.sourcePort)).toBe(false);
  });

  it('keeps content (what findings and the panel see) while only positions change', () => {
    const content = store().content;
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 1, y: 2 }, dragging: true }]);
    expect(store().content).toBe(content);
    store().edit({ ...store().chain!, name: 'Renamed' });
    expect(store().content!.name).toBe('Renamed');
  });

  it('an edit from the side panel keeps the positions the canvas has now', () => {
    const staleContent = store().content!;
    store().applyNodeChanges([{ id: 'wait', type: 'position', position: { x: 500, y: 600 }, dragging: false }]);
    const wait = staleContent.nodes.find((node) => node.id === 'wait')!;
    store().editContent(replaceNode(staleContent, { ...wait, label: 'Wait for checkout' }));
    const now = store().chain!.nodes.find((node) => node.id === 'wait')!;
    expect(now).toMatchObject({ label: 'Wait for checkout', position: { x: 500, y: 600 } });
  });

  it('records measured sizes and selection without an undo step', () => {
    store().applyNodeChanges([{ id: 'wait', type: 'dimensions', dimensions: { width: 240, height: 90 } }, { id: 'wait', type: 'select', selected: true }]);
    store().applyEdgeChanges([{ id: 'trigger-out-wait', type: 'select', selected: true }]);
    expect(store().measured.get('wait')).toEqual({ width: 240, height: 90 });
    expect([...store().selectedIds]).toEqual(['wait', 'trigger-out-wait']);
    expect(store().history.past).toHaveLength(0);
  });

  it('groups typing with one coalescing key into one undo step', () => {
    const start = store().chain!;
    for (const name of ['W', 'We', 'Wel']) store().edit({ ...store().chain!, name }, { coalesceKey: 'name' });
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(store().chain).toBe(start);
  });

  it('inserts on a link, deletes with reconnect, and undoes both', () => {
    insertNodeOnEdge('email-out-delay', 'filter');
    const inserted = [...store().selectedIds][0]!;
    expect(store().chain!.edges).toContainEqual(expect.objectContaining({ source: inserted, sourcePort: 'yes', target: 'delay' }));
    deleteSelection();
    expect(store().chain!.nodes.some((node) => node.id === inserted)).toBe(false);
    expect(store().chain!.edges).toContainEqual(expect.objectContaining({ source: 'email', target: 'delay' }));
    store().undo();
    store().undo();
    expect(store().chain).toEqual(workedExampleChain());
  });

  it('copies and pastes the selection through clipboard text', () => {
    store().select(['email', 'delay']);
    const copied = copySelectionText()!;
    expect(copied.count).toBe(2);
    expect(pasteText(copied.text)).toBe(2);
    expect(store().chain!.nodes).toHaveLength(workedExampleChain().nodes.length + 2);
    expect(pasteText('not a chain')).toBe(0);
    expect(store().message?.severity).toBe('warning');
  });
});
