import type { Chain, ChainEdge, ChainNode, TriggerNode } from './types';

/**
 * Lookups over a chain's graph, built once per chain: the node of an id, the edge leaving a
 * node's port, the edges entering a node. The validator, the simulator and the canvas use it.
 * When a port has several edges (an invalid chain), `next` gives the first one in edge order.
 */
export interface ChainGraph {
  node(id: string): ChainNode | undefined;
  /** edges leaving `nodeId`, in chain order */
  outgoing(nodeId: string): readonly ChainEdge[];
  /** the edge leaving `nodeId` by `port` */
  edgeFrom(nodeId: string, port: string): ChainEdge | undefined;
  /** the node reached from `nodeId` by `port` */
  next(nodeId: string, port: string): ChainNode | undefined;
  incoming(nodeId: string): readonly ChainEdge[];
  triggers: readonly TriggerNode[];
}

const NONE: readonly ChainEdge[] = [];

export function buildChainGraph(chain: Pick<Chain, 'nodes' | 'edges'>): ChainGraph {
  const nodes = new Map<string, ChainNode>();
  for (const node of chain.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const outgoing = new Map<string, ChainEdge[]>();
  const incoming = new Map<string, ChainEdge[]>();
  const byPort = new Map<string, ChainEdge>();
  for (const edge of chain.edges) {
    pushTo(outgoing, edge.source, edge);
    pushTo(incoming, edge.target, edge);
    const key = portKey(edge.source, edge.sourcePort);
    if (!byPort.has(key)) byPort.set(key, edge);
  }
  return {
    node: (id) => nodes.get(id),
    outgoing: (id) => outgoing.get(id) ?? NONE,
    edgeFrom: (id, port) => byPort.get(portKey(id, port)),
    next(id, port) {
      const edge = byPort.get(portKey(id, port));
      return edge ? nodes.get(edge.target) : undefined;
    },
    incoming: (id) => incoming.get(id) ?? NONE,
    triggers: chain.nodes.filter((node): node is TriggerNode => node.kind === 'trigger'),
  };
}

/** One key per out-port of a chain ("node id" + NUL + "port id"; ids may hold any other character). */
export function portKey(nodeId: string, port: string): string {
  return `${nodeId}\u0000${port}`;
}

/** The `portKey`s of every out-port with at least one edge leaving it. */
export function connectedPortKeys(edges: readonly ChainEdge[]): ReadonlySet<string> {
  return new Set(edges.map((edge) => portKey(edge.source, edge.sourcePort)));
}

function pushTo(map: Map<string, ChainEdge[]>, key: string, edge: ChainEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
