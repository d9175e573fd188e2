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
