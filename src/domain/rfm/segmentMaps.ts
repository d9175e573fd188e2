import { UserFacingError } from '../errors';
import { presetSegments, type PresetLanguage, type SegmentMapPreset } from './segmentPresets';
import type { RfmLevels } from './types';
import type { ScoreRange, SegmentDefinition, SegmentRule } from './segmentTypes';

export type { ScoreRange, SegmentDefinition, SegmentRule } from './segmentTypes';

/**
 * Segment maps: named, coloured groups of score combinations. Segments are tried in order and
 * the first whose rules match wins (as in the R package); a customer no segment matches is in
 * "Others". A rule matches when every range it states holds (inclusive, internal scores where
 * higher = better); `fm` is ceil((F + M) / 2), for the R × FM grid.
 *
 * Presets are written for 5 levels. At 3 or 4 levels a score t stands for the 5-level score
 * whose band holds the middle of t's band: u(t) = ceil((t − ½) · 5 / n), i.e. 3 levels → 1, 3, 5
 * and 4 levels → 1, 2, 4, 5. A rule's range becomes the scores t whose u(t) it holds — so every
 * scaled cell means what the 5-level cell it stands for means. A range no score maps into is
 * dropped (a segment can end up with no rules at a level and then holds no one).
 */
export const RULE_FIELDS = ['r', 'f', 'm', 'fm'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface SegmentMap {
  /** The preset it started from. */
  preset: SegmentMapPreset;
  levels: RfmLevels;
  segments: SegmentDefinition[];
}

/** A preset map scaled to `levels`. */
export function presetSegmentMap(preset: SegmentMapPreset, levels: RfmLevels, language: PresetLanguage): SegmentMap {
  return scaleSegmentMap({ preset, levels: 5, segments: presetSegments(preset, language) }, levels);
}

/** The score at `fromLevels` that a score `t` at `toLevels` stands for (integer maths: no rounding surprises). */
export function standsFor(t: number, fromLevels: number, toLevels: number): number {
  return Math.floor(((2 * t - 1) * fromLevels + 2 * toLevels - 1) / (2 * toLevels));
}

function scaleRange(range: ScoreRange, fromLevels: number, toLevels: number): ScoreRange | null {
  let from = 0;
  let to = 0;
  for (let t = 1; t <= toLevels; t++) {
    const u = standsFor(t, fromLevels, toLevels);
    if (u < range.from || u > range.to) continue;
    if (from === 0) from = t;
    to = t;
  }
  return from === 0 ? null : { from, to };
}

function scaleRule(rule: SegmentRule, fromLevels: number, toLevels: number): SegmentRule | null {
  const scaled: SegmentRule = {};
  for (const field of RULE_FIELDS) {
    const range = rule[field];
    if (!range) continue;
    const next = scaleRange(range, fromLevels, toLevels);
    if (!next) return null;
    scaled[field] = next;
  }
  return scaled;
}

/** The same map for another number of levels (see the module note). */
export function scaleSegmentMap(map: SegmentMap, levels: RfmLevels): SegmentMap {
  if (map.levels === levels) return map;
  return {
    ...map,
    levels,
    segments: map.segments.map((segment) => ({
      ...segment,
      rules: segment.rules.map((rule) => scaleRule(rule, map.levels, levels)).filter((rule): rule is SegmentRule => rule !== null),
    })),
  };
}

/** A lookup table from (R, F, M) to the segment index; `segments.length` means "Others". */
export interface CompiledSegmentMap {
  levels: number;
  segmentCount: number;
  table: Int16Array;
}

export function ruleMatches(rule: SegmentRule, r: number, f: number, m: number): boolean {
  const fm = Math.ceil((f + m) / 2);
  const values: Record<RuleField, number> = { r, f, m, fm };
  for (const field of RULE_FIELDS) {
    const range = rule[field];
    if (range && (values[field] < range.from || values[field] > range.to)) return false;
  }
  return true;
}

export function compileSegmentMap(map: SegmentMap): CompiledSegmentMap {
  const problems = segmentMapProblems(map);
  if (problems.length) throw new UserFacingError('rfm.map', `the segment map is not usable: ${problems[0]!.message}`);
  const n = map.levels;
  const table = new Int16Array(n * n * n);
  for (let r = 1; r <= n; r++) {
    for (let f = 1; f <= n; f++) {
      for (let m = 1; m <= n; m++) {
        const index = map.segments.findIndex((segment) => segment.rules.some((rule) => ruleMatches(rule, r, f, m)));
        table[((r - 1) * n + (f - 1)) * n + (m - 1)] = index < 0 ? map.segments.length : index;
      }
    }
  }
  return { levels: n, segmentCount: map.segments.length, table };
}

/** Segment index of scores (1 … levels each); `segmentCount` for "Others". */
export function segmentOf(compiled: CompiledSegmentMap, r: number, f: number, m: number): number {
  const n = compiled.levels;
  return compiled.table[((r - 1) * n + (f - 1)) * n + (m - 1)]!;
}

export interface SegmentMapProblem {
  code: 'noSegments' | 'nameEmpty' | 'nameTwice' | 'color' | 'range' | 'idTwice';
  segment: number;
  message: string;
}

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** What makes a (user-edited) map unusable; empty when it is fine. */
export function segmentMapProblems(map: SegmentMap): SegmentMapProblem[] {
  const problems: SegmentMapProblem[] = [];
  if (map.segments.length === 0) problems.push({ code: 'noSegments', segment: -1, message: 'it has no segments' });
  const names = new Set<string>();
  const ids = new Set<string>();
  map.segments.forEach((segment, index) => {
    const name = segment.name.trim();
    if (!name) problems.push({ code: 'nameEmpty', segment: index, message: `segment ${index + 1} has no name` });
    else if (names.has(name.toLowerCase())) problems.push({ code: 'nameTwice', segment: index, message: `the name "${name}" is used twice` });
    names.add(name.toLowerCase());
    if (ids.has(segment.id)) problems.push({ code: 'idTwice', segment: index, message: `the id "${segment.id}" is used twice` });
    ids.add(segment.id);
    if (!COLOR_PATTERN.test(segment.color)) problems.push({ code: 'color', segment: index, message: `"${segment.color}" is not a colour like #1e8449` });
    for (const rule of segment.rules) {
      for (const field of RULE_FIELDS) {
        const range = rule[field];
        if (range && !isRangeValid(range, map.levels)) {
          problems.push({ code: 'range', segment: index, message: `${name || index + 1}: ${field.toUpperCase()} ${range.from}–${range.to} is outside 1–${map.levels} or reversed` });
        }
      }
    }
  });
  return problems;
}

function isRangeValid(range: ScoreRange, levels: number): boolean {
  return Number.isInteger(range.from) && Number.isInteger(range.to) && range.from >= 1 && range.to <= levels && range.from <= range.to;
}

