import type { Chain } from '../../../domain/chains';
import type { PathHighlight } from '../../chains/canvas/editorStore';

/**
 * A customer's path on the canvas (the trace screen's `highlightPath`): the nodes they visited
 * and the links between consecutive ones stand out, the rest is dimmed, and the current step —
 * its node and the link that led there — is emphasised. Node ids the chain no longer has are
 * skipped (the chain was edited after the run), never drawn as a link to nowhere.
 */
export function pathHighlight(chain: Chain, nodeIds: readonly string[], step: number): PathHighlight {
  const known = new Set(chain.nodes.map((node) => node.id));
  const nodes = new Set<string>();
  const edges = new Set<string>();
  let currentNodeId: string | null = null;
  let currentEdgeId: string | null = null;
  let previous: string | null = null;
  for (const [index, nodeId] of nodeIds.entries()) {
    if (!known.has(nodeId)) continue;
    nodes.add(nodeId);
    const edge = previous === null ? undefined : chain.edges.find((item) => item.source === previous && item.target === nodeId);
    if (edge) edges.add(edge.id);
    if (index === step) {
      currentNodeId = nodeId;
      currentEdgeId = edge?.id ?? null;
    }
    previous = nodeId;
  }
  return { nodeIds: nodes, edgeIds: edges, currentNodeId, currentEdgeId };
}
