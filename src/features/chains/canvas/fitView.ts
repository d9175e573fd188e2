/** A card's box on the canvas, in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** room around the chain, as a share of its size (React Flow's `padding`) */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** the least zoom a fit goes down to; a chain that does not fit above it shows from its start */
  floor: number;
}

/**
 * The least zoom "fit" goes down to while a run's figures are on the cards. Below it their
 * 12–14 px lines shrink under 7–8 px on screen and cannot be read: the abandoned-cart template
 * with its figures fits only at 0.37 on a 1440-px window. At 0.6 its cards and figures are read
 * at a glance; the start and most of the chain are in view, and the rest is a scroll away.
 */
export const FIGURES_FIT_FLOOR = 0.6;

/** Screen pixels kept between the canvas's edge and the chain when it shows from its start. */
export const START_MARGIN = 24;

function boundsOf(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The chain's start: its topmost card (the leftmost of a row), where a reader begins. */
function startOf(boxes: readonly Box[]): Box {
  return boxes.reduce((best, box) => (box.y < best.y || (box.y === best.y && box.x < best.x) ? box : best));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The view "fit" shows: the whole chain centred, as React Flow's fitView does, when it fits at
 * `floor` or above; otherwise the zoom stays at `floor` (the text stays readable) and the chain
 * shows from its start — its top row just under the canvas's top edge, centred across if it is
 * narrow enough, else its start card centred with no empty room left of the chain.
 */
export function fitViewport(boxes: readonly Box[], size: { width: number; height: number }, options: FitOptions): Viewport | null {
  if (!boxes.length || size.width <= 0 || size.height <= 0) return null;
  const bounds = boundsOf(boxes);
  const scale = 1 + options.padding;
  const fitted = Math.min(size.width / (Math.max(bounds.width, 1) * scale), size.height / (Math.max(bounds.height, 1) * scale));
  const zoom = clamp(Math.max(fitted, options.floor), options.minZoom, options.maxZoom);
  const centredX = size.width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const centredY = size.height / 2 - (bounds.y + bounds.height / 2) * zoom;
  if (zoom <= fitted) return { x: centredX, y: centredY, zoom };
  const y = bounds.height * zoom + 2 * START_MARGIN <= size.height ? centredY : START_MARGIN - bounds.y * zoom;
  if (bounds.width * zoom + 2 * START_MARGIN <= size.width) return { x: centredX, y, zoom };
  const start = startOf(boxes);
  const startCentredX = size.width / 2 - (start.x + start.width / 2) * zoom;
  // No empty room left of the chain's left edge, nor right of its right edge.
  const x = clamp(startCentredX, size.width - START_MARGIN - (bounds.x + bounds.width) * zoom, START_MARGIN - bounds.x * zoom);
  return { x, y, zoom };
}
