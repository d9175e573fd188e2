import { LAYOUT_NODE_HEIGHT, LAYOUT_NODE_WIDTH, outPorts, type Chain, type Position } from '../../../domain/chains';

/** How close (canvas units) to a link a dropped node must land to be inserted into it. */
export const DROP_ON_EDGE_DISTANCE = 28;

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

function distanceToSegment(point: Position, from: Position, to: Position): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const lengthSquared = dx * dx + dy * dy;
  const share = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - from.x) * dx + (point.y - from.y) * dy) / lengthSquared));
  return Math.hypot(point.x - (from.x + share * dx), point.y - (from.y + share * dy));
}

/**
 * The link a node dropped at `point` lands on: the one whose drawn path passes closest, within
 * DROP_ON_EDGE_DISTANCE. Links are drawn as steps (down, across, down), so the path is checked
 * as those three segments.
 */
export function edgeAtPoint(chain: Chain, sizes: Sizes, point: Position): string | null {
  const byId = new Map(chain.nodes.map((node) => [node.id, node]));
  let best: { id: string; distance: number } | null = null;
  for (const edge of chain.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const sourceSize = sizes.get(source.id) ?? { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT };
    const targetSize = sizes.get(target.id) ?? { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT };
    const ports = outPorts(source);
    const index = Math.max(0, ports.findIndex((port) => port.id === edge.sourcePort));
    const from = { x: source.position.x + (sourceSize.width * (index + 1)) / (ports.length + 1), y: source.position.y + sourceSize.height };
    const to = { x: target.position.x + targetSize.width / 2, y: target.position.y };
    const middleY = (from.y + to.y) / 2;
    const distance = Math.min(
      distanceToSegment(point, from, { x: from.x, y: middleY }),
      distanceToSegment(point, { x: from.x, y: middleY }, { x: to.x, y: middleY }),
      distanceToSegment(point, { x: to.x, y: middleY }, to),
    );
    if (distance <= DROP_ON_EDGE_DISTANCE && (!best || distance < best.distance)) best = { id: edge.id, distance };
  }
  return best?.id ?? null;
}
