import { describe, expect, it } from 'vitest';
import { FIGURES_FIT_FLOOR, fitViewport, START_MARGIN, type Box } from './fitView';

const OPTIONS = { padding: 0.2, minZoom: 0.1, maxZoom: 1.1, floor: FIGURES_FIT_FLOOR };
const CANVAS = { width: 600, height: 670 };

/** A column of `rows` cards 240 × 170, 250 px apart, the first at (0, 0); a side card in row 2 if asked. */
function column(rows: number, side = false): Box[] {
  const boxes = Array.from({ length: rows }, (_, row) => ({ x: 0, y: row * 250, width: 240, height: 170 }));
  return side ? [...boxes, { x: 400, y: 500, width: 240, height: 170 }] : boxes;
}

/** Where a flow point lands on screen. */
function onScreen(point: { x: number; y: number }, view: { x: number; y: number; zoom: number }) {
  return { x: point.x * view.zoom + view.x, y: point.y * view.zoom + view.y };
}

describe('fitViewport', () => {
  it('centres a chain that fits above the floor, as React Flow does', () => {
    const view = fitViewport(column(2), CANVAS, OPTIONS)!;
    // 420 px tall and 240 wide with 20 % room: the width decides (600 / 288).
    expect(view.zoom).toBeCloseTo(Math.min(1.1, 600 / 288, 670 / 504));
    const middle = onScreen({ x: 120, y: 210 }, view);
    expect(middle.x).toBeCloseTo(300);
    expect(middle.y).toBeCloseTo(335);
  });

  it('stops at the floor for a long chain and shows it from its start', () => {
    const boxes = column(7);
    const view = fitViewport(boxes, CANVAS, OPTIONS)!;
    expect(view.zoom).toBe(FIGURES_FIT_FLOOR);
    const top = onScreen({ x: 0, y: 0 }, view);
    expect(top.y).toBeCloseTo(START_MARGIN);
    // narrow enough to be centred across
    expect(onScreen({ x: 120, y: 0 }, view).x).toBeCloseTo(300);
  });

  it('centres the start card of a chain wider than the canvas, with no empty room beside the chain', () => {
    const wide = [{ x: 1000, y: 0, width: 240, height: 170 }, ...Array.from({ length: 8 }, (_, index) => ({ x: index * 300, y: 1500, width: 240, height: 170 }))];
    const view = fitViewport(wide, CANVAS, OPTIONS)!;
    expect(view.zoom).toBe(FIGURES_FIT_FLOOR);
    expect(onScreen({ x: 1120, y: 0 }, view).x).toBeCloseTo(300);
    // a start at the chain's left edge is not centred (that would leave half the canvas empty)
    const leftStart = [{ x: 0, y: 0, width: 240, height: 170 }, ...wide.slice(1)];
    const fromLeft = fitViewport(leftStart, CANVAS, OPTIONS)!;
    expect(onScreen({ x: 0, y: 0 }, fromLeft).x).toBeCloseTo(START_MARGIN);
  });

  it('takes the leftmost card of the top row as the start', () => {
    const boxes = [{ x: 2000, y: 0, width: 240, height: 100 }, { x: 900, y: 0, width: 240, height: 100 }, { x: 0, y: 3000, width: 3000, height: 100 }];
    const view = fitViewport(boxes, CANVAS, OPTIONS)!;
    expect(onScreen({ x: 1020, y: 0 }, view).x).toBeCloseTo(300);
  });

  it('keeps React Flow’s own fit when the floor is the canvas’s least zoom (no figures)', () => {
    const view = fitViewport(column(7), CANVAS, { ...OPTIONS, floor: OPTIONS.minZoom })!;
    expect(view.zoom).toBeCloseTo(670 / (1670 * 1.2));
    expect(onScreen({ x: 120, y: 835 }, view).y).toBeCloseTo(335);
  });

  it('never passes the canvas’s zoom limits', () => {
    expect(fitViewport(column(1), CANVAS, OPTIONS)!.zoom).toBe(1.1);
    expect(fitViewport(column(7), CANVAS, { ...OPTIONS, floor: 3 })!.zoom).toBe(1.1);
  });

  it('has nothing to fit on an empty or unmeasured canvas', () => {
    expect(fitViewport([], CANVAS, OPTIONS)).toBeNull();
    expect(fitViewport(column(2), { width: 0, height: 0 }, OPTIONS)).toBeNull();
  });
});
