import { UserFacingError } from '../errors';
import type { CsvKind } from '../model/importBatch';
import { profileColumn, type ColumnProfile } from './columnProfile';
import { CsvRecordReader } from './csvRecords';
import { FIELD_SPECS, missingRequired, type CanonicalField } from './fields';
import { columnNamedFor, guessKind, guessMapping, resolveMappingColumns, type ColumnMapping, type MappingFile } from './mapping';
import { detectLayout, type FileLayout, type SampleRow } from './sniff';
import { DEFAULT_PHONE_COUNTRY } from './values/contacts';
import { detectDateFormat, parseDateFormatSpec } from './values/dateDetection';
import { isValidTimeZone, type DateFormat } from './values/dates';
import { binaryKind, decodeWhole, detectEncoding, resolveEncodingLabel, type EncodingGuess } from './encoding';
import { detectDecimalMark, type DecimalMark } from './values/numbers';
import { quotedValue } from './messages';
import { DEFAULT_PLACEHOLDER_IDS, isFloatWrittenInteger, isPlaceholder, placeholderSet, type PlaceholderSet } from './placeholders';
import { plausibleWindow, type PlausibleDatesSetting, type PlausibleWindow } from '../time/plausibleDates';

/**
 * Everything decided before the rows are read: encoding, layout, kind, mapping, the format of
 * each date column, the decimal mark, the time zone. Built from the first bytes of the file
 * (plus a few windows further in, so a day over 12 late in the file still settles the day/month
 * order) and whatever the user chose; the same plan drives the app's worker and the CLI.
 */
export interface PlanInput {
  sourceName: string;
  /** the first bytes of the file (256 KiB are plenty) */
  head: Uint8Array;
  /** `head` is the whole file */
  isWholeFile: boolean;
  /** byte windows from further into the file, for date and number detection */
  extraSamples?: readonly Uint8Array[];
  kind?: CsvKind;
  encoding?: string;
  delimiter?: string;
  hasHeader?: boolean;
  dateFormat?: string;
  /** zone of local times without an offset; default UTC */
  timeZone?: string;
  /** a mapping file: the fields it names are fixed, the others guessed */
  mappingFile?: MappingFile;
  /** an exact mapping (field → column index), e.g. confirmed in the app: nothing else is guessed */
  mapping?: ColumnMapping;
  /** "now" for warnings about dates in the future */
  now?: number;
  /** size of the whole file, to size the session's tables */
  totalBytes?: number;
  /** plan even when required fields are unmapped (a preview the user will complete); see `missing` */
  allowIncomplete?: boolean;
  /** values read as a missing id (placeholders.ts); default `DEFAULT_PLACEHOLDER_IDS` */
  placeholderIds?: readonly string[];
  /** the plausible dates (time/plausibleDates.ts); default 1970-01-01 to now + 1 day */
  plausibleDates?: PlausibleDatesSetting;
  /** what to do with rows dated outside the plausible dates: keep them with a warning (default) or reject them */
  farDates?: FarDatesPolicy;
  /**
   * `kind` "orders" means orders of either layout (the command line's `--orders`): a file whose
   * columns are those of order lines (UCI Online Retail: a row per product with quantity and
   * price) is read as lines and aggregated to orders. Without a mapping only: a mapping names its fields for one kind.
   */
  ordersMayBeLines?: boolean;
}

export type FarDatesPolicy = 'keep' | 'reject';

export interface DateColumnPlan {
  format: DateFormat;
  isAmbiguous: boolean;
  hasConflict: boolean;
}

export interface ImportPlan {
  sourceName: string;
  kind: CsvKind;
  encoding: EncodingGuess & { label: string };
  layout: FileLayout;
  mapping: ColumnMapping;
  /** per mapped date field */
  dates: Partial<Record<CanonicalField, DateColumnPlan>>;
  decimalMark: DecimalMark;
  timeZone: string;
  now: number;
  phoneCountry: typeof DEFAULT_PHONE_COUNTRY;
  /** prefix marking cancelled orders in order ids ("C536379" in the UCI Online Retail data), if any */
  cancellationPrefix: string | undefined;
  /** every customer id of the sample is an integer written as a float ("17850.0"): read as the integer (placeholders.ts `integerOfFloatId`) */
  customerIdsAsFloats: boolean;
  profiles: ColumnProfile[];
  /** the kind was guessed, not given */
  isKindGuessed: boolean;
  /** the guess is weak (only with `allowIncomplete`: otherwise planning refuses): the user must choose the kind */
  isKindUncertain: boolean;
  /** rows the file probably has (from its size and the sample's bytes per row) */
  estimatedRows: number;
  /** required field groups without a column (only with `allowIncomplete`) */
  missing: CanonicalField[][];
  /** placeholder ids as given (for the report) and as matched (lower case) */
  placeholderIds: readonly string[];
  placeholders: PlaceholderSet;
  plausible: PlausibleWindow;
  farDates: FarDatesPolicy;
}

export const HEAD_BYTES = 262_144;
export const SAMPLE_WINDOW_BYTES = 65_536;
export const SAMPLE_WINDOWS = 8;

function setupError(code: string, message: string, params: Record<string, string | number> = {}): UserFacingError {
  return new UserFacingError(`import.${code}`, message, params);
}

const BINARY_MESSAGES: Record<string, string> = {
  xlsx: 'this is an Excel workbook (.xlsx), not a CSV file: open it in Excel and save it as "CSV UTF-8"',
  xls: 'this is an old Excel workbook (.xls), not a CSV file: open it in Excel and save it as "CSV UTF-8"',
  ods: 'this is an OpenDocument spreadsheet (.ods), not a CSV file: save it as CSV from LibreOffice or Excel',
  docx: 'this is a Word document, not a CSV file',
  zip: 'this is a ZIP archive, not a CSV file: unpack it and import the CSV inside',
  pdf: 'this is a PDF document, not a CSV file',
  archive: 'this is a compressed archive, not a CSV file: unpack it first',
  image: 'this is an image, not a CSV file',
  binary: 'this is a binary file, not a CSV text file',
};

function chooseEncoding(input: PlanInput): EncodingGuess & { label: string } {
  const detected = detectEncoding(input.head);
  if (!input.encoding) return { ...detected, label: detected.encoding };
  const label = resolveEncodingLabel(input.encoding);
  if (!label) throw setupError('badEncoding', `unknown encoding "${input.encoding}"`, { encoding: input.encoding });
  return { encoding: detected.encoding, hasBom: detected.hasBom && detected.encoding === label, label };
}

/** Rows of a window from the middle of the file: its first and last (cut) lines dropped. */
function windowRows(text: string, layout: FileLayout): SampleRow[] {
  const start = firstLineBreak(text);
  const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  if (start < 0 || end <= start) return [];
  const rows: SampleRow[] = [];
  const reader = new CsvRecordReader(layout.dialect, (fields) => {
    if (fields.length === layout.columns.length) rows.push({ fields, line: 0 });
  });
  reader.push(text.slice(start + 1, end + 1));
  return rows;
}

function firstLineBreak(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  return cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
}

function columnValues(rows: readonly SampleRow[], column: number): string[] {
  return rows.map((row) => row.fields[column] ?? '');
}

function hasCyrillic(layout: FileLayout): boolean {
  const text = [...layout.columns, ...layout.rows.slice(0, 200).flatMap((row) => row.fields)].join(' ');
  return /[\u0400-\u04ff]/.test(text);
}

function decideDates(mapping: ColumnMapping, rows: readonly SampleRow[], override: DateFormat | undefined, preferMonthFirst: boolean): Partial<Record<CanonicalField, DateColumnPlan>> {
  const dates: Partial<Record<CanonicalField, DateColumnPlan>> = {};
  for (const [field, column] of Object.entries(mapping) as [CanonicalField, number][]) {
    const type = FIELD_SPECS[field].type;
    if (type !== 'date' && type !== 'datetime') continue;
    const guess = detectDateFormat(columnValues(rows, column), preferMonthFirst);
    if (override && (override.kind === 'calendar' || field === 'ts' || field === 'signupAt')) dates[field] = { format: override, isAmbiguous: false, hasConflict: false };
    else if (guess.format) dates[field] = { format: guess.format, isAmbiguous: guess.isAmbiguous, hasConflict: guess.hasConflict };
    else dates[field] = { format: { kind: 'calendar', order: 'YMD', label: 'YYYY-MM-DD' }, isAmbiguous: false, hasConflict: false };
  }
  return dates;
}

function detectCancellationPrefix(mapping: ColumnMapping, rows: readonly SampleRow[]): string | undefined {
  if (mapping.orderId === undefined) return undefined;
  const ids = columnValues(rows, mapping.orderId).map((id) => id.trim()).filter(Boolean);
  const numeric = ids.filter((id) => /^\d+$/.test(id)).length;
  const prefixed = ids.filter((id) => /^C\d+$/.test(id)).length;
  return prefixed > 0 && numeric >= ids.length * 0.5 ? 'C' : undefined;
}

/** pandas writes an integer column with empty cells as floats: UCI Online Retail II's "Customer ID" is "17850.0". */
function areIdsFloats(mapping: ColumnMapping, rows: readonly SampleRow[], placeholders: PlaceholderSet): boolean {
  if (mapping.customerId === undefined) return false;
  const ids = columnValues(rows, mapping.customerId).map((id) => id.trim()).filter((id) => id && !isPlaceholder(id, placeholders));
  return ids.length > 0 && ids.every(isFloatWrittenInteger);
}

function chooseMapping(input: PlanInput, kind: CsvKind, layout: FileLayout, profiles: ColumnProfile[]): ColumnMapping {
  if (input.mapping) return Object.fromEntries(Object.entries(input.mapping).filter(([, column]) => column !== undefined && column >= 0 && column < layout.columns.length));
  const fixed = input.mappingFile ? resolveMappingOrFail(input.mappingFile, layout.columns) : {};
  return guessMapping(kind, layout.columns, profiles, fixed);
}

function resolveMappingOrFail(file: MappingFile, columns: readonly string[]): ColumnMapping {
  try {
    return resolveMappingColumns(file, columns);
  } catch (error) {
    throw setupError('badMapping', (error as Error).message, { message: (error as Error).message });
  }
}

const FIELD_WORDS: Partial<Record<CanonicalField, string>> = {
  customerId: 'customer id', email: 'e-mail', phone: 'phone', ts: 'date/time', amount: 'amount', type: 'event type', price: 'price', lineAmount: 'line amount',
};

function checkRequired(kind: CsvKind, mapping: ColumnMapping, columns: readonly string[], rows: readonly SampleRow[]): void {
  const missing = missingRequired(kind, new Set(Object.keys(mapping) as CanonicalField[]));
  if (missing.length === 0) return;
  const what = missing.map((group) => group.map((field) => FIELD_WORDS[field] ?? field).join(' or ')).join('; ');
  const hints = missing.flat().flatMap((field) => unfitColumnHint(field, kind, columns, rows));
  const hint = hints.length ? ` (${hints.join('; ')})` : '';
  const names = quotedValue(columns.join(', '));
  throw setupError('noRequiredColumn', `no column for ${what} in ${kindWithArticle(kind)} file (columns: ${names})${hint}; name it with a mapping`, { what, kind, columns: names });
}

/** "an orders", "a customers": the kinds are English words, some starting with a vowel. */
function kindWithArticle(kind: CsvKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** Says why a column named for a field was not taken: its values do not read as that field. */
function unfitColumnHint(field: CanonicalField, kind: CsvKind, columns: readonly string[], rows: readonly SampleRow[]): string[] {
  const column = columnNamedFor(field, kind, columns);
  if (column < 0) return [];
  const example = columnValues(rows, column).find((value) => value.trim() !== '');
  const shown = example === undefined ? 'it is empty' : `values like "${quotedValue(example.trim())}"`;
  return [`column "${columns[column]}" has the name of ${FIELD_WORDS[field] ?? field}, but ${shown} do not read as one`];
}

/**
 * Read as orders, a file of order lines loses all but its first line of each order: the other
 * lines disagree with its amount and are rejected, and the order's amount is one line's price.
 */
function layoutOfOrders(given: CsvKind, input: PlanInput, columns: readonly string[], profiles: readonly ColumnProfile[]): CsvKind {
  if (given !== 'orders' || !input.ordersMayBeLines || input.mappingFile || input.mapping) return given;
  return guessKind(columns, profiles).kind === 'lines' ? 'lines' : 'orders';
}

/** Decides how to read the file; throws a UserFacingError (code `import.*`) when it cannot be used. */
export function planImport(input: PlanInput): ImportPlan {
  const binary = binaryKind(input.head);
  if (binary) throw setupError('binary', BINARY_MESSAGES[binary]!, { kind: binary });
  const encoding = chooseEncoding(input);
  const text = decodeWhole(encoding.label, input.head);
  if (text.trim() === '' && input.isWholeFile) throw setupError('empty', 'the file is empty');
  const layout = detectLayout(text, input.isWholeFile, { delimiter: input.delimiter ?? input.mappingFile?.delimiter, hasHeader: input.hasHeader ?? input.mappingFile?.hasHeader });
  if (layout.rows.length === 0 && input.isWholeFile) {
    throw layout.hasHeader ? setupError('headerOnly', 'the file has a header but no data rows') : setupError('empty', 'the file is empty');
  }
  const extraRows = (input.extraSamples ?? []).flatMap((bytes) => windowRows(decodeWhole(encoding.label, bytes), layout));
  const rows = [...layout.rows, ...extraRows];
  const preferMonthFirst = !hasCyrillic(layout);
  const profiles = layout.columns.map((_, column) => profileColumn(columnValues(rows, column), preferMonthFirst));
  const givenKind = input.kind ?? input.mappingFile?.kind;
  const guess = givenKind ? { kind: layoutOfOrders(givenKind, input, layout.columns, profiles), isConfident: true } : guessKind(layout.columns, profiles);
  const { kind } = guess;
  if (!guess.isConfident && !input.allowIncomplete) {
    const columns = quotedValue(layout.columns.slice(0, 8).join(', '));
    throw setupError('kindUnclear', `cannot tell from its columns (${columns}${layout.columns.length > 8 ? ', …' : ''}) whether it holds customers, orders, order lines or events; name the kind`, { columns });
  }
  const mapping = chooseMapping(input, kind, layout, profiles);
  const missing = missingRequired(kind, new Set(Object.keys(mapping) as CanonicalField[])).map((group) => [...group]);
  if (!input.allowIncomplete) checkRequired(kind, mapping, layout.columns, rows);
  const dateSpec = input.dateFormat ?? input.mappingFile?.dateFormat;
  const override = dateSpec ? parseDateFormatSpec(dateSpec) : undefined;
  if (dateSpec && !override) throw setupError('badDateFormat', `unknown date format "${dateSpec}"`, { format: dateSpec });
  const timeZone = input.timeZone ?? input.mappingFile?.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw setupError('badTimeZone', `unknown time zone "${timeZone}"`, { zone: timeZone });
  const moneyValues = (['amount', 'price', 'lineAmount', 'discount'] as const).flatMap((field) => (mapping[field] === undefined ? [] : columnValues(rows, mapping[field]!)));
  const fallbackMark = layout.dialect.delimiter === ';' || !preferMonthFirst ? ',' : '.';
  const now = input.now ?? Date.now();
  const placeholderIds = input.placeholderIds ?? DEFAULT_PLACEHOLDER_IDS;
  const placeholders = placeholderSet(placeholderIds);
  return {
    sourceName: input.sourceName,
    kind,
    encoding,
    layout,
    mapping,
    dates: decideDates(mapping, rows, override, preferMonthFirst),
    decimalMark: detectDecimalMark(moneyValues, fallbackMark),
    timeZone,
    now,
    phoneCountry: DEFAULT_PHONE_COUNTRY,
    cancellationPrefix: detectCancellationPrefix(mapping, rows),
    customerIdsAsFloats: areIdsFloats(mapping, rows, placeholders),
    profiles,
    isKindGuessed: givenKind === undefined,
    isKindUncertain: !guess.isConfident,
    estimatedRows: estimateRows(input, layout),
    missing,
    placeholderIds,
    placeholders,
    plausible: plausibleWindow(now, input.plausibleDates),
    farDates: input.farDates ?? 'keep',
  };
}

function estimateRows(input: PlanInput, layout: FileLayout): number {
  if (input.isWholeFile) return layout.rows.length;
  const total = input.totalBytes ?? input.head.length;
  let lines = 0;
  for (let i = 0; i < input.head.length; i++) if (input.head[i] === 0x0a) lines++;
  if (lines === 0) for (let i = 0; i < input.head.length; i++) if (input.head[i] === 0x0d) lines++;
  const bytesPerLine = lines > 1 ? input.head.length / lines : 100;
  return Math.max(layout.rows.length, Math.ceil(total / bytesPerLine) - layout.skipLines - (layout.hasHeader ? 1 : 0));
}

/** Start offsets of the sample windows of a file of `size` bytes (evenly spread after the head). */
export function sampleWindowOffsets(size: number): number[] {
  if (size <= HEAD_BYTES + SAMPLE_WINDOW_BYTES) return [];
  const offsets: number[] = [];
  const span = size - HEAD_BYTES - SAMPLE_WINDOW_BYTES;
  for (let i = 1; i <= SAMPLE_WINDOWS; i++) offsets.push((HEAD_BYTES + Math.floor((span * i) / SAMPLE_WINDOWS)) & ~1);
  return offsets;
}
