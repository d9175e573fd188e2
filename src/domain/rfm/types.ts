/**
 * RFM settings and results (rfm-cjm.md "RFM"). Scores are stored with 5 (or 3, 4) = best for
 * every measure; the textbook's "1 = best" is only a display option (see `displayScore`).
 */
export const RFM_LEVELS = [3, 4, 5] as const;
export type RfmLevels = (typeof RFM_LEVELS)[number];

export const RFM_METHODS = ['quantile', 'ntile', 'manual'] as const;
/**
 * quantile: the R package `rfm` (v0.3) breaks; ntile: equal-size groups like SQL NTILE;
 * manual: cut points typed by the user.
 */
export type RfmMethod = (typeof RFM_METHODS)[number];

export const RFM_MONETARY_MODES = ['total', 'average'] as const;
/** total: net spend in the period; average: net spend / orders (average order value). */
export type RfmMonetaryMode = (typeof RFM_MONETARY_MODES)[number];

export const RFM_MEASURES = ['recency', 'frequency', 'monetary'] as const;
export type RfmMeasure = (typeof RFM_MEASURES)[number];

/** Cut points per measure for the manual method: `levels − 1` strictly increasing numbers each. */
export type RfmManualBreaks = Record<RfmMeasure, number[]>;

export interface RfmScoring {
  levels: RfmLevels;
  method: RfmMethod;
  monetary: RfmMonetaryMode;
  /** Required when `method` is 'manual'. */
  manualBreaks?: RfmManualBreaks;
}

/** The analysis period: local days `asOfDay − periodDays + 1 … asOfDay`, or all days up to `asOfDay`. */
export interface RfmWindow {
  /** The analysis date as a local day number (days since 1970-01-01). */
  asOfDay: number;
  /** null: every order up to the analysis date (what the R package does). */
  periodDays: number | null;
}

export type RfmParams = RfmScoring & RfmWindow;

export const DEFAULT_RFM_PERIOD_DAYS = 365;

/** Why a score holds no customer. */
export type RfmEmptyReason =
  /** Two breaks are equal (many customers share one value), so the interval between them is empty. */
  | 'equalBreaks'
  /** The interval is not empty, but no customer's value falls in it. */
  | 'noValues'
  /** Fewer customers than levels (equal-size groups). */
  | 'fewCustomers';

/** One score of one measure: the values it covers and how many customers got it. */
export interface RfmBin {
  score: number;
  /** Value range. Bounds are null when open (no lower / upper limit). */
  lower: number | null;
  upper: number | null;
  isLowerInclusive: boolean;
  isUpperInclusive: boolean;
  customers: number;
  /** Smallest and largest value among the customers with this score (null when none). */
  minValue: number | null;
  maxValue: number | null;
  empty: RfmEmptyReason | null;
}

export interface RfmMeasureBreaks {
  measure: RfmMeasure;
  method: RfmMethod;
  /**
   * The cut points in use, ascending: quantile — the R package's breaks (quantile + 1);
   * manual — the typed cut points; ntile — the smallest value of each group after the first
   * (in ascending value order).
   */
  cuts: number[];
  /** One entry per score, from 1 to `levels` (internal scores: higher = better). */
  bins: RfmBin[];
  /** Equal-size groups only: some value is shared by customers in two different groups. */
  hasSplitTies: boolean;
}

export type RfmBreaks = Record<RfmMeasure, RfmMeasureBreaks>;

/** How scores are shown: 'highIsBest' (default, 5 = best) or the textbook's 'lowIsBest' ("111 = VIP"). */
export const SCORE_DIRECTIONS = ['highIsBest', 'lowIsBest'] as const;
export type ScoreDirection = (typeof SCORE_DIRECTIONS)[number];

/** A score as shown to the user; 0 (not scored) stays 0. */
export function displayScore(score: number, levels: number, direction: ScoreDirection): number {
  if (score === 0 || direction === 'highIsBest') return score;
  return levels + 1 - score;
}
