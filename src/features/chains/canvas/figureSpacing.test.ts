import { describe, expect, it } from 'vitest';
import { FIGURES_GAP, figureShifts, shownPosition, storedPosition } from './figureSpacing';

function node(id: string, x: number, y: number) {
  return { id, position: { x, y } };
}

describe('figureShifts', () => {
  it('moves nothing where the cards keep their gap', () => {
    const sizes = new Map([['a', { width: 240, height: 100 }], ['b', { width: 240, height: 100 }]]);
    expect(figureShifts([node('a', 0, 0), node('b', 0, 100 + FIGURES_GAP)], sizes).size).toBe(0);
  });

  it('draws a card that a grown card above would cover further down, by just enough', () => {
    const sizes = new Map([['a', { width: 240, height: 180 }], ['b', { width: 240, height: 100 }]]);
    const shifts = figureShifts([node('a', 0, 0), node('b', 100, 150)], sizes);
    expect(shifts.get('a')).toBeUndefined();
    expect(shifts.get('b')).toBe(180 + FIGURES_GAP - 150);
  });

  it('moves a row as one, and every row under it at least as far (links keep their direction)', () => {
    const sizes = new Map([
      ['trigger', { width: 240, height: 200 }],
      ['left', { width: 240, height: 80 }],
      ['right', { width: 240, height: 80 }],
      ['far', { width: 240, height: 80 }],
    ]);
    // `right` does not sit under the trigger, `far` is under nothing that grew: both still move with their rows.
    const shifts = figureShifts([node('trigger', 0, 0), node('left', 0, 150), node('right', 600, 150), node('far', 900, 300)], sizes);
    expect(shifts.get('left')).toBe(200 + FIGURES_GAP - 150);
    expect(shifts.get('right')).toBe(shifts.get('left'));
    expect(shifts.get('far')).toBeGreaterThanOrEqual(shifts.get('left')!);
  });

  it('leaves no card overlapping another on a layout made before the figures', () => {
    const nodes = [0, 1, 2, 3, 4, 5].map((rank) => node(`n${rank}`, rank * 80, rank * 150));
    const sizes = new Map(nodes.map((item) => [item.id, { width: 240, height: 190 }]));
    const shifts = figureShifts(nodes, sizes);
    const boxes = nodes.map((item) => ({ top: item.position.y + (shifts.get(item.id) ?? 0), left: item.position.x }));
    for (let index = 1; index < boxes.length; index++) expect(boxes[index]!.top).toBeGreaterThanOrEqual(boxes[index - 1]!.top + 190 + FIGURES_GAP);
  });

  it('turns a stored place into the drawn one and a dragged one back', () => {
    expect(shownPosition({ x: 5, y: 10 }, 40)).toEqual({ x: 5, y: 50 });
    expect(storedPosition({ x: 5, y: 50 }, 40)).toEqual({ x: 5, y: 10 });
    const position = { x: 1, y: 2 };
    expect(shownPosition(position, undefined)).toBe(position);
  });
});
