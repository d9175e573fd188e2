import { getContrastRatio } from '@mui/material/styles';

/**
 * Colours for categories that must be told apart — stages, statuses, event types — also by
 * people with red-green or blue-yellow colour blindness: the Okabe–Ito palette (Okabe & Ito,
 * "Color Universal Design"), ordered so that neighbours differ most. palette.test.ts checks
 * every pair under simulated protanopia, deuteranopia and tritanopia. Colour is never the only
 * cue: charts add the category's name (legend, table) and lines get dash patterns.
 */
export const CATEGORY_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#5F5F5F', '#F0E442'] as const;

/** One colour per position, cycling after the palette's eight. */
export function categoryColor(position: number): string {
  return CATEGORY_PALETTE[((position % CATEGORY_PALETTE.length) + CATEGORY_PALETTE.length) % CATEGORY_PALETTE.length]!;
}

/** Dash patterns for lines, so series stay apart without colour (and after the colours cycle). */
const DASHES: number[][] = [[], [6, 3], [2, 2], [10, 3, 2, 3], [1, 4]];

export function categoryDash(position: number): number[] {
  return DASHES[position % DASHES.length]!;
}

/** The grey of "other", "no value" and "not reached". */
export const NEUTRAL_COLOR = '#BBBBBB';

/** Black or white, whichever reads better on `background` (WCAG contrast). */
export function textColorOn(background: string): '#000' | '#fff' {
  return getContrastRatio(background, '#000') >= getContrastRatio(background, '#fff') ? '#000' : '#fff';
}
