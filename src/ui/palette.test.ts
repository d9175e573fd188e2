import { describe, expect, it } from 'vitest';
import { getContrastRatio } from '@mui/material/styles';
import { CATEGORY_PALETTE, textColorOn } from './palette';
import { STAGE_PALETTE_SIZE, STATUS_COLORS } from '../features/journey/labels';

/** Machado, Oliveira & Fernandes (2009), full severity, on linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};

function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

/** CIE L*a*b* (D65) of a linear RGB colour. */
function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(hex: string, matrix: number[][]): number[] {
  const rgb = linear(hex);
  return lab(matrix.map((row) => Math.min(1, Math.max(0, row.reduce((sum, k, j) => sum + k * rgb[j]!, 0)))));
}

/** The smallest colour difference (ΔE*76) between any two of `colors` as a viewer sees them. */
function smallestDifference(colors: readonly string[], matrix: number[][]): number {
  let smallest = Infinity;
  for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) {
    const a = seenAs(colors[i]!, matrix);
    const b = seenAs(colors[j]!, matrix);
    smallest = Math.min(smallest, Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!));
  }
  return smallest;
}

// ΔE ≈ 10 is "clearly different at a glance"; the old stage palette scored 2.7 for protanopia.
const CLEARLY_DIFFERENT = 12;

describe.each(Object.entries(DEFICIENCIES))('colours seen with %s', (_name, matrix) => {
  it('tell every stage of the mapping apart', () => {
    expect(smallestDifference(CATEGORY_PALETTE.slice(0, STAGE_PALETTE_SIZE), matrix)).toBeGreaterThan(CLEARLY_DIFFERENT);
  });

  it('tell every lifecycle status apart', () => {
    expect(smallestDifference(Object.values(STATUS_COLORS), matrix)).toBeGreaterThan(CLEARLY_DIFFERENT);
  });

  it('tell the first six categories of a chart apart', () => {
    expect(smallestDifference(CATEGORY_PALETTE.slice(0, 6), matrix)).toBeGreaterThan(CLEARLY_DIFFERENT);
  });
});

describe('text on a coloured chip', () => {
  it('reaches WCAG AA contrast on every palette colour', () => {
    for (const color of CATEGORY_PALETTE) expect(getContrastRatio(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
    for (const color of Object.values(STATUS_COLORS)) expect(getContrastRatio(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
  });
});
