import type { TFunction } from 'i18next';
import {
  csvLine,
  KIND_FIELDS,
  REQUIRED_FIELDS,
  type CanonicalField,
  type ColumnMapping,
  type CsvKind,
  type FarDatesPolicy,
  type ImportReject,
  type ImportWarning,
  type MessageParams,
  type RejectedRow,
} from '../../domain';

/**
 * The import screen's logic, kept out of the components: mapping edits, what is still
 * missing, message wording in the user's language, the rejected-rows file, progress figures.
 */
/** How the user chose to read a file (nothing: as detected). */
export interface ReadChoices {
  kind?: CsvKind;
  encoding?: string;
  delimiter?: string;
  hasHeader?: boolean;
  dateFormat?: string;
  /** values read as a missing id; the defaults when absent */
  placeholderIds?: string[];
  farDates?: FarDatesPolicy;
}

export const ENCODING_CHOICES = ['utf-8', 'windows-1251', 'koi8-r', 'ibm866', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

export const DELIMITER_CHOICES = [
  { value: ',', label: 'comma' },
  { value: ';', label: 'semicolon' },
  { value: '\t', label: 'tab' },
  { value: '|', label: 'pipe' },
] as const;

/** Date formats the user can pick (the spec strings the parser understands). */
export const DATE_FORMAT_CHOICES = [
  { spec: 'DD.MM.YYYY', label: 'dmy' },
  { spec: 'MM/DD/YYYY', label: 'mdy' },
  { spec: 'YYYY-MM-DD', label: 'ymd' },
  { spec: 'excel', label: 'excel' },
  { spec: 'unix', label: 'unix' },
  { spec: 'unix_ms', label: 'unixMs' },
] as const;

/** The fields offered for a kind: required ones first, then the rest in the model's order. */
export function fieldsFor(kind: CsvKind): CanonicalField[] {
  const required = new Set(REQUIRED_FIELDS[kind].flat());
  const fields = KIND_FIELDS[kind];
  return [...fields.filter((field) => required.has(field)), ...fields.filter((field) => !required.has(field))];
}

export function isRequired(kind: CsvKind, field: CanonicalField): boolean {
  return REQUIRED_FIELDS[kind].some((group) => group.includes(field));
}

/** Required field groups the mapping leaves without a column. */
export function missingGroups(kind: CsvKind, mapping: ColumnMapping): CanonicalField[][] {
  return REQUIRED_FIELDS[kind].filter((group) => !group.some((field) => mapping[field] !== undefined)).map((group) => [...group]);
}

/** The field a column holds, or undefined when it is kept as it is. */
export function fieldOfColumn(mapping: ColumnMapping, column: number): CanonicalField | undefined {
  return (Object.keys(mapping) as CanonicalField[]).find((field) => mapping[field] === column);
}

/** Maps `column` to `field` (or to nothing); a field is held by one column only. */
export function assignColumn(mapping: ColumnMapping, column: number, field: CanonicalField | undefined): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [name, index] of Object.entries(mapping) as [CanonicalField, number][]) {
    if (index !== column && name !== field) next[name] = index;
  }
  if (field) next[field] = column;
  return next;
}

/** Keeps only the fields a kind can hold (after the user changes the kind). */
export function mappingForKind(mapping: ColumnMapping, kind: CsvKind): ColumnMapping {
  const allowed = new Set<CanonicalField>(KIND_FIELDS[kind]);
  return Object.fromEntries(Object.entries(mapping).filter(([field]) => allowed.has(field as CanonicalField)));
}

/** i18next treats `count` as a plural selector; the messages call it `n`. */
function textParams(params: MessageParams): MessageParams {
  const { count, ...rest } = params;
  return count === undefined ? rest : { ...rest, n: count };
}

/** What differs in an order-id conflict ("customer C1 → C2, amount 10 → 12"), from the params of each difference. */
function conflictDifferences(t: TFunction, params: MessageParams): string {
  const parts: string[] = [];
  for (const part of ['customer', 'time', 'amount'] as const) {
    const key = part.charAt(0).toUpperCase() + part.slice(1);
    const first = params[`first${key}`];
    if (first !== undefined) parts.push(t(`import.conflictPart.${part}`, { first, this: params[`this${key}`] }));
  }
  return parts.join(', ');
}

export function rejectMessage(t: TFunction, reject: Pick<ImportReject, 'code' | 'params' | 'reason'>): string {
  if (!reject.code) return reject.reason;
  const params = textParams(reject.params);
  if (reject.code === 'date') params.detail = t(`import.dateProblem.${String(params.problem)}`, params);
  // reports stored before the differences had params of their own keep their English reason
  if (reject.code === 'order_conflict') {
    params.differences = conflictDifferences(t, params);
    if (!params.differences) return reject.reason;
  }
  const text = t(`import.reject.${reject.code}`, params);
  return text.startsWith('import.') ? reject.reason : text;
}

export function warningMessage(t: TFunction, warning: Pick<ImportWarning, 'code' | 'params' | 'message'>): string {
  if (!warning.params) return warning.message;
  const params = textParams(warning.params);
  const isDate = warning.code === 'invalid_value' && params.what === 'date' && typeof params.problem === 'string';
  if (isDate) params.detail = t(`import.dateProblem.${String(params.problem)}`, params);
  if (typeof params.what === 'string') params.what = t(`import.what.${params.what}`);
  if (typeof params.keptAs === 'string') params.keptAs = t(`import.keptAs.${params.keptAs}`);
  // The warnings whose count chooses the sentence's plural form.
  const plural = warning.code === 'title_lines' ? { count: Number(params.n) } : warning.code === 'placeholder_ids' ? { count: Number(warning.params.rows) } : {};
  if (warning.code === 'excel_number' && typeof params.action === 'string') params.action = t(`import.excelAction.${params.action}`);
  const text = t(`import.warning.${isDate ? 'invalid_date' : warning.code}`, { ...params, ...plural });
  return text.startsWith('import.') ? warning.message : text;
}

/** The rejected rows as CSV: line, reason, then the file's columns; spreadsheet formulas neutralised. */
export function rejectedRowsCsv(columns: readonly string[], rows: readonly RejectedRow[], reasonOf: (row: RejectedRow) => string): string {
  const width = rows.reduce((max, row) => Math.max(max, row.fields.length), columns.length);
  const header = [...columns];
  for (let i = columns.length; i < width; i++) header.push(`column ${i + 1}`);
  const lines = [csvLine(['line', 'reason', ...header], { neutralizeFormulas: true })];
  for (const row of rows) lines.push(csvLine([row.line, reasonOf(row), ...row.fields], { neutralizeFormulas: true }));
  // A byte-order mark makes Excel open the UTF-8 file with the right encoding.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ProgressFigures {
  share: number;
  rate: number;
  secondsLeft: number | null;
}

/** Rows per second and the time left, from rows done of about `total` since `startedAt`. */
export function progressFigures(done: number, total: number, startedAt: number, now: number): ProgressFigures {
  const seconds = (now - startedAt) / 1000;
  const rate = seconds > 0.2 ? done / seconds : 0;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const secondsLeft = rate > 0 && total > done ? Math.ceil((total - done) / rate) : null;
  return { share, rate, secondsLeft };
}
