import {
  LAYOUT_NODE_WIDTH,
  buildChainGraph,
  createNode,
  hasInput,
  nextFreeId,
  nodeKindName,
  outPorts,
  type CanvasNote,
  type Chain,
  type ChainEdge,
  type ChainNode,
  type NodeKind,
  type Position,
} from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';

/**
 * The editor's edits, as pure functions from a chain to the next chain (the store records each
 * result as one undo step). Ids of new nodes and edges are `n1`, `e1` … — the first free ones.
 */
export const ROW_GAP = 150;
export const COLUMN_GAP = 300;
export const NOTE_SIZE = { width: 220, height: 120 } as const;

export interface Edited {
  chain: Chain;
  /** what the edit created (to select it) */
  createdIds: string[];
}

function allIds(chain: Chain): Set<string> {
  return new Set([...chain.nodes.map((node) => node.id), ...chain.edges.map((edge) => edge.id)]);
}

export function addNode(chain: Chain, kind: NodeKind, position: Position): Edited {
  const node = createNode(kind, nextFreeId('n', allIds(chain)), position);
  return { chain: { ...chain, nodes: [...chain.nodes, node] }, createdIds: [node.id] };
}

export interface ConnectionRequest {
  source: string;
  sourcePort: string;
  target: string;
}

/** "Cannot link: <why>" for the user. */
export function refusal(problem: LocalizedText): LocalizedText {
  return { en: `Cannot link: ${problem.en}`, ru: `Нельзя соединить: ${problem.ru}` };
}

/** Why a link cannot be made, in words for the user; null when it can. */
export function connectionProblem(chain: Chain, request: ConnectionRequest): LocalizedText | null {
  const graph = buildChainGraph(chain);
  const source = graph.node(request.source);
  const target = graph.node(request.target);
  if (!source || !target) return { en: 'Link a node’s exit to another node.', ru: 'Соедините выход узла с другим узлом.' };
  if (source.id === target.id) return { en: 'A node cannot lead into itself.', ru: 'Узел не может вести сам в себя.' };
  if (!hasInput(target.kind)) return { en: 'A trigger starts the chain: nothing can lead into it.', ru: 'Триггер начинает цепочку: в него ничего не может вести.' };
  const port = outPorts(source).find((item) => item.id === request.sourcePort);
  if (!port) {
    const kind = nodeKindName(source.kind);
    return { en: `${kind.en} has no exit to link from here.`, ru: `У узла «${kind.ru}» нет такого выхода.` };
  }
  const existing = graph.edgeFrom(source.id, port.id);
  if (existing) {
    if (existing.target === target.id) return { en: 'These two are linked already.', ru: 'Эти узлы уже соединены.' };
    return { en: `The exit “${port.label.en}” already leads somewhere: each exit has one link. Delete that link first.`, ru: `Выход «${port.label.ru}» уже ведёт в другой узел: у выхода одна связь. Сначала удалите её.` };
  }
  return null;
}

export function connect(chain: Chain, request: ConnectionRequest): Edited | { problem: LocalizedText } {
  const problem = connectionProblem(chain, request);
  if (problem) return { problem };
  const edge: ChainEdge = { id: nextFreeId('e', allIds(chain)), ...request };
  return { chain: { ...chain, edges: [...chain.edges, edge] }, createdIds: [edge.id] };
}

/** Nodes reachable from `startId` by edges (including it), stopping at `stopId`. */
function downstream(chain: Chain, startId: string, stopId: string): Set<string> {
  const graph = buildChainGraph(chain);
  const seen = new Set<string>();
  const stack = [startId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || id === stopId) continue;
    seen.add(id);
    for (const edge of graph.outgoing(id)) stack.push(edge.target);
  }
  return seen;
}

function shiftDown(nodes: readonly ChainNode[], ids: ReadonlySet<string>, below: number): ChainNode[] {
  return nodes.map((node) => (ids.has(node.id) && node.position.y >= below ? { ...node, position: { x: node.position.x, y: node.position.y + ROW_GAP } } : node));
}

/** Kinds a "+" can insert: on an edge the new node needs an exit to go on by; at a free exit anything with an input. */
export function insertableKinds(where: 'edge' | 'port'): NodeKind[] {
  const kinds: NodeKind[] = ['message', 'timer', 'filter', 'split'];
  return where === 'port' ? [...kinds, 'goal'] : kinds;
}

/**
 * Puts a new node into a link: source → new → old target (by the new node's first exit). The
 * old target and what follows it move one row down, so nothing overlaps and the view stays put.
 */
export function insertOnEdge(chain: Chain, edgeId: string, kind: NodeKind): Edited | null {
  const edge = chain.edges.find((item) => item.id === edgeId);
  const target = chain.nodes.find((node) => node.id === edge?.target);
  if (!edge || !target || !hasInput(kind)) return null;
  const ids = allIds(chain);
  const node = createNode(kind, nextFreeId('n', ids), { ...target.position });
  ids.add(node.id);
  const firstPort = outPorts(node)[0];
  if (!firstPort) return null;
  const nodes = shiftDown(chain.nodes, downstream(chain, target.id, edge.source), target.position.y);
  const inbound: ChainEdge = { ...edge, target: node.id };
  const outbound: ChainEdge = { id: nextFreeId('e', ids), source: node.id, sourcePort: firstPort.id, target: target.id };
  const edges = chain.edges.flatMap((item) => (item.id === edge.id ? [inbound, outbound] : [item]));
  return { chain: { ...chain, nodes: [...nodes, node], edges }, createdIds: [node.id] };
}

/** A new node under a free exit of `sourceId`, linked from it. */
export function insertAtPort(chain: Chain, sourceId: string, portId: string, kind: NodeKind): Edited | null {
  const source = chain.nodes.find((node) => node.id === sourceId);
  if (!source || !hasInput(kind)) return null;
  const ports = outPorts(source);
  const index = ports.findIndex((item) => item.id === portId);
  if (index < 0 || chain.edges.some((edge) => edge.source === sourceId && edge.sourcePort === portId)) return null;
  const x = source.position.x + (index - (ports.length - 1) / 2) * COLUMN_GAP;
  const ids = allIds(chain);
  const node = createNode(kind, nextFreeId('n', ids), { x, y: source.position.y + ROW_GAP });
  ids.add(node.id);
  const edge: ChainEdge = { id: nextFreeId('e', ids), source: sourceId, sourcePort: portId, target: node.id };
  return { chain: { ...chain, nodes: [...chain.nodes, node], edges: [...chain.edges, edge] }, createdIds: [node.id] };
}

export interface Removal {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  noteIds: readonly string[];
}

/**
 * Deletes nodes, links and notes. A deleted node that led to exactly one next node hands its
 * incoming links over to that node, so deleting a step in the middle of a path keeps the path
 * (for a filter or split with different next nodes there is no right choice: its incoming links
 * go, and the validator points at the exits left free).
 */
export function removeElements(chain: Chain, removal: Removal): Chain {
  const doomed = new Set(removal.nodeIds);
  const droppedEdges = new Set(removal.edgeIds);
  let edges = chain.edges.filter((edge) => !droppedEdges.has(edge.id));
  for (const nodeId of removal.nodeIds) {
    const next = new Set(edges.filter((edge) => edge.source === nodeId).map((edge) => edge.target));
    const only = next.size === 1 ? [...next][0]! : null;
    edges = edges.flatMap((edge) => {
      if (edge.source === nodeId) return [];
      if (edge.target !== nodeId) return [edge];
      return only !== null && only !== edge.source ? [{ ...edge, target: only }] : [];
    });
  }
  edges = edges.filter((edge) => !doomed.has(edge.source) && !doomed.has(edge.target));
  const notes = new Set(removal.noteIds);
  return { ...chain, nodes: chain.nodes.filter((node) => !doomed.has(node.id)), edges: dedupePorts(edges), notes: chain.notes.filter((note) => !notes.has(note.id)) };
}

/** After reconnecting, an exit keeps its first link only (two deleted nodes in a row can leave two). */
function dedupePorts(edges: readonly ChainEdge[]): ChainEdge[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function moveNodes(chain: Chain, positions: ReadonlyMap<string, Position>): Chain {
  if (!positions.size) return chain;
  const moved = (id: string, position: Position): Position => positions.get(id) ?? position;
  return {
    ...chain,
    nodes: chain.nodes.map((node) => (positions.has(node.id) ? { ...node, position: moved(node.id, node.position) } : node)),
    notes: chain.notes.map((note) => (positions.has(`note:${note.id}`) ? { ...note, position: moved(`note:${note.id}`, note.position) } : note)),
  };
}

export function addNote(chain: Chain, position: Position, text = ''): Edited {
  const note: CanvasNote = { id: nextFreeId('note', chain.notes.map((item) => item.id)), text, position, ...NOTE_SIZE };
  return { chain: { ...chain, notes: [...chain.notes, note] }, createdIds: [`note:${note.id}`] };
}

export function updateNote(chain: Chain, noteId: string, change: Partial<Omit<CanvasNote, 'id'>>): Chain {
  return { ...chain, notes: chain.notes.map((note) => (note.id === noteId ? { ...note, ...change } : note)) };
}

export function replaceNode(chain: Chain, node: ChainNode): Chain {
  return { ...chain, nodes: chain.nodes.map((item) => (item.id === node.id ? node : item)) };
}

/** Where a new node goes when none is given: under the lowest node, or at the origin. */
export function freeSpot(chain: Chain): Position {
  if (!chain.nodes.length) return { x: 0, y: 0 };
  const lowest = chain.nodes.reduce((low, node) => (node.position.y > low.position.y ? node : low));
  return { x: lowest.position.x + (chain.nodes.length % 2 ? LAYOUT_NODE_WIDTH / 2 : 0), y: lowest.position.y + ROW_GAP };
}

function isSameExceptPosition(a: object, b: object): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'position' || (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** True when `next` differs from `previous` only in where nodes and notes stand (a drag, a tidy-up). */
export function isOnlyMoved(previous: Chain, next: Chain): boolean {
  if (previous === next) return true;
  if (!isSameExceptPosition({ ...previous, nodes: null, notes: null }, { ...next, nodes: null, notes: null })) return false;
  if (previous.nodes.length !== next.nodes.length || previous.notes.length !== next.notes.length) return false;
  return previous.nodes.every((node, index) => isSameExceptPosition(node, next.nodes[index]!)) && previous.notes.every((note, index) => isSameExceptPosition(note, next.notes[index]!));
}

/** `next` with every node and note standing where it stands in `current` (for edits made on a chain whose positions may be stale). */
export function keepPositions(next: Chain, current: Chain): Chain {
  const nodeAt = new Map(current.nodes.map((node) => [node.id, node.position]));
  const noteAt = new Map(current.notes.map((note) => [note.id, note.position]));
  return {
    ...next,
    nodes: next.nodes.map((node) => {
      const position = nodeAt.get(node.id);
      return position && position !== node.position ? { ...node, position } : node;
    }),
    notes: next.notes.map((note) => {
      const position = noteAt.get(note.id);
      return position && position !== note.position ? { ...note, position } : note;
    }),
  };
}
