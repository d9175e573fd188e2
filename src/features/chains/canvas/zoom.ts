/** React Flow's view transform: [x, y, zoom]. */
interface ViewState {
  transform: [number, number, number];
}

/**
 * Below this zoom the canvas is "far": the "+" buttons and port names are hidden and a run's
 * figures are plain text, not a button — all too small to hit or read (WCAG 2.2 target size).
 */
export const FAR_ZOOM = 0.45;

export function isZoomedOut(state: ViewState): boolean {
  return state.transform[2] < FAR_ZOOM;
}

export function zoomOf(state: ViewState): number {
  return state.transform[2];
}

/**
 * What the canvas's small targets are scaled by to stay 24 CSS px on screen (WCAG 2.2 target
 * size) when zoomed out: 1 / zoom below 100 %, written to the CSS variable `--cl-plus-scale`.
 */
export function targetScale(zoom: number): number {
  return Math.max(1, 1 / zoom);
}

/**
 * Below this zoom a run's figures on a card are plain text, not a button: kept 24 px on screen
 * they would be taller than the card itself (96 px at 25 %), and their 3-px text cannot be read
 * anyway. The card still selects; zoomed in, the figures open the node's customers again.
 */
export const FIGURES_TEXT_ZOOM = 0.25;

export function isFiguresText(state: ViewState): boolean {
  return state.transform[2] < FIGURES_TEXT_ZOOM;
}

/**
 * Below this zoom a card is drawn plain: its kind's colour as a title bar and the card's outline,
 * its icons and texts not painted (14-px text is under 3.5 px on screen, and a 300-node chain
 * then pans and drags at a frame rate the full cards could not keep). The card keeps its size,
 * so the links and the rows do not move when the zoom crosses it; screen readers still get the
 * card's text (an element it names). A run's figures stay: their tone colours the overview.
 */
export const PLAIN_CARD_ZOOM = FIGURES_TEXT_ZOOM;

export function isPlainCards(state: ViewState): boolean {
  return state.transform[2] < PLAIN_CARD_ZOOM;
}

/**
 * The canvas's class for its zoom, which the CSS draws the cards and targets by: `cl-far` (no
 * "+" buttons or port names), `cl-far cl-plain` (plain cards too), or none. One string, so the
 * canvas re-renders only when the zoom crosses a threshold.
 */
export function canvasZoomClass(state: ViewState): string | undefined {
  if (isPlainCards(state)) return 'cl-far cl-plain';
  return isZoomedOut(state) ? 'cl-far' : undefined;
}
