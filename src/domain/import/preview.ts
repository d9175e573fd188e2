import type { CsvKind } from '../model/importBatch';
import { FIELD_SPECS, normalizeHeader, type CanonicalField } from './fields';
import { mappingCandidates, type ColumnMapping } from './mapping';
import type { FarDatesPolicy, ImportPlan } from './plan';
import { describeWindow } from '../time/plausibleDates';

/**
 * What the import screen shows before anything is stored: the detected reading settings, the
 * first rows, the proposed mapping with alternatives per column, what is still missing, and a
 * signature of the header for saved mappings ("offered again for a file with the same header").
 */
export interface DateColumnPreview {
  field: CanonicalField;
  column: number;
  label: string;
  isAmbiguous: boolean;
  hasConflict: boolean;
}

export interface ColumnPreview {
  name: string;
  examples: string[];
  /** share of sampled rows with a value */
  fill: number;
  /** fields this column could hold, best first */
  suggestions: CanonicalField[];
}

export interface ImportPreview {
  kind: CsvKind;
  isKindGuessed: boolean;
  /** the kind could not be told from the columns: the user must choose it */
  isKindUncertain: boolean;
  encoding: string;
  hasBom: boolean;
  delimiter: string;
  hasHeader: boolean;
  skippedLines: number;
  decimalMark: '.' | ',';
  timeZone: string;
  columns: ColumnPreview[];
  rows: { line: number; fields: string[] }[];
  mapping: ColumnMapping;
  dates: DateColumnPreview[];
  missing: CanonicalField[][];
  headerSignature: string;
  estimatedRows: number;
  /** values read as a missing id */
  placeholderIds: string[];
  /** the plausible dates ("1970-01-01 … 2026-05-03") and what happens to rows outside them */
  plausibleDates: string;
  farDates: FarDatesPolicy;
}

export const PREVIEW_ROWS = 20;

/** Normalised column names joined: the same layout gives the same signature whatever the case or punctuation. */
export function headerSignature(columns: readonly string[]): string {
  return columns.map(normalizeHeader).join('|');
}

export function previewOf(plan: ImportPlan): ImportPreview {
  const candidates = mappingCandidates(plan.kind, plan.layout.columns, plan.profiles);
  const columns = plan.layout.columns.map((name, column): ColumnPreview => {
    const profile = plan.profiles[column]!;
    return {
      name,
      examples: profile.examples,
      fill: profile.filled,
      suggestions: candidates.filter((candidate) => candidate.column === column && candidate.score >= 0.3).map((candidate) => candidate.field).slice(0, 4),
    };
  });
  const dates = Object.entries(plan.dates).map(([field, date]): DateColumnPreview => ({
    field: field as CanonicalField,
    column: plan.mapping[field as CanonicalField]!,
    label: date!.format.label,
    isAmbiguous: date!.isAmbiguous,
    hasConflict: date!.hasConflict,
  }));
  return {
    kind: plan.kind,
    isKindGuessed: plan.isKindGuessed,
    isKindUncertain: plan.isKindUncertain,
    encoding: plan.encoding.label,
    hasBom: plan.encoding.hasBom,
    delimiter: plan.layout.dialect.delimiter,
    hasHeader: plan.layout.hasHeader,
    skippedLines: plan.layout.skipLines,
    decimalMark: plan.decimalMark,
    timeZone: plan.timeZone,
    columns,
    rows: plan.layout.rows.slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, fields: row.fields })),
    mapping: plan.mapping,
    dates,
    missing: plan.missing,
    headerSignature: headerSignature(plan.layout.columns),
    estimatedRows: plan.estimatedRows,
    placeholderIds: [...plan.placeholderIds],
    plausibleDates: describeWindow(plan.plausible),
    farDates: plan.farDates,
  };
}

/** A mapping by column names (presets, the batch record) → column indexes of this file; names not found are dropped. */
export function mappingFromNames(names: Record<string, string>, columns: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const [field, name] of Object.entries(names)) {
    const index = columns.indexOf(name);
    if (index >= 0 && field in FIELD_SPECS) mapping[field as CanonicalField] = index;
  }
  return mapping;
}

export function mappingToNames(mapping: ColumnMapping, columns: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) if (column !== undefined && columns[column] !== undefined) names[field] = columns[column];
  return names;
}
