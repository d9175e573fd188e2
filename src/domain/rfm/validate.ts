import { UserFacingError } from '../errors';
import { RFM_LEVELS, RFM_MEASURES, RFM_METHODS, RFM_MONETARY_MODES, type RfmManualBreaks, type RfmMeasure, type RfmParams, type RfmScoring } from './types';

/**
 * Checks of RFM settings, shared by the screen and the command line. Errors are
 * UserFacingErrors with codes under `rfm.` and the English message for the command line.
 */
export const RFM_MEASURE_LETTERS: Record<RfmMeasure, 'R' | 'F' | 'M'> = { recency: 'R', frequency: 'F', monetary: 'M' };

/** A problem with one measure's manual cut points, or null when they are usable. */
export function manualCutsProblem(cuts: readonly number[], levels: number): { code: string; message: string; params: Record<string, number> } | null {
  const expected = levels - 1;
  if (cuts.length !== expected) {
    return {
      code: 'rfm.manualCount',
      message: `expected ${expected} cut points for ${levels} levels, got ${cuts.length}`,
      params: { expected, levels, got: cuts.length },
    };
  }
  for (let i = 0; i < cuts.length; i++) {
    if (!Number.isFinite(cuts[i])) return { code: 'rfm.manualNumber', message: `cut point ${i + 1} is not a number`, params: { position: i + 1 } };
    if (i > 0 && !(cuts[i]! > cuts[i - 1]!)) {
      return { code: 'rfm.manualOrder', message: `cut points must increase (cut point ${i + 1} is not above cut point ${i})`, params: { position: i + 1 } };
    }
  }
  return null;
}

export function validateScoring(scoring: RfmScoring): void {
  if (!(RFM_LEVELS as readonly number[]).includes(scoring.levels)) {
    throw new UserFacingError('rfm.levels', `levels must be 3, 4 or 5, not ${String(scoring.levels)}`);
  }
  if (!(RFM_METHODS as readonly string[]).includes(scoring.method)) throw new UserFacingError('rfm.method', `unknown method ${String(scoring.method)}`);
  if (!(RFM_MONETARY_MODES as readonly string[]).includes(scoring.monetary)) {
    throw new UserFacingError('rfm.monetary', `unknown monetary mode ${String(scoring.monetary)}`);
  }
  if (scoring.method !== 'manual') return;
  for (const measure of RFM_MEASURES) {
    const cuts = scoring.manualBreaks?.[measure];
    const letter = RFM_MEASURE_LETTERS[measure];
    if (!cuts) throw new UserFacingError('rfm.manualMissing', `manual method: no cut points for ${letter}`, { measure: letter });
    const problem = manualCutsProblem(cuts, scoring.levels);
    if (problem) throw new UserFacingError(problem.code, `${letter}: ${problem.message}`, { ...problem.params, measure: letter });
  }
}

export function validateParams(params: RfmParams): void {
  validateScoring(params);
  if (!Number.isInteger(params.asOfDay)) throw new UserFacingError('rfm.asOf', 'the analysis date is not a date');
  if (params.periodDays !== null && !(Number.isInteger(params.periodDays) && params.periodDays >= 1)) {
    throw new UserFacingError('rfm.period', `the period must be a whole number of days ≥ 1, not ${String(params.periodDays)}`);
  }
}

const LETTER_TO_MEASURE: Record<string, RfmMeasure> = { R: 'recency', F: 'frequency', M: 'monetary' };

/**
 * Parses "R:7,30,90;F:1,2,4;M:1000,5000,20000" (letters in any case and order, spaces allowed,
 * '.' as the decimal point). Every measure must be given once; counts are checked against the
 * levels by `validateScoring`.
 */
export function parseManualBreaks(text: string): RfmManualBreaks {
  const found: Partial<RfmManualBreaks> = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([A-Za-z])\s*:\s*(.*)$/.exec(part);
    const measure = match ? LETTER_TO_MEASURE[match[1]!.toUpperCase()] : undefined;
    if (!match || !measure) {
      throw new UserFacingError('rfm.breaksSyntax', `"${part}" is not "R:…", "F:…" or "M:…" followed by numbers`, { part });
    }
    if (found[measure]) throw new UserFacingError('rfm.breaksTwice', `${match[1]!.toUpperCase()} is given twice`, { measure: match[1]!.toUpperCase() });
    found[measure] = match[2]!.split(',').map((value) => parseCut(value, match[1]!.toUpperCase()));
  }
  for (const measure of RFM_MEASURES) {
    if (!found[measure]) {
      const letter = RFM_MEASURE_LETTERS[measure];
      throw new UserFacingError('rfm.manualMissing', `no cut points for ${letter} (expected "R:…;F:…;M:…")`, { measure: letter });
    }
  }
  return found as RfmManualBreaks;
}

function parseCut(value: string, letter: string): number {
  const text = value.trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number)) {
    throw new UserFacingError('rfm.breaksNumber', `${letter}: "${text}" is not a number`, { measure: letter, value: text });
  }
  return number;
}

/** The text form of cut points, as `parseManualBreaks` reads it. */
export function formatManualBreaks(breaks: RfmManualBreaks): string {
  return RFM_MEASURES.map((measure) => `${RFM_MEASURE_LETTERS[measure]}:${breaks[measure].join(',')}`).join(';');
}
