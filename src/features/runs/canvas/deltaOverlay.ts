import { NODE_DELTA_FIGURES, type ChainDelta, type Difference, type NodeDeltaFigure } from '../../../domain/runs';
import type { RunOverlay } from '../../chains/canvas/editorStore';
import type { OverlayTexts } from './runCanvasOverlay';

/**
 * A compare's per-node deltas drawn on the canvas (issue 14 "per-node deltas on the canvas"):
 * the canvas shows the other run's counts, and beside each node's figures a chip with what
 * changed against the base run — "+12 entered · −3 sent" — whose accessible name says it in
 * words ("Against “Run A”: 12 more entered, 3 fewer sent"). Each edge's label gains its change
 * ("120 (+12)"). Figures that did not change are left out; a node with no change says so.
 */
const MINUS = '\u2212';

function signed(value: number, texts: OverlayTexts): string {
  const text = texts.format.count(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text;
}

function changedFigures(figures: Readonly<Record<NodeDeltaFigure, Difference>>): [NodeDeltaFigure, number][] {
  return NODE_DELTA_FIGURES.map((figure): [NodeDeltaFigure, number] => [figure, figures[figure].absolute]).filter(([, change]) => change !== 0);
}

/** The overlay of the other run with the changes against the base run laid beside its figures. */
export function withDeltas(overlay: RunOverlay, delta: ChainDelta, baseName: string, texts: OverlayTexts): RunOverlay {
  const { t } = texts;
  const nodes = { ...overlay.nodes };
  for (const node of delta.nodes) {
    const own = nodes[node.nodeId];
    if (!own) continue;
    const changes = changedFigures(node.figures);
    const isNew = node.presence === 'added';
    const text = isNew ? t('runCanvas.delta.new') : changes.length === 0 ? t('runCanvas.delta.same') : changes.map(([figure, change]) => `${signed(change, texts)} ${t(`runCanvas.delta.figure.${figure}`)}`).join(' · ');
    const words = isNew
      ? t('runCanvas.delta.newWords')
      : changes.length === 0
        ? t('runCanvas.delta.sameWords')
        : changes.map(([figure, change]) => t(change > 0 ? 'runCanvas.delta.more' : 'runCanvas.delta.fewer', { formatted: texts.format.count(Math.abs(change)), figure: t(`runCanvas.delta.figure.${figure}`) })).join(', ');
    const label = t('runCanvas.delta.against', { name: baseName, changes: words });
    // The chip's colour follows the change of who entered (else the first change); the sign is in its text.
    const leading = isNew ? 0 : node.figures.entered.absolute || (changes[0]?.[1] ?? 0);
    const direction = leading > 0 ? 'up' : leading < 0 ? 'down' : 'same';
    nodes[node.nodeId] = { ...own, delta: { text, label, direction }, ...(own.openLabel ? { openLabel: `${own.openLabel}; ${label}` } : {}) };
  }
  const edges = { ...overlay.edges };
  for (const edge of delta.edges) {
    const own = edges[edge.edgeId];
    const change = edge.customers.absolute;
    if (!own || change === 0) continue;
    const changeText = signed(change, texts);
    edges[edge.edgeId] = { ...own, label: `${own.label} (${changeText})`, title: `${own.title ?? own.label}; ${t('runCanvas.delta.against', { name: baseName, changes: changeText })}` };
  }
  return { ...overlay, nodes, edges };
}
