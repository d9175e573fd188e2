import { readFileSync, statSync } from 'node:fs';
import {
  UserFacingError,
  parseMappingFile,
  columnSession,
  recordSession,
  sessionColumns,
  sessionRecords,
  type CrmEvent,
  type CsvKind,
  type Customer,
  type ImportedColumns,
  type ImportPlan,
  type KnownCustomer,
  type ImportReport,
  type ImportSession,
  type MappingFile,
  type RejectedRow,
  type FarDatesPolicy,
  type PlausibleDatesSetting,
  type SessionOptions,
} from '../domain';
import { planSource, streamSource } from '../engine/import/readSource';
import { fileError, usageError } from './cliErrors';
import { fileSource } from './fileSource';
import { parseJsonText } from './jsonText';

/**
 * Reads a CSV file into normalised records with the app's import code (cli.md "import"): the
 * same detection, mapping, normalisation and report as the browser, and the same reading
 * (engine/import/readSource.ts over a file source). The file is streamed in 1 MiB chunks, so
 * memory holds the records, not the text. Every command that reads CSV files
 * (`import`, `rfm`, `simulate`, `stages`) goes through here.
 *
 * Errors: a missing file is a usage error (exit 2); a file that cannot be used at all (empty,
 * header only, binary, no column for a required field, a mapping naming an absent column) is a
 * one-line `fileError` naming the file (exit 1); a bad `encoding`, `delimiter`, `dateFormat` or
 * `timeZone` value is a usage error.
 */
export interface ReadSettings {
  kind: CsvKind;
  encoding?: string;
  delimiter?: string;
  dateFormat?: string;
  /** zone of local date-times without an offset; default UTC (deterministic on any machine) */
  timeZone?: string;
  mappingFile?: string;
  hasHeader?: boolean;
  /** values read as a missing id (default: the domain's list) */
  placeholderIds?: readonly string[];
  plausibleDates?: PlausibleDatesSetting;
  farDates?: FarDatesPolicy;
  /** an orders file may hold order lines (the `--orders` of rfm, metrics, simulate, stages): then it is read as lines */
  ordersMayBeLines?: boolean;
}

/** How a session is read besides its settings: what it keeps and where rejected rows go. */
export interface ReadOptions {
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** after each chunk of the file is read (flush output files here: memory stays bounded) */
  afterChunk?: () => Promise<void>;
  /** receives every rejected row (then not kept in memory) */
  onRejectedRow?: (row: RejectedRow) => void;
  /** rejects listed in the report (the count stays complete) */
  listedRejectsLimit?: number;
  /** customers of another file: a row naming one only by e-mail or phone gets its id, as in the app */
  knownCustomers?: readonly KnownCustomer[];
}

/** The command line lets the kind be guessed; other commands name it. */
export type ReadSettingsWithGuess = Omit<ReadSettings, 'kind'> & { kind?: CsvKind };

export interface FileRecords {
  /** the object `chainlab import --json` prints (cli.md) */
  report: ImportReport;
  /** customers with profile data in the file (every accepted row of a customers file) */
  customers: Customer[];
  /** orders, returns and events, in file order (orders from lines at the end, in order of first line) */
  events: CrmEvent[];
  /** rejected rows with their values, for `--rejects` */
  rejectedRows: RejectedRow[];
  /** the file's column names (as used in the report's mapping) */
  columns: string[];
}

const USAGE_CODES = new Set(['import.badEncoding', 'import.badDateFormat', 'import.badTimeZone']);

const DELIMITER_NAMES: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
};

/** The delimiter character for what the user typed ("tab", "\t", ";" …); throws a usage error otherwise. */
export function delimiterSetting(value: string): string {
  const named = DELIMITER_NAMES[value.toLowerCase()];
  if (named) return named;
  if (value.length === 1 && value !== '"' && value !== '\n' && value !== '\r') return value;
  throw usageError(`--delimiter: expected one character (or tab, comma, semicolon, pipe), got "${value}"`);
}

/** The size of a file the user named; a missing file or a directory is a usage error (exit 2). */
export function statFile(path: string): number {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw usageError(`${path} is a directory, not a file`);
    return stats.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`no such file: ${path}`);
    if (code) throw fileError(path, `cannot be read (${code})`);
    throw error;
  }
}

/**
 * The text of a file the user named (UTF-8): a missing file is a usage error (exit 2), one that
 * cannot be read is a `fileError` with the system's code (exit 1). Every file the command line
 * reads whole (chain files, shard outputs, mapping files) is read through here.
 */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`no such file: ${path}`);
    throw fileError(path, `cannot be read (${code ?? (error as Error).message})`);
  }
}

function loadMappingFile(path: string): MappingFile {
  statFile(path);
  const parsed = parseJsonText(readTextFile(path));
  if (!parsed.ok) throw fileError(path, `not a JSON mapping file (${parsed.reason})`);
  try {
    return parseMappingFile(parsed.value);
  } catch (error) {
    throw fileError(path, (error as Error).message);
  }
}

async function makePlan(path: string, size: number, settings: ReadSettingsWithGuess, mappingFile: MappingFile | undefined): Promise<ImportPlan> {
  const delimiter = settings.delimiter === undefined ? undefined : delimiterSetting(settings.delimiter);
  try {
    return await planSource(fileSource(path, size), {
      kind: settings.kind,
      encoding: settings.encoding,
      delimiter,
      hasHeader: settings.hasHeader,
      dateFormat: settings.dateFormat,
      timeZone: settings.timeZone,
      mappingFile,
      placeholderIds: settings.placeholderIds,
      plausibleDates: settings.plausibleDates,
      farDates: settings.farDates,
      ordersMayBeLines: settings.ordersMayBeLines,
    });
  } catch (error) {
    if (error instanceof UserFacingError && error.code === 'import.kindUnclear') throw usageError(`${path}: ${error.message} with --kind customers|orders|lines|events`);
    if (error instanceof UserFacingError) throw USAGE_CODES.has(error.code) ? usageError(error.message) : fileError(path, error.message);
    throw error;
  }
}

/**
 * Whether another file's customers can change how this file is read: only a row naming its
 * customer by e-mail or phone is joined through them. A file keyed by id alone gets the same
 * customers without them (files are joined by id afterwards), and carrying them costs a
 * directory and an id per known customer in the file's session (1M customers: 160–270 MB).
 */
function joinsByContact(plan: ImportPlan): boolean {
  return plan.mapping.email !== undefined || plan.mapping.phone !== undefined;
}

/** Streams the file through a session made for its plan; returns the plan and the finished session. */
export async function readSession(path: string, settings: ReadSettings | ReadSettingsWithGuess, makeSession: (plan: ImportPlan, options: SessionOptions) => ImportSession, options: ReadOptions = {}) {
  const size = statFile(path);
  if (size === 0) throw fileError(path, 'the file is empty');
  const mappingFile = settings.mappingFile ? loadMappingFile(settings.mappingFile) : undefined;
  const plan = await makePlan(path, size, settings, mappingFile);
  const session = makeSession(plan, { onRejectedRow: options.onRejectedRow, listedRejectsLimit: options.listedRejectsLimit, knownCustomers: joinsByContact(plan) ? options.knownCustomers : undefined });
  await streamSource(fileSource(path, size), plan, session, {
    afterChunk: async (bytesRead) => {
      options.onProgress?.(bytesRead, size);
      await options.afterChunk?.();
    },
  });
  return { plan, session };
}

export function checkRead(path: string, plan: ImportPlan, report: ImportReport): void {
  if (report.read === 0) throw fileError(path, plan.layout.hasHeader ? 'the file has a header but no data rows' : 'the file has no data rows');
}

export async function readRecordsFromFile(path: string, settings: ReadSettings | ReadSettingsWithGuess, onProgress?: (bytesRead: number, totalBytes: number) => void): Promise<FileRecords> {
  const { plan, session } = await readSession(path, settings, (plan, options) => recordSession(plan, options), { onProgress });
  const records = sessionRecords(session);
  checkRead(path, plan, records.report);
  return { ...records, columns: plan.layout.columns };
}

/**
 * `readRecordsFromFile` for commands that need no props (`rfm`) or only a few (`stages`: the
 * channel and NPS score; `metrics`: the attribution props): events as typed columns, with the
 * props `keepsProp` names as dictionary columns.
 */
export async function readEventColumnsFromFile(
  path: string,
  settings: ReadSettings | ReadSettingsWithGuess,
  options: ReadOptions & { keepsProp?: (key: string) => boolean } = {},
): Promise<ImportedColumns & { columns: string[] }> {
  const { plan, session } = await readSession(path, settings, (plan, sessionOptions) => columnSession(plan, { ...sessionOptions, keepsProp: options.keepsProp }), options);
  const records = sessionColumns(session);
  checkRead(path, plan, records.report);
  return { ...records, columns: plan.layout.columns };
}
