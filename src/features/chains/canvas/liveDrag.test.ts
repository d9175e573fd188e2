import type { NodeChange } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Position } from '../../../domain/chains';
import { workedExampleChain } from '../../../domain/chains/testing';
import { useChainEditor } from './editorStore';
import { chainNodesToFlow, type FlowNode } from './flowGraph';
import { applyCanvasNodeChanges, type FlowNodesStore, routeNodeChanges, settleLiveDrag, useLiveDrag, withLivePositions } from './liveDrag';

const editor = () => useChainEditor.getState();
const asStored = (_id: string, position: Position) => position;

function frame(id: string, position: Position, dragging: boolean): NodeChange<FlowNode> {
  return { id, type: 'position', position, dragging };
}

function positionOf(id: string): Position {
  return editor().chain!.nodes.find((node) => node.id === id)!.position;
}

describe('live drag', () => {
  beforeEach(() => {
    editor().load(workedExampleChain());
    useLiveDrag.getState().clear();
  });

  it('routes the frames of a drag apart from everything that goes into the chain', () => {
    const routed = routeNodeChanges([
      frame('wait', { x: 1, y: 2 }, true),
      frame('email', { x: 3, y: 4 }, false),
      { id: 'wait', type: 'select', selected: true },
      { id: 'delay', type: 'position', dragging: true },
    ]);
    expect([...routed.moving!]).toEqual([['wait', { x: 1, y: 2 }]]);
    expect(routed.settled.map((change) => `${change.type}:${'id' in change ? change.id : ''}`)).toEqual(['position:email', 'select:wait', 'position:delay']);
    expect(routeNodeChanges([{ id: 'wait', type: 'select', selected: false }]).moving).toBeNull();
  });

  it('draws the dragged cards where they are now and keeps every other flow node as it was', () => {
    const nodes = chainNodesToFlow(workedExampleChain());
    expect(withLivePositions(nodes, new Map())).toBe(nodes);
    const shown = withLivePositions(nodes, new Map([['wait', { x: 7, y: 8 }]]));
    const index = nodes.findIndex((node) => node.id === 'wait');
    expect(shown[index]!.position).toEqual({ x: 7, y: 8 });
    // The card keeps its data, so its memoised view does not re-render.
    expect(shown[index]!.data).toBe(nodes[index]!.data);
    expect(shown.filter((node, at) => node !== nodes[at])).toHaveLength(1);
  });

  it('leaves the chain, its revision and the history alone until the drag ends, then commits one undo step', () => {
    const start = editor().chain!;
    const revision = editor().revision;
    editor().beginDrag();
    applyCanvasNodeChanges([frame('wait', { x: 10, y: 10 }, true)], asStored);
    applyCanvasNodeChanges([frame('wait', { x: 20, y: 30 }, true)], asStored);
    expect(editor().chain).toBe(start);
    expect(editor().revision).toBe(revision);
    expect(useLiveDrag.getState().positions.get('wait')).toEqual({ x: 20, y: 30 });

    applyCanvasNodeChanges([frame('wait', { x: 25, y: 35 }, false)], asStored);
    expect(positionOf('wait')).toEqual({ x: 25, y: 35 });
    expect(editor().revision).toBe(revision + 1);
    expect(editor().history.past).toHaveLength(1);
    expect(useLiveDrag.getState().positions.size).toBe(0);
    editor().undo();
    expect(editor().chain).toBe(start);
  });

  it('moves a whole selection live and stores it in the drawn-to-stored coordinates', () => {
    editor().beginDrag();
    applyCanvasNodeChanges([frame('wait', { x: 1, y: 100 }, true), frame('email', { x: 2, y: 200 }, true)], asStored);
    expect([...useLiveDrag.getState().positions.keys()]).toEqual(['wait', 'email']);
    const shiftedUp = (_id: string, position: Position) => ({ x: position.x, y: position.y - 50 });
    applyCanvasNodeChanges([frame('wait', { x: 1, y: 110 }, false), frame('email', { x: 2, y: 210 }, false)], shiftedUp);
    expect(positionOf('wait')).toEqual({ x: 1, y: 60 });
    expect(positionOf('email')).toEqual({ x: 2, y: 160 });
    expect(editor().history.past).toHaveLength(1);
  });

  it('commits at the drag stop what React Flow left unsettled', () => {
    editor().beginDrag();
    applyCanvasNodeChanges([frame('wait', { x: 40, y: 50 }, true)], asStored);
    settleLiveDrag(asStored);
    expect(positionOf('wait')).toEqual({ x: 40, y: 50 });
    expect(useLiveDrag.getState().positions.size).toBe(0);
    const revision = editor().revision;
    settleLiveDrag(asStored);
    expect(editor().revision).toBe(revision);
  });

  it("draws each drag frame straight in React Flow's store, and nothing else there", () => {
    let nodes = chainNodesToFlow(workedExampleChain());
    const drawn: FlowNode[][] = [];
    const flow: FlowNodesStore = { getState: () => ({ nodes, setNodes: (next) => void drawn.push((nodes = next)) }) };
    const before = nodes;
    editor().beginDrag();
    applyCanvasNodeChanges([frame('wait', { x: 10, y: 10 }, true)], asStored, flow);
    applyCanvasNodeChanges([frame('wait', { x: 20, y: 30 }, true)], asStored, flow);
    expect(drawn).toHaveLength(2);
    expect(nodes.find((node) => node.id === 'wait')!.position).toEqual({ x: 20, y: 30 });
    expect(nodes.filter((node, at) => node !== before[at]).map((node) => node.id)).toEqual(['wait']);
    // The drop goes into the chain (the canvas's nodes prop then carries it), not into the store.
    applyCanvasNodeChanges([frame('wait', { x: 25, y: 35 }, false), { id: 'email', type: 'select', selected: true }], asStored, flow);
    expect(drawn).toHaveLength(2);
    expect(positionOf('wait')).toEqual({ x: 25, y: 35 });
  });

  it('passes selection and sizes to the editor store at once, also during a drag', () => {
    applyCanvasNodeChanges([frame('wait', { x: 5, y: 5 }, true), { id: 'wait', type: 'select', selected: true }], asStored);
    expect([...editor().selectedIds]).toEqual(['wait']);
    expect(useLiveDrag.getState().positions.has('wait')).toBe(true);
  });
});
