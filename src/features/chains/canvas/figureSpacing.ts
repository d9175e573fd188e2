import { LAYOUT_NODE_HEIGHT, LAYOUT_NODE_WIDTH, type ChainNode, type Position } from '../../../domain/chains';
import { LAYOUT_GAPS } from './autoLayout';

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

/** How far each card is drawn below its stored place (only cards that move are listed). */
export type Shifts = ReadonlyMap<string, number>;

export const NO_SHIFTS: Shifts = new Map();

/** The room a card keeps above the cards under it: its exits (port names, "+") and the link's count. Tidy up's gap. */
export const FIGURES_GAP = LAYOUT_GAPS.ranksep;

/**
 * Where a run's figures are shown, cards grow by them (three or four lines), and on a layout made
 * before them — a template's, the user's — they would cover the cards below. The canvas then
 * draws the rows further apart, like a table whose row grows: every card keeps `FIGURES_GAP`
 * above any card under it that it overlaps sideways, a row (cards with the same stored top)
 * moves as one, and a row moves at least as far as every row above it, so links keep their
 * direction and the picture its shape. The stored layout is not changed: the shift is a view,
 * it goes with the figures, and a drag stores the card where it would be without them.
 */
export function figureShifts(nodes: readonly Pick<ChainNode, 'id' | 'position'>[], sizes: Sizes): Shifts {
  const rows = new Map<number, Pick<ChainNode, 'id' | 'position'>[]>();
  for (const node of nodes) rows.set(node.position.y, [...(rows.get(node.position.y) ?? []), node]);
  const placed: { x: number; width: number; bottom: number }[] = [];
  const shifts = new Map<string, number>();
  let floor = 0;
  for (const y of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(y)!;
    let shift = floor;
    for (const node of row) {
      const { width } = sizeOf(node.id, sizes);
      for (const above of placed) {
        if (above.x < node.position.x + width && node.position.x < above.x + above.width) shift = Math.max(shift, above.bottom + FIGURES_GAP - y);
      }
    }
    for (const node of row) {
      const { width, height } = sizeOf(node.id, sizes);
      placed.push({ x: node.position.x, width, bottom: y + shift + height });
      if (shift > 0) shifts.set(node.id, shift);
    }
    floor = shift;
  }
  return shifts;
}

function sizeOf(id: string, sizes: Sizes): { width: number; height: number } {
  return sizes.get(id) ?? { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT };
}

/** A stored place as the canvas draws it. */
export function shownPosition(position: Position, shift: number | undefined): Position {
  return shift ? { x: position.x, y: position.y + shift } : position;
}

/** A place the canvas reports (a drag) as it is stored. */
export function storedPosition(position: Position, shift: number | undefined): Position {
  return shift ? { x: position.x, y: position.y - shift } : position;
}
