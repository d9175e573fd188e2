import { describe, expect, it } from 'vitest';
import { canvasZoomClass, FAR_ZOOM, FIGURES_TEXT_ZOOM, isFiguresText, isPlainCards, isZoomedOut, PLAIN_CARD_ZOOM, targetScale } from './zoom';

function view(zoom: number) {
  return { transform: [0, 0, zoom] as [number, number, number] };
}

describe('canvas zoom', () => {
  it('scales small targets so 24 px stay 24 px on screen when zoomed out, and never shrinks them', () => {
    expect(targetScale(0.5) * 24 * 0.5).toBe(24);
    expect(targetScale(0.3) * 24 * 0.3).toBeCloseTo(24);
    expect(targetScale(1)).toBe(1);
    expect(targetScale(1.5)).toBe(1);
  });

  it('hides the "+" buttons below 45 % and turns figures into text only further out', () => {
    expect(isZoomedOut(view(FAR_ZOOM))).toBe(false);
    expect(isZoomedOut(view(0.44))).toBe(true);
    expect(FIGURES_TEXT_ZOOM).toBeLessThan(FAR_ZOOM);
    expect(isFiguresText(view(0.3))).toBe(false);
    expect(isFiguresText(view(0.2))).toBe(true);
  });

  it('draws plain cards only where their 14-px text is under 3.5 px on screen, further out than the far view', () => {
    expect(PLAIN_CARD_ZOOM).toBeLessThan(FAR_ZOOM);
    expect(14 * PLAIN_CARD_ZOOM).toBeLessThanOrEqual(3.5);
    expect(isPlainCards(view(PLAIN_CARD_ZOOM))).toBe(false);
    expect(isPlainCards(view(0.24))).toBe(true);
    expect(isPlainCards(view(0.1))).toBe(true);
  });

  it('names the canvas by its zoom: full cards, far (no "+" buttons), or far with plain cards', () => {
    expect(canvasZoomClass(view(1))).toBeUndefined();
    expect(canvasZoomClass(view(FAR_ZOOM))).toBeUndefined();
    expect(canvasZoomClass(view(0.44))).toBe('cl-far');
    expect(canvasZoomClass(view(PLAIN_CARD_ZOOM))).toBe('cl-far');
    expect(canvasZoomClass(view(0.1))).toBe('cl-far cl-plain');
  });
});
