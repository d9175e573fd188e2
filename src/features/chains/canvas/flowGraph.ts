import type { Edge, Node } from '@xyflow/react';
import { hasInput, isNodeKind, outPorts, type CanvasNote, type Chain, type ChainEdge, type ChainNode } from '../../../domain/chains';
import type { LocalizedText } from '../../../domain/text';

/**
 * THE conversion between the domain chain and the React Flow graph, both ways (as Dittofeed's
 * `journeyDefinitionFromState`). The domain chain is the source of truth; the flow graph is a
 * view of it plus what only the canvas knows (selection, measured sizes). Nothing else builds
 * flow nodes from a chain or a chain from flow nodes.
 *
 * - A chain node becomes a flow node of type `chain` whose `data.node` IS the domain node (same
 *   object: an unchanged node keeps its identity, so its memoised card does not re-render).
 * - A sticky note becomes a flow node of type `note`, id `note:<id>` (note ids may repeat node ids).
 * - An edge keeps its id; `sourceHandle` is the out-port, `targetHandle` the single input `in`.
 */
export const CHAIN_NODE_TYPE = 'chain';
export const NOTE_NODE_TYPE = 'note';
export const INPUT_HANDLE = 'in';
export const NOTE_ID_PREFIX = 'note:';

export interface ChainNodeData extends Record<string, unknown> {
  node: ChainNode;
}
export interface NoteNodeData extends Record<string, unknown> {
  note: CanvasNote;
}
export interface ChainEdgeData extends Record<string, unknown> {
  edge: ChainEdge;
}

export type ChainFlowNode = Node<ChainNodeData, typeof CHAIN_NODE_TYPE>;
export type NoteFlowNode = Node<NoteNodeData, typeof NOTE_NODE_TYPE>;
export type FlowNode = ChainFlowNode | NoteFlowNode;
export type FlowEdge = Edge<ChainEdgeData, 'chain'>;

/** What the canvas adds to the chain: selection and the sizes React Flow measured. */
export interface FlowView {
  selectedIds: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

export const EMPTY_VIEW: FlowView = { selectedIds: new Set(), measured: new Map() };

export function noteFlowId(noteId: string): string {
  return `${NOTE_ID_PREFIX}${noteId}`;
}

export function isNoteFlowId(flowId: string): boolean {
  return flowId.startsWith(NOTE_ID_PREFIX);
}

export function noteIdOf(flowId: string): string {
  return flowId.slice(NOTE_ID_PREFIX.length);
}

// Flow objects are cached per domain object and view state, so a chain edit rebuilds only the
// flow nodes of the domain nodes it replaced (300-node chains stay smooth while dragging).
interface CacheEntry<T> {
  isSelected: boolean;
  width: number | undefined;
  height: number | undefined;
  value: T;
}
const nodeCache = new WeakMap<object, CacheEntry<FlowNode>>();
const edgeCache = new WeakMap<object, CacheEntry<FlowEdge>>();

function cached<T>(cache: WeakMap<object, CacheEntry<T>>, key: object, isSelected: boolean, size: { width: number; height: number } | undefined, build: () => T): T {
  const hit = cache.get(key);
  if (hit && hit.isSelected === isSelected && hit.width === size?.width && hit.height === size?.height) return hit.value;
  const value = build();
  cache.set(key, { isSelected, width: size?.width, height: size?.height, value });
  return value;
}

function chainFlowNode(node: ChainNode, view: FlowView): ChainFlowNode {
  const size = view.measured.get(node.id);
  const isSelected = view.selectedIds.has(node.id);
  return cached(nodeCache, node, isSelected, size, () => ({
    id: node.id,
    type: CHAIN_NODE_TYPE,
    position: node.position,
    data: { node },
    selected: isSelected,
    ...(size ? { measured: size } : {}),
  })) as ChainFlowNode;
}

function noteFlowNode(note: CanvasNote, view: FlowView): NoteFlowNode {
  const id = noteFlowId(note.id);
  const isSelected = view.selectedIds.has(id);
  const size = view.measured.get(id);
  return cached(nodeCache, note, isSelected, size, () => ({
    id,
    type: NOTE_NODE_TYPE,
    position: note.position,
    data: { note },
    selected: isSelected,
    width: note.width,
    height: note.height,
    // Notes sit under the chain's nodes and edges.
    zIndex: -1,
    ...(size ? { measured: size } : {}),
  })) as NoteFlowNode;
}

function flowEdge(edge: ChainEdge, view: Pick<FlowView, 'selectedIds'>): FlowEdge {
  const isSelected = view.selectedIds.has(edge.id);
  return cached(edgeCache, edge, isSelected, undefined, () => ({
    id: edge.id,
    type: 'chain',
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    targetHandle: INPUT_HANDLE,
    data: { edge },
    selected: isSelected,
  })) as FlowEdge;
}

/** Notes first so they paint under the nodes; then the nodes in chain order. */
export function chainNodesToFlow(chain: Pick<Chain, 'nodes' | 'notes'>, view: FlowView = EMPTY_VIEW): FlowNode[] {
  const nodes: FlowNode[] = chain.notes.map((note) => noteFlowNode(note, view));
  for (const node of chain.nodes) nodes.push(chainFlowNode(node, view));
  return nodes;
}

/**
 * The links in chain order. Apart from the nodes so that the canvas can keep this array while
 * only positions change (a drag): a new edges array makes React Flow rebuild its connection
 * lookup and run every link's store subscription again, on each frame.
 */
export function chainEdgesToFlow(edges: readonly ChainEdge[], view: Pick<FlowView, 'selectedIds'> = EMPTY_VIEW): FlowEdge[] {
  return edges.map((edge) => flowEdge(edge, view));
}

export function chainToFlow(chain: Chain, view: FlowView = EMPTY_VIEW): { nodes: FlowNode[]; edges: FlowEdge[] } {
  return { nodes: chainNodesToFlow(chain, view), edges: chainEdgesToFlow(chain.edges, view) };
}

export type FlowToChainResult =
  | { ok: true; chain: Chain }
  | { ok: false; nodeId: string | null; edgeId: string | null; message: LocalizedText };

function failure(where: { nodeId?: string; edgeId?: string }, en: string, ru: string): FlowToChainResult {
  return { ok: false, nodeId: where.nodeId ?? null, edgeId: where.edgeId ?? null, message: { en, ru } };
}

function readNodes(nodes: readonly FlowNode[]): { chainNodes: ChainNode[]; notes: CanvasNote[] } | FlowToChainResult {
  const chainNodes: ChainNode[] = [];
  const notes: CanvasNote[] = [];
  const seen = new Set<string>();
  for (const flowNode of nodes) {
    if (seen.has(flowNode.id)) return failure({ nodeId: flowNode.id }, `Two nodes have the id ${flowNode.id}.`, `У двух узлов один id ${flowNode.id}.`);
    seen.add(flowNode.id);
    if (flowNode.type === NOTE_NODE_TYPE) {
      const note = flowNode.data?.note;
      if (!note || noteFlowId(note.id) !== flowNode.id) return failure({ nodeId: flowNode.id }, `Note ${flowNode.id} has no note data.`, `У заметки ${flowNode.id} нет данных заметки.`);
      notes.push({ ...note, position: { ...flowNode.position }, width: flowNode.width ?? note.width, height: flowNode.height ?? note.height });
      continue;
    }
    const node = (flowNode as ChainFlowNode).data?.node;
    if (flowNode.type !== CHAIN_NODE_TYPE || !node || !isNodeKind(node.kind)) return failure({ nodeId: flowNode.id }, `Node ${flowNode.id} is not a chain node (type ${String(flowNode.type)}).`, `Узел ${flowNode.id} — не узел цепочки (тип ${String(flowNode.type)}).`);
    if (node.id !== flowNode.id) return failure({ nodeId: flowNode.id }, `Node ${flowNode.id} carries the data of node ${node.id}.`, `Узел ${flowNode.id} несёт данные узла ${node.id}.`);
    chainNodes.push(node.position === flowNode.position ? node : { ...node, position: { ...flowNode.position } });
  }
  return { chainNodes, notes };
}

function readEdge(flowEdge: FlowEdge, nodeById: ReadonlyMap<string, ChainNode>): ChainEdge | FlowToChainResult {
  const source = nodeById.get(flowEdge.source);
  const target = nodeById.get(flowEdge.target);
  if (!source) return failure({ nodeId: flowEdge.source, edgeId: flowEdge.id }, `Link ${flowEdge.id} starts at node ${flowEdge.source}, which is not in the chain.`, `Связь ${flowEdge.id} начинается у узла ${flowEdge.source}, которого нет в цепочке.`);
  if (!target) return failure({ nodeId: flowEdge.target, edgeId: flowEdge.id }, `Link ${flowEdge.id} leads to node ${flowEdge.target}, which is not in the chain.`, `Связь ${flowEdge.id} ведёт к узлу ${flowEdge.target}, которого нет в цепочке.`);
  const port = flowEdge.sourceHandle ?? '';
  if (!outPorts(source).some((item) => item.id === port)) return failure({ nodeId: source.id, edgeId: flowEdge.id }, `Node ${source.id} has no exit "${port}".`, `У узла ${source.id} нет выхода «${port}».`);
  if (!hasInput(target.kind)) return failure({ nodeId: target.id, edgeId: flowEdge.id }, `Node ${target.id} is a trigger: nothing can lead into it.`, `Узел ${target.id} — триггер: в него ничего не может вести.`);
  const known = flowEdge.data?.edge;
  if (known && known.id === flowEdge.id && known.source === source.id && known.target === target.id && known.sourcePort === port) return known;
  return { id: flowEdge.id, source: source.id, sourcePort: port, target: target.id };
}

/**
 * The chain the flow graph shows: `base` supplies everything the graph does not carry (name,
 * settings …). Fails — with the node (and edge) concerned — on a graph no chain can have.
 */
export function flowToChain(base: Chain, nodes: readonly FlowNode[], edges: readonly FlowEdge[]): FlowToChainResult {
  const read = readNodes(nodes);
  if ('ok' in read) return read;
  const nodeById = new Map(read.chainNodes.map((node) => [node.id, node]));
  const chainEdges: ChainEdge[] = [];
  const edgeIds = new Set<string>();
  for (const item of edges) {
    if (edgeIds.has(item.id)) return failure({ edgeId: item.id, nodeId: item.source }, `Two links have the id ${item.id}.`, `У двух связей один id ${item.id}.`);
    edgeIds.add(item.id);
    const edge = readEdge(item, nodeById);
    if ('ok' in edge) return edge;
    chainEdges.push(edge);
  }
  return { ok: true, chain: { ...base, nodes: read.chainNodes, edges: chainEdges, notes: read.notes } };
}
