import type { ChainNode } from '../chains';
import { runsText, sumOf, type NodeFigures, type RunsText } from './runReport';

/**
 * What the canvas draws from a run's counts (issue 14): a node's amber badge and the thickness
 * of an edge.
 *
 * A node's badge turns amber when
 * - `none_arrive`: nobody entered it during the run (a trigger nobody met, a branch nobody took);
 * - `mostly_suppressed`: a message node where guards stopped more than half of the messages it
 *   tried to send (suppressed ÷ (sent + suppressed) > 0.5; control-group and holdout customers
 *   are withheld, not suppressed, and do not count). Only message nodes: a trigger's refused
 *   re-entries are expected by its re-entry rule, not a problem;
 * - `wait_for_never_happens`: a wait-for timer that customers entered but whose "happened" port
 *   nobody left by (they all timed out or still wait) — usually an event the data never has.
 * The warnings come with their figures as parameters; the screen translates `runs.badge.<code>`.
 */
export const BADGE_WARNINGS = ['none_arrive', 'mostly_suppressed', 'wait_for_never_happens'] as const;
export type BadgeWarning = (typeof BADGE_WARNINGS)[number];

export const MOSTLY_SUPPRESSED_SHARE = 0.5;

export interface NodeBadge {
  nodeId: string;
  isAmber: boolean;
  warnings: (RunsText & { code: BadgeWarning })[];
}

function warning(code: BadgeWarning, params: Record<string, number> = {}): RunsText & { code: BadgeWarning } {
  return { code, ...runsText(`runs.badge.${code}`, params) };
}

/** The badge of one node; a node the run has no figures for is treated as one nobody entered. */
export function nodeBadge(node: ChainNode, figures: NodeFigures | undefined): NodeBadge {
  const warnings: NodeBadge['warnings'] = [];
  const entered = figures?.entered ?? 0;
  if (entered === 0) warnings.push(warning('none_arrive'));
  if (figures && node.kind === 'message') {
    const suppressed = sumOf(figures.suppressed);
    const tried = sumOf(figures.sent) + suppressed;
    if (tried > 0 && suppressed / tried > MOSTLY_SUPPRESSED_SHARE) warnings.push(warning('mostly_suppressed', { suppressed, tried, share: suppressed / tried }));
  }
  if (figures && entered > 0 && node.kind === 'timer' && node.timer.type === 'waitFor' && !(figures.left['happened'] ?? 0)) {
    warnings.push(warning('wait_for_never_happens', { entered, timedOut: figures.left['timeout'] ?? 0, waiting: figures.waiting }));
  }
  return { nodeId: node.id, isAmber: warnings.length > 0, warnings };
}

export function nodeBadges(nodes: readonly ChainNode[], figures: Readonly<Record<string, NodeFigures>>): NodeBadge[] {
  return nodes.map((node) => nodeBadge(node, figures[node.id]));
}

export const EDGE_WIDTH = { min: 1.5, max: 8 } as const;

/**
 * Stroke width of an edge that `count` customers crossed, when the busiest edge of the chain
 * carried `max`: the square root of the share, so area-like perception stays fair and a small
 * edge is still visible. Monotone in count, between EDGE_WIDTH.min (nobody, or no data) and
 * EDGE_WIDTH.max (the busiest edge); depends only on count ÷ max.
 */
export function edgeWidth(count: number, max: number): number {
  if (!(max > 0) || !(count > 0)) return EDGE_WIDTH.min;
  const share = Math.min(1, count / max);
  return EDGE_WIDTH.min + (EDGE_WIDTH.max - EDGE_WIDTH.min) * Math.sqrt(share);
}

/** Width of every edge of a chain's run, by edge id. */
export function edgeWidths(edges: Readonly<Record<string, number>>): Record<string, number> {
  const max = Math.max(0, ...Object.values(edges));
  return Object.fromEntries(Object.entries(edges).map(([id, count]) => [id, edgeWidth(count, max)]));
}
