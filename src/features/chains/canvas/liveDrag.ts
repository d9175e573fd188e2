import type { NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Position } from '../../../domain/chains';
import { useChainEditor } from './editorStore';
import type { FlowNode } from './flowGraph';

/**
 * Where the cards being dragged stand right now, by flow id, as the canvas draws them.
 *
 * A drag frame is written here, not into the chain. Only the canvas listens to this store, so a
 * frame does not wake the editor store's listeners. Those are some 2,000 selectors of a 300-card
 * chain (findings, figures, highlight per card), plus autosave and the history.
 * When the drag ends, its positions go into the chain as one edit: one undo step, one autosave.
 */
export interface LiveDragState {
  positions: ReadonlyMap<string, Position>;
  move(positions: ReadonlyMap<string, Position>): void;
  clear(): void;
}

export const NO_POSITIONS: ReadonlyMap<string, Position> = new Map();

export const useLiveDrag = create<LiveDragState>()((set, get) => ({
  positions: NO_POSITIONS,
  move: (positions) => set({ positions: new Map([...get().positions, ...positions]) }),
  clear: () => {
    if (get().positions.size) set({ positions: NO_POSITIONS });
  },
}));

export interface RoutedChanges {
  /** positions of a drag still under way (`dragging: true`), by flow id; null when there are none */
  moving: Map<string, Position> | null;
  /** everything else for the editor store: a drag's last positions, keyboard moves, sizes, selection */
  settled: NodeChange<FlowNode>[];
}

/** Splits React Flow's node changes into the live frames of a drag and the changes for the chain. */
export function routeNodeChanges(changes: readonly NodeChange<FlowNode>[]): RoutedChanges {
  let moving: Map<string, Position> | null = null;
  const settled: NodeChange<FlowNode>[] = [];
  for (const change of changes) {
    if (change.type === 'position' && change.dragging === true && change.position) {
      moving ??= new Map();
      moving.set(change.id, change.position);
    } else settled.push(change);
  }
  return { moving, settled };
}

/** The flow nodes with the cards being dragged where they are now (the others are the same objects). */
export function withLivePositions(nodes: FlowNode[], positions: ReadonlyMap<string, Position>): FlowNode[] {
  if (!positions.size) return nodes;
  return nodes.map((node) => {
    const position = positions.get(node.id);
    return position ? { ...node, position } : node;
  });
}

/** The part of React Flow's store (`useStoreApi`) a drag frame is drawn with. */
export interface FlowNodesStore {
  getState(): { nodes: FlowNode[]; setNodes(nodes: FlowNode[]): void };
}

/**
 * Draws a drag frame straight in React Flow's store: its cards, links and minimap re-render, while
 * the canvas component (and React Flow's own, with its prop updater) does not. Going through the
 * `nodes` prop took two React commits per frame: the canvas, then React Flow's store.
 */
export function drawLivePositions(flow: FlowNodesStore, positions: ReadonlyMap<string, Position>): void {
  const { nodes, setNodes } = flow.getState();
  setNodes(withLivePositions(nodes, positions));
}

/**
 * The canvas's `onNodesChange`: drag frames go to the live positions (and, given `flow`, straight to
 * React Flow's store), the rest to the editor store (`toStored` turns a drawn position into the
 * chain's, see figureSpacing.ts). A settled position (the drag's end) is in the chain once this
 * returns, so the live one is dropped in the same render.
 */
export function applyCanvasNodeChanges(changes: readonly NodeChange<FlowNode>[], toStored: (id: string, position: Position) => Position, flow?: FlowNodesStore): void {
  const { moving, settled } = routeNodeChanges(changes);
  if (moving) {
    useLiveDrag.getState().move(moving);
    if (flow) drawLivePositions(flow, moving);
  }
  if (!settled.length) return;
  useChainEditor.getState().applyNodeChanges(settled.map((change) => (change.type === 'position' && change.position ? { ...change, position: toStored(change.id, change.position) } : change)));
  if (settled.some((change) => change.type === 'position')) useLiveDrag.getState().clear();
}

/** At a drag's stop: live positions React Flow did not settle (it does, as a rule) go into the chain all the same. */
export function settleLiveDrag(toStored: (id: string, position: Position) => Position): void {
  const { positions } = useLiveDrag.getState();
  if (!positions.size) return;
  applyCanvasNodeChanges([...positions].map(([id, position]) => ({ id, type: 'position', position, dragging: false })), toStored);
}
