import dagre from '@dagrejs/dagre';
import { LAYOUT_NODE_HEIGHT, LAYOUT_NODE_WIDTH, buildChainGraph, outPorts, type Chain, type ChainNode, type Position } from '../../../domain/chains';

/**
 * Top-down auto-layout with dagre, on demand: the whole chain (templates, "Tidy up") or only the
 * selected nodes. Branches keep their order (yes left of no, split branches in order), and the
 * result is shifted so an anchor stays where it was — the first trigger for a whole chain, the
 * selection's top-left corner for a selection — so the view does not jump.
 */
export const LAYOUT_GAPS = { nodesep: 60, ranksep: 70 } as const;

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

function sizeOf(id: string, sizes: Sizes): { width: number; height: number } {
  return sizes.get(id) ?? { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT };
}

/** Nodes in breadth-first order from the triggers, children by port order: dagre's first ordering follows it. */
function orderedNodes(nodes: readonly ChainNode[], chain: Chain): ChainNode[] {
  const inside = new Set(nodes.map((node) => node.id));
  const graph = buildChainGraph(chain);
  const hasParentInside = (node: ChainNode) => graph.incoming(node.id).some((edge) => inside.has(edge.source) && edge.source !== node.id);
  const queue = nodes.filter((node) => !hasParentInside(node));
  const seen = new Set<string>();
  const order: ChainNode[] = [];
  for (let index = 0; index < queue.length || order.length < nodes.length; index++) {
    const node = queue[index] ?? nodes.find((item) => !seen.has(item.id))!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    order.push(node);
    for (const port of outPorts(node)) {
      const next = graph.next(node.id, port.id);
      if (next && inside.has(next.id) && !seen.has(next.id)) queue.push(next);
    }
  }
  return order;
}

/** Children of one node that dagre put on the same row in the wrong order swap places. */
function keepBranchOrder(nodes: readonly ChainNode[], chain: Chain, placed: Map<string, Position>): void {
  const graph = buildChainGraph(chain);
  for (const node of nodes) {
    const children = outPorts(node)
      .map((port) => graph.next(node.id, port.id))
      .filter((child): child is ChainNode => !!child && placed.has(child.id) && graph.incoming(child.id).length === 1);
    const rows = new Map<number, ChainNode[]>();
    for (const child of children) {
      const y = placed.get(child.id)!.y;
      rows.set(y, [...(rows.get(y) ?? []), child]);
    }
    for (const row of rows.values()) {
      const xs = row.map((child) => placed.get(child.id)!.x).sort((a, b) => a - b);
      row.forEach((child, index) => placed.set(child.id, { x: xs[index]!, y: placed.get(child.id)!.y }));
    }
  }
}

function dagrePositions(nodes: readonly ChainNode[], chain: Chain, sizes: Sizes): Map<string, Position> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', ...LAYOUT_GAPS });
  graph.setDefaultEdgeLabel(() => ({}));
  const ordered = orderedNodes(nodes, chain);
  const inside = new Set(ordered.map((node) => node.id));
  for (const node of ordered) graph.setNode(node.id, sizeOf(node.id, sizes));
  for (const node of ordered) {
    for (const port of outPorts(node)) {
      const edge = chain.edges.find((item) => item.source === node.id && item.sourcePort === port.id);
      if (edge && inside.has(edge.target) && edge.target !== node.id) graph.setEdge(node.id, edge.target);
    }
  }
  dagre.layout(graph);
  const placed = new Map<string, Position>();
  for (const node of ordered) {
    const { x, y } = graph.node(node.id);
    const { width, height } = sizeOf(node.id, sizes);
    // dagre gives centres; the model stores top-left corners.
    placed.set(node.id, { x: Math.round(x - width / 2), y: Math.round(y - height / 2) });
  }
  keepBranchOrder(ordered, chain, placed);
  return placed;
}

function topLeft(positions: Iterable<Position>): Position {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const position of positions) {
    x = Math.min(x, position.x);
    y = Math.min(y, position.y);
  }
  return { x, y };
}

/**
 * The chain with `nodeIds` (all nodes when omitted or empty) laid out top-down. Other nodes,
 * the links and everything else stay as they are.
 */
export function layoutChain(chain: Chain, sizes: Sizes = new Map(), nodeIds?: ReadonlySet<string>): Chain {
  const isAll = !nodeIds || nodeIds.size === 0;
  const nodes = isAll ? chain.nodes : chain.nodes.filter((node) => nodeIds.has(node.id));
  if (!nodes.length) return chain;
  const placed = dagrePositions(nodes, chain, sizes);
  const anchorNode = isAll ? (nodes.find((node) => node.kind === 'trigger') ?? nodes[0]!) : null;
  const before = anchorNode ? anchorNode.position : topLeft(nodes.map((node) => node.position));
  const after = anchorNode ? placed.get(anchorNode.id)! : topLeft(placed.values());
  const dx = before.x - after.x;
  const dy = before.y - after.y;
  return {
    ...chain,
    nodes: chain.nodes.map((node) => {
      const position = placed.get(node.id);
      return position ? { ...node, position: { x: position.x + dx, y: position.y + dy } } : node;
    }),
  };
}
