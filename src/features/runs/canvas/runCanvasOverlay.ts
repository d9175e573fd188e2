import { outPorts, type Chain, type ChainNode } from '../../../domain/chains';
import { EDGE_WIDTH, edgeWidths, nodeBadge, sumOf, type ChainFigures, type NodeFigures, type RunsText } from '../../../domain/runs';
import type { Formatter } from '../../../domain/format/formatter';
import type { Language } from '../../../i18n/i18n';
import type { NodeOverlay, RunOverlay } from '../../chains/canvas/editorStore';

/** Translates a key with parameters (i18next's `t`, or a stand-in in tests). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface OverlayTexts {
  t: Translate;
  format: Pick<Formatter, 'count' | 'percent'>;
  language: Language;
}

function countParams(params: Readonly<Record<string, unknown>>, format: OverlayTexts['format']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value !== 'number' ? value : key === 'share' ? format.percent(value) : format.count(value)]));
}

function runsText(text: RunsText, { t, format }: OverlayTexts): string {
  return t(text.key, countParams(text.params, format));
}

/** "no consent 30 · cap 10": the reasons a node's messages were not sent, largest first. */
function reasonsText(record: Readonly<Record<string, number>>, { t, format }: OverlayTexts): string {
  return Object.entries(record)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${t(`runCanvas.canvas.reasons.${reason}`)} ${format.count(count)}`)
    .join(' · ');
}

/**
 * The lines a node's card shows under its entered figure, kept to three short lines so a card
 * grows little: the exits ("Yes 500 · No 704"), what happened here (sent, not sent, held back,
 * waiting, ended) and why messages were not sent, by reason, largest first.
 */
export function nodeOverlayLines(node: ChainNode, figures: NodeFigures, texts: OverlayTexts): string[] {
  const { t, format, language } = texts;
  const lines: string[] = [];
  const ports = outPorts(node);
  if (ports.length > 1) lines.push(ports.map((port) => t('runCanvas.canvas.leftBy', { port: port.label[language], count: format.count(figures.left[port.id] ?? 0) })).join(' · '));
  const here: string[] = [];
  if (node.kind === 'message') here.push(t('runCanvas.canvas.sent', { count: format.count(sumOf(figures.sent)) }));
  const suppressed = sumOf(figures.suppressed);
  if (suppressed > 0) here.push(t(node.kind === 'trigger' ? 'runCanvas.canvas.refused' : 'runCanvas.canvas.suppressed', { count: format.count(suppressed) }));
  const withheld = sumOf(figures.withheld);
  if (withheld > 0) here.push(t('runCanvas.canvas.withheld', { count: format.count(withheld) }));
  if (figures.waiting > 0) here.push(t('runCanvas.canvas.waiting', { count: format.count(figures.waiting) }));
  if (figures.ended > 0 && node.kind !== 'goal') here.push(t('runCanvas.canvas.ended', { count: format.count(figures.ended) }));
  if (here.length) lines.push(here.join(' · '));
  if (suppressed > 0) lines.push(reasonsText(figures.suppressed, texts));
  return lines;
}

/**
 * The counts of one chain of a run, laid over the canvas: every node's entered figure and its
 * lines, an amber badge with the reason in words, and every edge's count as a label and as its
 * thickness (`edgeWidths`). Nodes the run did not have (added after it) show nothing.
 */
export function runCanvasOverlay(chain: Chain, figures: ChainFigures, texts: OverlayTexts): RunOverlay {
  const { t, format } = texts;
  const nodes: Record<string, NodeOverlay> = {};
  for (const node of chain.nodes) {
    const own = figures.nodes[node.id];
    if (!own) continue;
    const badge = nodeBadge(node, own);
    const primary = t('runCanvas.canvas.entered', { count: own.entered, formatted: format.count(own.entered) });
    const lines = nodeOverlayLines(node, own, texts);
    nodes[node.id] = {
      primary,
      lines,
      openLabel: t('runCanvas.customers.open', { figures: [primary, ...lines].join('; ') }),
      tone: badge.isAmber ? 'warning' : 'neutral',
      ...(badge.isAmber ? { warning: badge.warnings.map((item) => runsText(item, texts)).join(' ') } : {}),
    };
  }
  const widths = edgeWidths(figures.edges);
  const edges: RunOverlay['edges'] = Object.fromEntries(
    // An edge the run knew (its source node ran) shows its count, 0 included; a new one shows nothing.
    chain.edges.filter((edge) => figures.nodes[edge.source] !== undefined).map((edge) => {
      const count = figures.edges[edge.id] ?? 0;
      return [edge.id, { label: format.count(count), weight: 0, width: widths[edge.id] ?? EDGE_WIDTH.min, title: t('runCanvas.canvas.edgeCount', { count, formatted: format.count(count) }) }];
    }),
  );
  return { nodes, edges };
}
