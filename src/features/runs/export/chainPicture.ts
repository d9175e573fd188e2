import { LAYOUT_NODE_WIDTH, nodeKindName, nodeSummary, outPorts, type Chain, type ChainNode } from '../../../domain/chains';
import type { SimulationRunRecord } from '../../../domain/simulation';
import type { Language } from '../../../i18n/i18n';
import type { RunOverlay } from '../../chains/canvas/editorStore';
import { figureShifts } from '../../chains/canvas/figureSpacing';
import { NODE_LOOK } from '../../chains/canvas/nodeLook';
import { escapeHtml } from '../../metrics/dashboardHtml';
import { runCanvasOverlay, type OverlayTexts } from '../canvas/runCanvasOverlay';

/**
 * A chain as the run canvas shows it — its cards where they stand, what each does in words, the
 * run's figures on each card and the count on each link — as one SVG, for the printable report
 * (issue 14). It is drawn from the chain and the run, not photographed from the screen: the report
 * can then be made from any screen, in either language, and prints sharp at any size. Every text
 * is the user's or ours and is escaped; an SVG shown as an image runs nothing.
 */
const CARD_WIDTH = LAYOUT_NODE_WIDTH;
const LINE = 15;
const PAD = 10;
const MARGIN = 40;
/** About how many characters of 12-px text fit on a card's line. */
const CHARS_PER_LINE = 36;
const EDGE_COLOR = '#8a93a8';
const WARNING_FILL = '#fff4e5';

/** Words to lines of at most `width` characters (a longer word is cut), at most `max` lines. */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, width - 1)}…`;
  return kept;
}

interface CardText {
  title: string;
  summary: string[];
  figures: string[];
  isWarning: boolean;
}

function cardText(node: ChainNode, overlay: RunOverlay, language: Language): CardText {
  const kind = nodeKindName(node.kind)[language];
  const own = overlay.nodes[node.id];
  return {
    title: wrapText(node.label ? `${kind} · ${node.label}` : kind, CHARS_PER_LINE, 1)[0] ?? kind,
    summary: wrapText(nodeSummary(node)[language], CHARS_PER_LINE, 3),
    figures: own ? [own.primary, ...(own.secondary ? [own.secondary] : []), ...(own.lines ?? []), ...(own.warning ? [`⚠ ${own.warning}`] : [])].flatMap((line) => wrapText(line, CHARS_PER_LINE, 2)) : [],
    isWarning: own?.tone === 'warning',
  };
}

function cardHeight(text: CardText): number {
  return PAD + LINE + text.summary.length * LINE + (text.figures.length ? PAD + text.figures.length * LINE : 0) + PAD;
}

function textLines(lines: readonly string[], x: number, firstBaseline: number, attributes: string): string {
  return lines.map((line, index) => `<text x="${x}" y="${firstBaseline + index * LINE}"${attributes}>${escapeHtml(line)}</text>`).join('');
}

function cardSvg(node: ChainNode, text: CardText, x: number, y: number, height: number): string {
  const color = NODE_LOOK[node.kind].color;
  const summaryTop = y + PAD + LINE;
  const figuresTop = summaryTop + text.summary.length * LINE + PAD;
  return [
    `<rect x="${x}" y="${y}" width="${CARD_WIDTH}" height="${height}" rx="8" fill="${text.isWarning ? WARNING_FILL : '#ffffff'}" stroke="${color}" stroke-width="1.5"/>`,
    `<rect x="${x}" y="${y}" width="5" height="${height}" rx="2" fill="${color}"/>`,
    textLines([text.title], x + 14, y + PAD + 11, ` font-weight="600" fill="${color}"`),
    textLines(text.summary, x + 14, summaryTop + 11, ' fill="#1f2329"'),
    text.figures.length ? `<line x1="${x + 10}" y1="${figuresTop - PAD / 2}" x2="${x + CARD_WIDTH - 10}" y2="${figuresTop - PAD / 2}" stroke="#e3e5ea"/>` : '',
    text.figures.length ? textLines(text.figures.slice(0, 1), x + 14, figuresTop + 11, ' font-weight="600" fill="#1f2329"') + textLines(text.figures.slice(1), x + 14, figuresTop + 11 + LINE, ' fill="#4d5156"') : '',
  ].join('');
}

export function chainPictureSvg(chain: Chain, overlay: RunOverlay, language: Language): string {
  const texts = new Map(chain.nodes.map((node) => [node.id, cardText(node, overlay, language)] as const));
  const sizes = new Map(chain.nodes.map((node) => [node.id, { width: CARD_WIDTH, height: cardHeight(texts.get(node.id)!) }] as const));
  const shifts = figureShifts(chain.nodes, sizes);
  const boxes = new Map(chain.nodes.map((node) => [node.id, { x: node.position.x, y: node.position.y + (shifts.get(node.id) ?? 0), height: sizes.get(node.id)!.height }] as const));
  const notes = chain.notes.map((note) => ({ note, lines: wrapText(note.text, Math.max(8, Math.floor((note.width - 2 * PAD) / 6.5)), 12) }));
  const rights = [...[...boxes.values()].map((box) => box.x + CARD_WIDTH), ...notes.map(({ note }) => note.position.x + note.width)];
  const bottoms = [...[...boxes.values()].map((box) => box.y + box.height), ...notes.map(({ note, lines }) => note.position.y + Math.max(note.height, 2 * PAD + lines.length * LINE))];
  const left = Math.min(0, ...[...boxes.values()].map((box) => box.x), ...notes.map(({ note }) => note.position.x)) - MARGIN;
  const top = Math.min(0, ...[...boxes.values()].map((box) => box.y), ...notes.map(({ note }) => note.position.y)) - MARGIN;
  const width = Math.ceil(Math.max(left + 2 * MARGIN, ...rights) + MARGIN - left);
  const height = Math.ceil(Math.max(top + 2 * MARGIN, ...bottoms) + MARGIN - top);
  const nodesById = new Map(chain.nodes.map((node) => [node.id, node] as const));
  const edges = chain.edges.flatMap((edge) => {
    const source = nodesById.get(edge.source);
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!source || !from || !to) return [];
    const ports = outPorts(source);
    const index = Math.max(0, ports.findIndex((port) => port.id === edge.sourcePort));
    const start = { x: from.x + (CARD_WIDTH * (index + 1)) / (ports.length + 1), y: from.y + from.height };
    const end = { x: to.x + CARD_WIDTH / 2, y: to.y };
    const bend = Math.max(30, Math.abs(end.y - start.y) / 2);
    const figure = overlay.edges[edge.id];
    const path = `<path d="M${start.x} ${start.y} C${start.x} ${start.y + bend} ${end.x} ${end.y - bend} ${end.x} ${end.y - 6}" fill="none" stroke="${EDGE_COLOR}" stroke-width="${figure?.width ?? 1.5}" marker-end="url(#arrow)"/>`;
    if (!figure) return [path];
    const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    const labelWidth = figure.label.length * 7 + 12;
    return [path, `<rect x="${middle.x - labelWidth / 2}" y="${middle.y - 9}" width="${labelWidth}" height="18" rx="9" fill="#ffffff" stroke="${EDGE_COLOR}"/>`, textLines([figure.label], middle.x, middle.y + 4, ' text-anchor="middle" fill="#1f2329"')];
  });
  const cards = chain.nodes.map((node) => {
    const box = boxes.get(node.id)!;
    return cardSvg(node, texts.get(node.id)!, box.x, box.y, box.height);
  });
  const stickies = notes.map(({ note, lines }) => `<rect x="${note.position.x}" y="${note.position.y}" width="${note.width}" height="${Math.max(note.height, 2 * PAD + lines.length * LINE)}" fill="#fff8c5" stroke="#e0cf6c"/>${textLines(lines, note.position.x + PAD, note.position.y + PAD + 11, ' fill="#1f2329"')}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" font-family="Roboto, Helvetica, Arial, sans-serif" font-size="12">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${EDGE_COLOR}"/></marker></defs>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...stickies,
    ...edges,
    ...cards,
    '</svg>',
  ].join('');
}

/** An SVG as a base64 data URL (what the report's images must be). */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Each chain of the run as the run canvas shows it, for the report. */
export function runCanvasPictures(record: SimulationRunRecord, texts: OverlayTexts): { name: string; image: string }[] {
  return record.inputs.chains.flatMap(({ chain }) => {
    const figures = record.sums?.chains.find((item) => item.id === chain.id);
    return figures ? [{ name: chain.name, image: svgDataUrl(chainPictureSvg(chain, runCanvasOverlay(chain, figures, texts), texts.language)) }] : [];
  });
}
