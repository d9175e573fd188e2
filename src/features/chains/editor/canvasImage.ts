import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/**
 * The whole chain as a picture (React Flow's "download image" recipe): the viewport element is
 * drawn at a transform that fits every node, whatever part of the canvas is on screen.
 */
const MAX_SIDE = 4096;
const PADDING = 40;

export async function canvasImage(container: HTMLElement, nodes: readonly Node[], format: 'png' | 'svg'): Promise<string> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('canvas not found');
  const bounds = getNodesBounds([...nodes]);
  const width = Math.min(MAX_SIDE, Math.max(320, Math.ceil(bounds.width + PADDING * 2)));
  const height = Math.min(MAX_SIDE, Math.max(240, Math.ceil(bounds.height + PADDING * 2 + 40)));
  const { x, y, zoom } = getViewportForBounds(bounds, width, height, 0.05, 2, 0.05);
  const options = {
    backgroundColor: '#ffffff',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    // The "+" buttons are editing aids, not part of the chain.
    filter: (node: HTMLElement) => !(node instanceof HTMLElement && node.dataset?.testid?.includes('-plus-')),
  };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}

export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file name from a chain name: letters of any script kept, the rest a dash. */
export function fileBaseName(name: string): string {
  return name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'chain';
}
