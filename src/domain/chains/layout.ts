import { buildChainGraph, type ChainGraph } from './graph';
import { outPorts } from './nodes/registry';
import type { Chain, ChainNode, Position } from './types';

/**
 * A plain top-down layered layout, for templates and chains built in code (the canvas has its
 * own dagre / elk layout on demand). Rank = the longest path from a trigger (edges that close a
 * cycle are ignored); inside a rank, nodes follow their parents' left-to-right order and then
 * their port order (yes before no, branch order), so branches keep a stable order. Nodes no
 * trigger reaches go in a row of their own below the rest.
 */
export const LAYOUT_NODE_WIDTH = 240;
export const LAYOUT_NODE_HEIGHT = 80;
const COLUMN = 300;
const ROW = 150;

/** Longest path from a trigger over the edges that do not close a cycle (found by one DFS). */
function ranks(chain: Pick<Chain, 'nodes' | 'edges'>): Map<string, number> {
  const graph = buildChainGraph(chain);
  const state = new Map<string, 'open' | 'done'>();
  const order: ChainNode[] = [];
  const forward = new Map<string, ChainNode[]>();
  const visit = (node: ChainNode): void => {
    state.set(node.id, 'open');
    const children: ChainNode[] = [];
    for (const port of outPorts(node)) {
      const next = graph.next(node.id, port.id);
      if (!next || state.get(next.id) === 'open') continue;
      children.push(next);
      if (!state.has(next.id)) visit(next);
    }
    forward.set(node.id, children);
    state.set(node.id, 'done');
    order.push(node);
  };
  for (const trigger of graph.triggers) if (!state.has(trigger.id)) visit(trigger);
  const rank = new Map<string, number>();
  for (const trigger of graph.triggers) rank.set(trigger.id, 0);
  // Reverse post-order is a topological order of the forward edges.
  for (const node of order.reverse()) {
    const depth = rank.get(node.id) ?? 0;
    for (const child of forward.get(node.id) ?? []) rank.set(child.id, Math.max(rank.get(child.id) ?? 0, depth + 1));
  }
  return rank;
}

/** A copy of the chain with every node placed; the graph and everything else are unchanged. */
export function layoutTopDown(chain: Chain): Chain {
  const rankOf = ranks(chain);
  const graph = buildChainGraph(chain);
  const lastRank = Math.max(-1, ...rankOf.values());
  const rows: ChainNode[][] = [];
  for (const node of chain.nodes) (rows[rankOf.get(node.id) ?? lastRank + 1] ??= []).push(node);
  const positions = new Map<string, Position>();
  rows.forEach((row, rank) => {
    const wanted = row.map((node, index) => ({ node, index, x: wantedX(node, rank, graph, rankOf, positions) }));
    wanted.sort((a, b) => a.x - b.x || a.index - b.index);
    const xs = spread(wanted.map((item) => item.x));
    // `+ 0` turns -0 (a lone node of a centred row) into 0, so a laid-out chain equals its re-read file.
    wanted.forEach(({ node }, index) => positions.set(node.id, { x: xs[index]! + 0, y: rank * ROW }));
  });
  return { ...chain, nodes: chain.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? { ...node.position } })) };
}

/** Under the parents already placed above, shifted by the port the node hangs from (yes left, no right; branches in order). */
function wantedX(node: ChainNode, rank: number, graph: ChainGraph, rankOf: Map<string, number>, placed: Map<string, Position>): number {
  const xs: number[] = [];
  for (const edge of graph.incoming(node.id)) {
    const parent = graph.node(edge.source);
    const where = parent && placed.get(parent.id);
    if (!parent || !where || (rankOf.get(parent.id) ?? rank) >= rank) continue;
    const ports = outPorts(parent);
    const portIndex = Math.max(0, ports.findIndex((item) => item.id === edge.sourcePort));
    xs.push(where.x + (portIndex - (ports.length - 1) / 2) * COLUMN);
  }
  return xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : Number.POSITIVE_INFINITY;
}

/** Sorted wished-for x positions → positions at least a column apart, centred on the wishes (nodes without a wish go right). */
function spread(wanted: readonly number[]): number[] {
  const finite = wanted.filter(Number.isFinite);
  const start = finite.length ? finite[0]! : -((wanted.length - 1) / 2) * COLUMN;
  const xs: number[] = [];
  for (const x of wanted) xs.push(Math.max(Number.isFinite(x) ? x : start, xs.length ? xs.at(-1)! + COLUMN : Number.NEGATIVE_INFINITY));
  if (!finite.length) return xs;
  const shift = (finite.reduce((sum, x) => sum + x, 0) - xs.slice(0, finite.length).reduce((sum, x) => sum + x, 0)) / finite.length;
  return xs.map((x) => x + Math.min(0, shift));
}
