import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, FIGURES_TEXT_ZOOM, isFiguresText, isZoomedOut, targetScale } from './zoom';

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
});
