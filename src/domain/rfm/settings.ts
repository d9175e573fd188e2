import { z } from 'zod';
import { describeZodError, type ParseResult } from '../journey/stageMapping';
import { isoDateToDayNumber } from '../time';
import { SEGMENT_MAP_PRESETS, type SegmentMapPreset } from './segmentPresets';
import type { SegmentMap } from './segmentMaps';
import {
  DEFAULT_RFM_PERIOD_DAYS,
  RFM_LEVELS,
  RFM_METHODS,
  RFM_MONETARY_MODES,
  SCORE_DIRECTIONS,
  type RfmLevels,
  type RfmManualBreaks,
  type RfmMethod,
  type RfmMonetaryMode,
  type RfmScoring,
  type ScoreDirection,
} from './types';

/**
 * The Segments screen's settings, stored per workspace. Loading repairs anything unusable
 * field by field (an old or hand-edited value falls back to its default, the rest is kept).
 */
export const RFM_SETTINGS_VERSION = 1;

export interface RfmSettings {
  version: typeof RFM_SETTINGS_VERSION;
  /** Analysis date 'YYYY-MM-DD'; null: the day after the last order. */
  asOf: string | null;
  /** null: all history up to the analysis date. */
  periodDays: number | null;
  levels: RfmLevels;
  method: RfmMethod;
  monetary: RfmMonetaryMode;
  direction: ScoreDirection;
  /** Manual cut points per number of levels, so switching levels keeps what was typed. */
  manualBreaks: Record<`${RfmLevels}`, RfmManualBreaks>;
  mapPreset: SegmentMapPreset;
  /** An edited map; null: the preset as shipped (names in the interface language). */
  customMap: SegmentMap | null;
  /** First date of the movement view; null: 90 days before the analysis date. */
  compareFrom: string | null;
}

/** Starting cut points for manual thresholds: the textbook's recency bands, order counts, roubles. */
export const DEFAULT_MANUAL_BREAKS: Record<`${RfmLevels}`, RfmManualBreaks> = {
  '3': { recency: [30, 90], frequency: [1, 3], monetary: [5000, 20000] },
  '4': { recency: [7, 30, 90], frequency: [1, 2, 4], monetary: [3000, 10000, 30000] },
  '5': { recency: [7, 30, 90, 180], frequency: [1, 2, 3, 5], monetary: [2000, 5000, 12000, 30000] },
};

export const DEFAULT_COMPARE_DAYS = 90;

export function defaultRfmSettings(): RfmSettings {
  return {
    version: RFM_SETTINGS_VERSION,
    asOf: null,
    periodDays: DEFAULT_RFM_PERIOD_DAYS,
    levels: 5,
    method: 'quantile',
    monetary: 'total',
    direction: 'highIsBest',
    manualBreaks: structuredClone(DEFAULT_MANUAL_BREAKS),
    mapPreset: 'grid',
    customMap: null,
    compareFrom: null,
  };
}

const isoDate = z.string().refine((text) => !Number.isNaN(isoDateToDayNumber(text)));
const cuts = z.array(z.number());
const breaksSchema = z.object({ recency: cuts, frequency: cuts, monetary: cuts });
const levelsSchema = z.union(RFM_LEVELS.map((level) => z.literal(level)) as [z.ZodLiteral<3>, z.ZodLiteral<4>, z.ZodLiteral<5>]);
const range = z.object({ from: z.number().int(), to: z.number().int() });
const mapSchema = z.object({
  preset: z.enum(SEGMENT_MAP_PRESETS),
  levels: levelsSchema,
  segments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z.string(),
      strategy: z.string(),
      rules: z.array(z.object({ r: range.optional(), f: range.optional(), m: range.optional(), fm: range.optional() })),
    }),
  ),
});

function manualBreaksSchema() {
  const defaults = DEFAULT_MANUAL_BREAKS;
  return z.object({
    '3': breaksSchema.catch(() => structuredClone(defaults['3'])),
    '4': breaksSchema.catch(() => structuredClone(defaults['4'])),
    '5': breaksSchema.catch(() => structuredClone(defaults['5'])),
  });
}

const strictSettingsSchema = z
  .object({
    version: z.literal(RFM_SETTINGS_VERSION),
    asOf: isoDate.nullable(),
    periodDays: z.number().int().min(1).max(36_500).nullable(),
    levels: levelsSchema,
    method: z.enum(RFM_METHODS),
    monetary: z.enum(RFM_MONETARY_MODES),
    direction: z.enum(SCORE_DIRECTIONS),
    manualBreaks: z.object({ '3': breaksSchema, '4': breaksSchema, '5': breaksSchema }),
    mapPreset: z.enum(SEGMENT_MAP_PRESETS),
    customMap: mapSchema.nullable(),
    compareFrom: isoDate.nullable(),
  })
  .strict();

/**
 * Validates stored settings without repairing anything: what does not validate is reported
 * (`where: what`), so the caller can show it and leave the stored value as it is. Fields a
 * version-1 writer always wrote are required; the caller fills in only fields it never had.
 */
export function parseRfmSettings(value: unknown): ParseResult<RfmSettings> {
  const result = strictSettingsSchema.safeParse(value);
  return result.success ? { ok: true, value: result.data satisfies RfmSettings } : { ok: false, error: describeZodError(result.error) };
}

/** Stored settings, repaired: unusable fields take their defaults. */
export function normalizeRfmSettings(raw: unknown): RfmSettings {
  const defaults = defaultRfmSettings();
  const schema = z.object({
    asOf: isoDate.nullable().catch(defaults.asOf),
    periodDays: z.number().int().min(1).max(36_500).nullable().catch(defaults.periodDays),
    levels: levelsSchema.catch(defaults.levels),
    method: z.enum(RFM_METHODS).catch(defaults.method),
    monetary: z.enum(RFM_MONETARY_MODES).catch(defaults.monetary),
    direction: z.enum(SCORE_DIRECTIONS).catch(defaults.direction),
    manualBreaks: manualBreaksSchema().catch(() => structuredClone(DEFAULT_MANUAL_BREAKS)),
    mapPreset: z.enum(SEGMENT_MAP_PRESETS).catch(defaults.mapPreset),
    customMap: mapSchema.nullable().catch(null),
    compareFrom: isoDate.nullable().catch(defaults.compareFrom),
  });
  const parsed = schema.safeParse(typeof raw === 'object' && raw !== null ? raw : {});
  return parsed.success ? { version: RFM_SETTINGS_VERSION, ...parsed.data } : defaults;
}

export function scoringOf(settings: RfmSettings): RfmScoring {
  const scoring: RfmScoring = { levels: settings.levels, method: settings.method, monetary: settings.monetary };
  if (settings.method === 'manual') scoring.manualBreaks = settings.manualBreaks[`${settings.levels}`];
  return scoring;
}

/** What the scores depend on (not the map, the display direction or the comparison date). */
export function scoringKey(settings: RfmSettings): string {
  const scoring = scoringOf(settings);
  return JSON.stringify([settings.asOf, settings.periodDays, scoring.levels, scoring.method, scoring.monetary, scoring.manualBreaks ?? null]);
}
