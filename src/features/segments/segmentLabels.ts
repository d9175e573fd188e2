import type { TFunction } from 'i18next';
import { UserFacingError } from '../../domain';
import {
  displayScore,
  NO_PURCHASES_COLOR,
  OTHERS_COLOR,
  type RfmBin,
  type RfmMeasure,
  type ScoreDirection,
  type SegmentMap,
} from '../../domain/rfm';
import { errorMessage } from '../../ui/errorMessage';

/** Name and colour of a segment code: the map's segments, then Others, then No purchases. */
export interface SegmentLabel {
  code: number;
  name: string;
  color: string;
  strategy: string;
  isSpecial: boolean;
}

export function segmentLabels(map: SegmentMap, t: TFunction): SegmentLabel[] {
  return [
    ...map.segments.map((segment, code) => ({ code, name: segment.name, color: segment.color, strategy: segment.strategy, isSpecial: false })),
    { code: map.segments.length, name: t('segments.map.others'), color: OTHERS_COLOR, strategy: t('segments.map.othersNote'), isSpecial: true },
    { code: map.segments.length + 1, name: t('segments.map.noPurchases'), color: NO_PURCHASES_COLOR, strategy: t('segments.stats.noPurchasesDetail'), isSpecial: true },
  ];
}

/** The translated message of an RFM error (codes `rfm.*`), else the app's generic one. */
export function rfmErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof UserFacingError && error.code.startsWith('rfm.')) {
    const key = `segments.errors.${error.code.slice(4)}`;
    const text = t(key, { ...error.params, message: error.message });
    if (text !== key) return text;
    return error.message;
  }
  return errorMessage(error, t);
}

/** Scores in display order: best first. */
export function scoresBestFirst(levels: number): number[] {
  return Array.from({ length: levels }, (_, i) => levels - i);
}

export function shownScore(score: number, levels: number, direction: ScoreDirection): number {
  return displayScore(score, levels, direction);
}

/** The values a bin covers, as a person reads them ("115–180", "≤ 7", "255.8 to under 382"). */
export function binRangeText(bin: RfmBin, measure: RfmMeasure, format: (value: number) => string, t: TFunction): string {
  const isWhole = measure !== 'monetary';
  const { lower, upper } = bin;
  if (lower === null && upper === null) return t('segments.breaks.any');
  if (bin.isUpperInclusive) {
    // (lower, upper] — manual cut points, or [min, max] of an equal-size group
    if (bin.isLowerInclusive && lower !== null && upper !== null) return lower === upper ? format(lower) : t('segments.breaks.closed', { from: format(lower), to: format(upper) });
    if (lower === null) return t('segments.breaks.atMost', { value: format(upper!) });
    if (upper === null) return t('segments.breaks.above', { value: format(lower) });
    if (isWhole) {
      const from = Math.floor(lower) + 1;
      const to = Math.floor(upper);
      return from === to ? format(from) : t('segments.breaks.closed', { from: format(from), to: format(to) });
    }
    return t('segments.breaks.between', { from: format(lower), to: format(upper) });
  }
  // [lower, upper) — the R package's intervals
  if (lower === null) return t('segments.breaks.atMost', { value: format(upper!) });
  if (upper === null) return t('segments.breaks.atLeast', { value: format(lower) });
  if (isWhole) {
    const from = Math.ceil(lower);
    const to = Math.ceil(upper) - 1;
    if (to < from) return '∅';
    return from === to ? format(from) : t('segments.breaks.closed', { from: format(from), to: format(to) });
  }
  return t('segments.breaks.halfOpen', { from: format(lower), to: format(upper) });
}
