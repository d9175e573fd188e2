/**
 * From this many steps the canvas shows its minimap unasked. A smaller chain — every template —
 * is seen whole at a glance after "fit", where a minimap would only cover its bottom-right cards
 * (and a run's figures on them); the canvas's controls show or hide it either way.
 */
export const MINIMAP_FROM_NODES = 25;

/** Whether the minimap is shown: the user's choice on this canvas, else by the chain's size. */
export function isMinimapShown(nodeCount: number, choice: boolean | null): boolean {
  return choice ?? nodeCount >= MINIMAP_FROM_NODES;
}
