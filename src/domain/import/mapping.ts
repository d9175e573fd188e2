import { z } from 'zod';
import { CSV_KINDS, type CsvKind } from '../model/importBatch';
import type { ColumnProfile } from './columnProfile';
import { FIELD_SPECS, KIND_FIELDS, isCanonicalField, missingRequired, normalizeHeader, type CanonicalField, type FieldType } from './fields';

/**
 * Proposes which column holds which canonical field, from the header names (RU/EN synonyms)
 * and the values (e-mails look like e-mails, dates parse as dates …). The user confirms or
 * corrects it in the app; `--mapping m.json` does it on the command line.
 */
export type ColumnMapping = Partial<Record<CanonicalField, number>>;

export interface MappingCandidate {
  field: CanonicalField;
  column: number;
  score: number;
  source: 'header' | 'values';
}

const MIN_SCORE = 0.5;

const PERSON_NAME_FIELDS: ReadonlySet<CanonicalField> = new Set(['firstName', 'lastName', 'fullName']);
/**
 * Words that say a "… name" column names something other than a person ("Lineitem name",
 * "Campaign name", "Название товара"): such headers never match a person's name by containing
 * "name"/"имя", only by an exact synonym.
 */
const OTHER_ENTITY_WORDS: ReadonlySet<string> = new Set([
  'product', 'item', 'lineitem', 'line', 'campaign', 'company', 'store', 'shop', 'category', 'brand', 'event', 'list', 'segment',
  'template', 'file', 'page', 'utm', 'promo', 'coupon', 'discount', 'variant', 'vendor', 'collection', 'channel', 'source', 'tag',
  'товара', 'товар', 'продукта', 'компании', 'магазина', 'кампании', 'категории', 'события', 'бренда', 'канала', 'акции',
]);

function headerScore(field: CanonicalField, kind: CsvKind, header: string): number {
  const spec = FIELD_SPECS[field];
  const normalized = normalizeHeader(header);
  if (!normalized) return 0;
  const compact = normalized.replace(/ /g, '');
  const words = normalized.split(' ');
  const isOtherEntity = PERSON_NAME_FIELDS.has(field) && words.some((word) => OTHER_ENTITY_WORDS.has(word));
  let best = 0;
  for (const synonym of [...spec.synonyms, ...(spec.kindSynonyms?.[kind] ?? [])]) {
    if (synonym === normalized) return 1;
    if (synonym.replace(/ /g, '') === compact) best = Math.max(best, 0.95);
    const synonymWords = synonym.split(' ');
    const isContained = synonymWords.every((word) => words.includes(word));
    if (isContained && !isOtherEntity && (synonymWords.length > 1 || synonym.length >= 4)) best = Math.max(best, 0.55 + 0.3 * (synonymWords.length / words.length));
  }
  return best;
}

/** How well the values fit a field type: 1 = fits, lower = they contradict the header. */
function valueFit(type: FieldType, profile: ColumnProfile): number {
  if (profile.nonEmpty === 0) return 1;
  switch (type) {
    case 'email':
      return profile.email >= 0.5 ? 1 : 0.3;
    case 'phone':
      return profile.phone >= 0.5 ? 1 : 0.3;
    case 'date':
    case 'datetime':
      return profile.date.format && profile.date.validShare >= 0.6 ? 1 : 0.2;
    case 'money':
    case 'number':
      return profile.number >= 0.8 ? 1 : 0.2;
    case 'boolean':
      return profile.boolean >= 0.7 ? 1 : 0.4;
    case 'gender':
      return profile.gender >= 0.6 ? 1 : 0.5;
    case 'eventType':
      return profile.knownEventType >= 0.3 || profile.word >= 0.9 ? 1 : 0.4;
    case 'name':
      return profile.personName >= 0.6 ? 1 : profile.personName >= 0.3 ? 0.5 : 0.3;
    case 'id':
      return profile.personName >= 0.8 && profile.number < 0.2 ? 0.6 : 1;
    default:
      return 1;
  }
}

/** Fields a column's values point to even when its header says nothing. */
function valueScore(field: CanonicalField, profile: ColumnProfile): number {
  if (profile.nonEmpty === 0) return 0;
  switch (field) {
    case 'email':
      return profile.email >= 0.8 ? 0.85 : 0;
    case 'phone':
      return profile.phone >= 0.8 && profile.email < 0.1 ? 0.8 : 0;
    case 'gender':
      return profile.gender >= 0.8 ? 0.7 : 0;
    case 'type':
      return profile.knownEventType >= 0.5 ? 0.75 : 0;
    case 'ts':
      return profile.date.format && profile.date.validShare >= 0.9 && profile.date.format.kind !== 'excel' ? 0.55 : 0;
    case 'fullName':
      return profile.personName >= 0.9 && profile.distinct > 1 ? 0.45 : 0;
    default:
      return 0;
  }
}

/** The first column whose header is exactly one of the field's names (-1: none). */
export function columnNamedFor(field: CanonicalField, kind: CsvKind, columns: readonly string[]): number {
  return columns.findIndex((header) => headerScore(field, kind, header) === 1);
}

/** Share of a column's values that fit a field type (1 for types any text fits). */
function fittingShare(type: FieldType, profile: ColumnProfile): number {
  switch (type) {
    case 'email':
      return profile.email;
    case 'phone':
      return profile.phone;
    case 'date':
    case 'datetime':
      return profile.date.format ? profile.date.validShare : 0;
    case 'money':
    case 'number':
      return profile.number;
    case 'boolean':
      return profile.boolean;
    default:
      return 1;
  }
}

/**
 * A header that IS a field's name ("amount", "Сумма") keeps the column when a fair share of
 * its values fit: the bad ones are then rejected row by row, each with its line and reason,
 * instead of the whole file being refused for "no column for amount". Values that do not fit
 * at all ("Email" holding yes/no consent flags) still keep the column from that field.
 */
function headerEvidence(field: CanonicalField, kind: CsvKind, header: string, profile: ColumnProfile): number {
  const type = FIELD_SPECS[field].type;
  const match = headerScore(field, kind, header);
  const fit = valueFit(type, profile);
  const isExactWithSomeFit = match === 1 && profile.nonEmpty > 0 && fittingShare(type, profile) >= 0.3;
  return isExactWithSomeFit ? Math.max(MIN_SCORE, fit) : match * fit;
}

/** Names `detectLayout` gives the columns of a file without a header. */
const HEADERLESS_NAME = /^column \d+$/;

/**
 * A file without a header (a purchase log such as CDNOW's "id date quantity amount") has only
 * its values to go by: the leftmost column of whole numbers or codes that are not dates is the
 * customer, the rightmost column of numbers with decimals is the amount. Weak scores: a
 * stronger value match (e-mails, phones, dates) wins.
 */
function headerlessScore(field: CanonicalField, column: number, profile: ColumnProfile): number {
  if (profile.nonEmpty === 0) return 0;
  const isDate = profile.date.format !== undefined && profile.date.validShare >= 0.5;
  if (field === 'customerId') return !isDate && profile.decimal < 0.05 && profile.email < 0.1 && profile.word < 0.5 ? 0.52 - column * 0.001 : 0;
  if (field === 'amount' || field === 'lineAmount') return profile.number >= 0.95 && profile.decimal >= 0.3 && !isDate ? 0.51 + column * 0.001 : 0;
  return 0;
}

/** Every plausible (field, column) pair with its score, best first. */
export function mappingCandidates(kind: CsvKind, columns: readonly string[], profiles: readonly ColumnProfile[]): MappingCandidate[] {
  const candidates: MappingCandidate[] = [];
  const isHeaderless = columns.every((header) => HEADERLESS_NAME.test(header));
  for (const field of KIND_FIELDS[kind]) {
    columns.forEach((header, column) => {
      const profile = profiles[column]!;
      const byHeader = headerEvidence(field, kind, header, profile);
      const byValues = Math.max(valueScore(field, profile), isHeaderless ? headerlessScore(field, column, profile) : 0);
      const score = Math.max(byHeader, byValues);
      if (score > 0.2) candidates.push({ field, column, score, source: byHeader >= byValues ? 'header' : 'values' });
    });
  }
  return candidates.sort((a, b) => b.score - a.score || a.column - b.column);
}

/** Greedy best-first assignment: each column gets at most one field and each field one column. */
export function guessMapping(kind: CsvKind, columns: readonly string[], profiles: readonly ColumnProfile[], fixed: ColumnMapping = {}): ColumnMapping {
  const mapping: ColumnMapping = { ...fixed };
  const usedColumns = new Set(Object.values(mapping).filter((column): column is number => column !== undefined && column >= 0));
  for (const candidate of mappingCandidates(kind, columns, profiles)) {
    if (candidate.score < MIN_SCORE || candidate.field in mapping || usedColumns.has(candidate.column)) continue;
    mapping[candidate.field] = candidate.column;
    usedColumns.add(candidate.column);
  }
  for (const field of Object.keys(mapping) as CanonicalField[]) if (mapping[field] === undefined || mapping[field]! < 0) delete mapping[field];
  if (!('customerId' in fixed)) preferUniqueCustomerId(mapping, columns);
  if (kind === 'lines' && !('lineAmount' in fixed)) dropOrderTotalAsLineAmount(mapping, columns);
  return mapping;
}

/** Headers of a column that names the person where the export's "customer id" does not (Olist). */
const UNIQUE_CUSTOMER_HEADERS: ReadonlySet<string> = new Set(['customer unique id', 'unique customer id']);

/**
 * Olist's exports carry `customer_id`, a new key for every order, next to `customer_unique_id`,
 * the person. Keyed by the first, every order is a different one-order customer: no repeat
 * purchases, no reactivation, RFM frequency 1 for all. So the unique id is the customer.
 */
function preferUniqueCustomerId(mapping: ColumnMapping, columns: readonly string[]): void {
  const unique = columns.findIndex((header) => UNIQUE_CUSTOMER_HEADERS.has(normalizeHeader(header)));
  if (unique < 0 || mapping.customerId === unique) return;
  for (const field of Object.keys(mapping) as CanonicalField[]) if (mapping[field] === unique) delete mapping[field];
  mapping.customerId = unique;
}

/** Header words that in a line-item export usually hold the ORDER's total, repeated or on its first line only. */
const ORDER_TOTAL_HEADERS: ReadonlySet<string> = new Set(['total', 'subtotal', 'grand total', 'order total', 'итого', 'итого по заказу']);

/**
 * Shop exports with one row per line item (Shopify and the like) carry "Subtotal"/"Total" of the
 * whole order next to each line's quantity and price; summing those per line would count the
 * order again for every line. With a price and a quantity there, the line amount is quantity ×
 * price (data-model.md), so such a column is not guessed as the line amount (the user can still
 * map it).
 */
function dropOrderTotalAsLineAmount(mapping: ColumnMapping, columns: readonly string[]): void {
  const column = mapping.lineAmount;
  if (column === undefined || mapping.price === undefined || mapping.quantity === undefined) return;
  if (ORDER_TOTAL_HEADERS.has(normalizeHeader(columns[column] ?? ''))) delete mapping.lineAmount;
}

function mappedFields(mapping: ColumnMapping): Set<CanonicalField> {
  return new Set(Object.keys(mapping) as CanonicalField[]);
}

export interface KindGuess {
  kind: CsvKind;
  /**
   * The columns clearly say so. A file that fits no activity kind is "customers" only when a
   * column is NAMED as an id, e-mail or phone, or its values are e-mails or phones: random
   * text must not become hundreds of made-up customers.
   */
  isConfident: boolean;
}

/** Header score of a column named exactly (or almost: "E-mail", "customerID") for a field. */
const CLEAR_HEADER = 0.9;

/** The kind of file: events when a column holds event types, lines when quantities and prices, orders when amounts and dates, else customers. */
export function guessKind(columns: readonly string[], profiles: readonly ColumnProfile[]): KindGuess {
  const fits = (kind: CsvKind, distinctive: CanonicalField[]) => {
    const mapping = guessMapping(kind, columns, profiles);
    return missingRequired(kind, mappedFields(mapping)).length === 0 && distinctive.some((field) => field in mapping);
  };
  if (fits('events', ['type'])) return { kind: 'events', isConfident: true };
  if (fits('lines', ['quantity']) && fits('lines', ['price', 'sku'])) return { kind: 'lines', isConfident: true };
  if (fits('orders', ['amount'])) return { kind: 'orders', isConfident: true };
  const isConfident = columns.some((header, column) => {
    const profile = profiles[column]!;
    const isNamed = (['customerId', 'email', 'phone'] as const).some((field) => headerScore(field, 'customers', header) >= CLEAR_HEADER);
    return isNamed || valueScore('email', profile) > 0 || valueScore('phone', profile) > 0;
  });
  return { kind: 'customers', isConfident };
}

const columnRef = z.union([z.string().min(1), z.number().int().min(1), z.null()]);
const fieldMap = z.record(z.string(), columnRef);
const fullMappingFile = z
  .object({
    format: z.literal('chainlab.mapping').optional(),
    version: z.literal(1).optional(),
    kind: z.enum(CSV_KINDS).optional(),
    mapping: fieldMap,
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    dateFormat: z.string().optional(),
    hasHeader: z.boolean().optional(),
    timeZone: z.string().optional(),
  })
  .strict();

export interface MappingFile {
  kind?: CsvKind;
  mapping: Record<string, string | number | null>;
  encoding?: string;
  delimiter?: string;
  dateFormat?: string;
  hasHeader?: boolean;
  timeZone?: string;
}

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

function kindOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Parses a mapping file's JSON value; throws an Error whose message says what is wrong and where. */
export function parseMappingFile(value: unknown): MappingFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`a mapping file is a JSON object of fields and their columns, e.g. {"customerId": "Код клиента", "ts": "Дата"}; this one is ${kindOfJson(value)}`);
  const isFull = typeof value === 'object' && value !== null && !Array.isArray(value) && 'mapping' in value;
  let file: MappingFile;
  if (isFull) {
    const result = fullMappingFile.safeParse(value);
    if (!result.success) throw new Error(firstProblem(result.error));
    file = result.data;
  } else {
    const result = fieldMap.safeParse(value);
    if (!result.success) throw new Error(firstProblem(result.error));
    file = { mapping: result.data };
  }
  for (const field of Object.keys(file.mapping)) {
    if (!isCanonicalField(field)) throw new Error(`mapping: "${field}" is not a field ChainLab knows (fields: ${Object.keys(FIELD_SPECS).join(', ')})`);
  }
  return file;
}

/**
 * Column indexes for the fields a mapping file names: -1 for `null` (keep unmapped). Throws
 * when a named column is not in the file.
 */
export function resolveMappingColumns(file: MappingFile, columns: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const byName = new Map(columns.map((name, index) => [name, index]));
  const byNormalized = new Map(columns.map((name, index) => [normalizeHeader(name), index]));
  for (const [field, ref] of Object.entries(file.mapping) as [CanonicalField, string | number | null][]) {
    if (ref === null) {
      mapping[field] = -1;
      continue;
    }
    const index = typeof ref === 'number' ? ref - 1 : (byName.get(ref) ?? byNormalized.get(normalizeHeader(ref)));
    if (index === undefined || index < 0 || index >= columns.length) {
      throw new Error(`mapping: column ${typeof ref === 'number' ? ref : `"${ref}"`} for ${field} is not in the file (columns: ${columns.join(', ')})`);
    }
    const taken = Object.entries(mapping).find(([, column]) => column === index);
    if (taken) throw new Error(`mapping: column "${columns[index]}" is named for both ${taken[0]} and ${field}`);
    mapping[field] = index;
  }
  return mapping;
}
