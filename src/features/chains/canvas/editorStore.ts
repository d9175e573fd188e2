import type { EdgeChange, NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { connectedPortKeys, portKey, type Chain, type ChainEdge, type ChainFinding, type Position } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';
import { isOnlyMoved, keepPositions, moveNodes, updateNote } from './chainEdits';
import { isNoteFlowId, noteIdOf } from './flowGraph';
import { closeStep, EMPTY_HISTORY, recordEdit, redo, undo, type History } from './history';

/**
 * The open chain and what the canvas keeps beside it. A thin store: it applies React Flow's
 * node / edge changes and records edits for undo; the conversion to and from the flow graph
 * lives in flowGraph.ts and the edits themselves in chainEdits.ts / clipboard.ts.
 *
 * Components subscribe to slices (`useChainEditor((s) => s.findingsByNode.get(id))`), never to
 * the whole chain inside a node card.
 */

/** Per-node figures a run lays over the canvas (issue 14); the card renders nothing without it. */
export interface NodeOverlay {
  /** the main figure, already formatted ("1 204 entered") */
  primary: string;
  /** a second line ("38 % opened") */
  secondary?: string;
  /** further lines: left by each exit, sent, suppressed by reason, waiting */
  lines?: readonly string[];
  tone?: 'neutral' | 'good' | 'warning' | 'bad';
  /** an amber badge on the card with this reason in words (its tooltip and accessible name) */
  warning?: string;
  /** the figures' accessible name when they open the node's customers (`RunOverlay.onOpenNode`) */
  openLabel?: string;
  /** a compare's change against another run: a chip ("+12 entered · −3 sent") with its words for screen readers */
  delta?: { text: string; label: string; direction: 'up' | 'down' | 'same' };
}

/** Per-edge figures of a run: a label on the link and its thickness (`width` in px, else `weight` 0…1 of the busiest link). */
export interface EdgeOverlay {
  label: string;
  weight: number;
  width?: number;
  /** the label in words, for its tooltip and screen readers */
  title?: string;
}

export interface RunOverlay {
  nodes: Readonly<Record<string, NodeOverlay>>;
  edges: Readonly<Record<string, EdgeOverlay>>;
  /** the figures of a node were clicked: show its customers */
  onOpenNode?(nodeId: string): void;
}

/** Nodes and links to stand out (a customer's path); everything else is dimmed. */
export interface PathHighlight {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  /** the node and link of the current step, emphasised */
  currentNodeId?: string | null;
  currentEdgeId?: string | null;
}

export interface EditOptions {
  /** rapid edits with the same key form one undo step (typing, dragging) */
  coalesceKey?: string;
  /** flow ids to select after the edit */
  select?: readonly string[];
}

export interface ChainEditorState {
  chain: Chain | null;
  /**
   * The chain as of its last change of content (anything but positions): what the findings, the
   * side panel and other position-blind views subscribe to, so a drag does not re-render them.
   * Its positions may be stale; edit through `editContent`, which keeps the current ones.
   */
  content: Chain | null;
  history: History;
  /** flow ids: chain node ids, edge ids, `note:<id>` */
  selectedIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  findings: readonly ChainFinding[];
  findingsByNode: ReadonlyMap<string, readonly ChainFinding[]>;
  overlay: RunOverlay | null;
  highlight: PathHighlight | null;
  /** a short message for the user (a refused link, a failed paste); `at` makes repeats visible */
  message: { text: LocalizedText; severity: 'info' | 'warning' | 'error'; at: number } | null;
  /** counts chain changes (autosave watches it) */
  revision: number;
  dragSession: number;
  load(chain: Chain): void;
  unload(): void;
  edit(next: Chain, options?: EditOptions): void;
  /** An edit made on `content` (the side panel): positions stay as they are now. */
  editContent(next: Chain, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  closeStep(): void;
  select(ids: Iterable<string>): void;
  applyNodeChanges(changes: readonly NodeChange[]): void;
  applyEdgeChanges(changes: readonly EdgeChange[]): void;
  beginDrag(): void;
  setFindings(findings: readonly ChainFinding[]): void;
  setOverlay(overlay: RunOverlay | null): void;
  setHighlight(highlight: PathHighlight | null): void;
  say(text: LocalizedText, severity?: 'info' | 'warning' | 'error'): void;
}

const NO_IDS: ReadonlySet<string> = new Set();

function groupByNode(findings: readonly ChainFinding[]): Map<string, ChainFinding[]> {
  const byNode = new Map<string, ChainFinding[]>();
  for (const item of findings) {
    if (!item.nodeId) continue;
    const list = byNode.get(item.nodeId);
    if (list) list.push(item);
    else byNode.set(item.nodeId, [item]);
  }
  return byNode;
}

/** The `content` to keep for a new present chain. */
function contentFor(content: Chain | null, chain: Chain): Chain {
  return content && isOnlyMoved(content, chain) ? content : chain;
}

/** Per-node findings keep their array when nothing about the node changed, so its badge does not re-render. */
function reuseUnchanged(previous: ReadonlyMap<string, readonly ChainFinding[]>, next: Map<string, ChainFinding[]>): Map<string, readonly ChainFinding[]> {
  const merged = new Map<string, readonly ChainFinding[]>();
  for (const [nodeId, list] of next) {
    const before = previous.get(nodeId);
    merged.set(nodeId, before && JSON.stringify(before) === JSON.stringify(list) ? before : list);
  }
  return merged;
}

function applySelection(selected: ReadonlySet<string>, changes: readonly (NodeChange | EdgeChange)[]): ReadonlySet<string> {
  let next: Set<string> | null = null;
  for (const change of changes) {
    if (change.type !== 'select' || selected.has(change.id) === change.selected) continue;
    next ??= new Set(selected);
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return next ?? selected;
}

const connectedPortsCache = new WeakMap<readonly ChainEdge[], ReadonlySet<string>>();

/**
 * Whether a link leaves the node's out-port (the card shows a "+" on the others). Worked out once
 * per edges array from the domain chain, not by a React Flow subscription per port: those ran
 * some 300 selectors on every drag and pan frame, while a drag keeps the chain's edges as they are.
 */
export function isPortConnected(state: Pick<ChainEditorState, 'chain'>, nodeId: string, portId: string): boolean {
  const edges = state.chain?.edges;
  if (!edges) return false;
  let keys = connectedPortsCache.get(edges);
  if (!keys) {
    keys = connectedPortKeys(edges);
    connectedPortsCache.set(edges, keys);
  }
  return keys.has(portKey(nodeId, portId));
}

export const useChainEditor = create<ChainEditorState>()((set, get) => ({
  chain: null,
  content: null,
  history: EMPTY_HISTORY,
  selectedIds: NO_IDS,
  measured: new Map(),
  findings: [],
  findingsByNode: new Map(),
  overlay: null,
  highlight: null,
  message: null,
  revision: 0,
  dragSession: 0,
  load: (chain) => set({ chain, content: chain, history: EMPTY_HISTORY, selectedIds: NO_IDS, findings: [], findingsByNode: new Map(), overlay: null, highlight: null, message: null, revision: 0 }),
  unload: () => set({ chain: null, content: null, history: EMPTY_HISTORY, selectedIds: NO_IDS, findings: [], findingsByNode: new Map(), overlay: null, highlight: null }),
  edit(next, options = {}) {
    const { chain, history, revision } = get();
    if (!chain || next === chain) return;
    set({
      chain: next,
      content: contentFor(get().content, next),
      history: recordEdit(history, chain, options.coalesceKey, Date.now()),
      revision: revision + 1,
      ...(options.select ? { selectedIds: new Set(options.select) } : {}),
    });
  },
  undo() {
    const { chain, history, revision } = get();
    const step = chain && undo(history, chain);
    if (step) set({ chain: step.chain, content: contentFor(get().content, step.chain), history: step.history, revision: revision + 1 });
  },
  redo() {
    const { chain, history, revision } = get();
    const step = chain && redo(history, chain);
    if (step) set({ chain: step.chain, content: contentFor(get().content, step.chain), history: step.history, revision: revision + 1 });
  },
  editContent(next, options) {
    const { chain, edit } = get();
    if (chain) edit(keepPositions(next, chain), options);
  },
  closeStep: () => set({ history: closeStep(get().history) }),
  select: (ids) => set({ selectedIds: new Set(ids), history: closeStep(get().history) }),
  applyNodeChanges(changes) {
    const state = get();
    if (!state.chain) return;
    const positions = new Map<string, Position>();
    let measured: Map<string, { width: number; height: number }> | null = null;
    let chain = state.chain;
    let isDragging = false;
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        positions.set(change.id, change.position);
        isDragging ||= change.dragging === true;
      } else if (change.type === 'dimensions' && change.dimensions) {
        if (change.resizing && isNoteFlowId(change.id)) chain = updateNote(chain, noteIdOf(change.id), { ...change.dimensions });
        measured ??= new Map(state.measured);
        measured.set(change.id, change.dimensions);
      }
    }
    const selectedIds = applySelection(state.selectedIds, changes);
    if (measured || selectedIds !== state.selectedIds) set({ ...(measured ? { measured } : {}), selectedIds });
    const next = moveNodes(chain, positions);
    if (next !== state.chain) get().edit(next, { coalesceKey: `drag:${state.dragSession}` });
    if (positions.size && !isDragging) get().closeStep();
  },
  applyEdgeChanges(changes) {
    const { selectedIds } = get();
    const next = applySelection(selectedIds, changes);
    if (next !== selectedIds) set({ selectedIds: next });
  },
  beginDrag: () => set({ dragSession: get().dragSession + 1, history: closeStep(get().history) }),
  setFindings: (findings) => set({ findings, findingsByNode: reuseUnchanged(get().findingsByNode, groupByNode(findings)) }),
  setOverlay: (overlay) => set({ overlay }),
  setHighlight: (highlight) => set({ highlight }),
  say: (text, severity = 'warning') => set({ message: { text, severity, at: Date.now() } }),
}));
