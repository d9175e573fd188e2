import type { CsvKind } from '../model/importBatch';
import { warningText, type MessageParams, type RejectCode, type WarningCode } from './messages';
import type { FarDatesSummary, FloatIdsSummary, UnusableIdsSummary } from './rowChecks';

export type { RejectCode, WarningCode, MessageParams } from './messages';
export { REJECT_CODES, WARNING_CODES } from './messages';

/**
 * The import report (cli.md "import": the object `chainlab import --json` prints; the app shows
 * the same and keeps it in the workspace's import history). Always
 * `read = accepted + merged + rejected`. Lines are 1-based physical lines of the file where the
 * record starts; the header is line 1.
 */
export interface ImportReport {
  kind: CsvKind;
  detected: {
    encoding: string;
    /** the file starts with a byte-order mark */
    bom: boolean;
    delimiter: string;
    hasHeader: boolean;
    /** format of the main date column (the event time; birth or signup date for customers), null when none */
    dateFormat: string | null;
    /** day/month order of the main date column could not be told from its values */
    dateAmbiguous: boolean;
    /** every date column's format, by source column */
    dateFormats: Record<string, string>;
    /** decimal mark of the money columns */
    decimalMark: '.' | ',';
    /** physical lines skipped before the header (title lines, a `sep=` line) */
    skippedLines: number;
    timeZone: string;
    /** values read as a missing customer or order id ("NA", "NULL", "-" …) */
    placeholderIds: string[];
    /** dates outside this window ("1970-01-01 … 2026-05-03") were warned about, or rejected */
    plausibleDates: string;
    farDates: 'keep' | 'reject';
  };
  /** canonical field → source column */
  mapping: Record<string, string>;
  /** source columns kept as customer attrs / event props under their own names */
  unmapped: string[];
  read: number;
  accepted: number;
  merged: number;
  rejected: number;
  /** distinct customers in what was accepted */
  customers: number;
  /** event records produced (orders, returns, events) */
  events: number;
  orders: number;
  returns: number;
  rejects: ImportReject[];
  warnings: ImportWarning[];
  /** all warnings, including those beyond the listed ones */
  warningCount: number;
  /** rows merged into a customer seen before (customers files), and how they matched */
  merges: CustomerMerge[];
  /** rows whose customer id identified nobody: a placeholder ("NA") or a number Excel rounded ("4.6E+15") */
  unusableIds: UnusableIdsSummary;
  /** customer ids written as floats ("17850.0") and read as integers ("17850"), when every id of the column was written so */
  floatIds: FloatIdsSummary;
  /** rows dated outside the plausible dates */
  farDates: FarDatesSummary;
}

export interface ImportReject {
  line: number;
  /** in English; `code` and `params` let the app word it in the user's language */
  reason: string;
  code: RejectCode;
  params: MessageParams;
  /** source column the reason is about, when there is one */
  column?: string;
}

export interface ImportWarning {
  line: number;
  message: string;
  code: WarningCode;
  params: MessageParams;
  column?: string;
}

export interface CustomerMerge {
  line: number;
  customerId: string;
  by: 'id' | 'email' | 'phone';
}

/**
 * How many rejected rows a report lists (the app keeps them with their values for the
 * download; `chainlab import --json` prints them): the count `rejected` stays complete, and the
 * command line's `--rejects` file gets every one.
 */
export const LISTED_REJECTS = 100_000;

/** How many warnings of one code are listed; the rest are counted in one "… and N more" line. */
export const LISTED_WARNINGS_PER_CODE = 100;

export class WarningList {
  readonly listed: ImportWarning[] = [];
  count = 0;
  private readonly perCode = new Map<WarningCode, { listed: number; more: number; firstMoreLine: number; column?: string }>();

  add(code: WarningCode, line: number, params: MessageParams, column?: string): void {
    const message = warningText(code, params);
    this.count++;
    let entry = this.perCode.get(code);
    if (!entry) {
      entry = { listed: 0, more: 0, firstMoreLine: 0 };
      this.perCode.set(code, entry);
    }
    if (entry.listed < LISTED_WARNINGS_PER_CODE) {
      entry.listed++;
      this.listed.push(column === undefined ? { line, message, code, params } : { line, message, code, params, column });
      return;
    }
    if (entry.more === 0) entry.firstMoreLine = line;
    entry.more++;
  }

  /** The listed warnings in line order, with one summary line per code that had more. */
  finish(): ImportWarning[] {
    const all = [...this.listed];
    for (const [code, entry] of this.perCode) {
      if (entry.more === 0) continue;
      const params = { count: entry.more, of: code, from: entry.firstMoreLine };
      all.push({ line: entry.firstMoreLine, code: 'more', message: warningText('more', params), params });
    }
    return all.sort((a, b) => a.line - b.line);
  }
}
