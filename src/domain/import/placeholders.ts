/**
 * Values that stand for "no value" in an id column, and ids a spreadsheet has destroyed.
 *
 * Placeholders: exports write a guest order's customer as "NA" (R), "NULL" (SQL), "#N/A"
 * (Excel), "None" (Python), "-" or "0". Read as an id, every guest becomes ONE customer with
 * thousands of orders — a Champion that stretches everyone's frequency and monetary scores. A
 * placeholder id is read as a missing id: the row's customer is then found by e-mail or phone,
 * and a row with neither is REJECTED ("no customer"), listed with its line like every reject
 * and counted in the report (`placeholders`). Such rows are not kept as anonymous orders: the
 * workspace has no customer to hang them on, and totals that include them would no longer match
 * the customers they are shown for. In an order id column a placeholder is a missing order id
 * (the row is not de-duplicated by it). The list is configurable (import settings in the app,
 * `--placeholder-ids` on the command line); matching ignores case and surrounding spaces.
 *
 * Excel-mangled ids: Excel shows a long number as "4.6E+15" or "1.23457E+11" and saves it so;
 * the digits are gone, and two different customers (or orders) end up with the same id. Such a
 * value never identifies anything: as a customer id it is treated like a placeholder (reject,
 * or e-mail/phone), as an order id like a missing one, each with a warning naming the row.
 */
export const DEFAULT_PLACEHOLDER_IDS: readonly string[] = ['NA', 'N/A', '#N/A', 'null', 'NULL', 'none', 'undefined', '-', '—', '0', 'NaN', '<NA>'];

/** Placeholder values as the plan keeps them: trimmed, lower-cased, with what lets most values be told apart without a lookup. */
export interface PlaceholderSet {
  values: ReadonlySet<string>;
  /** the longest placeholder (lower-casing never shortens a value, so a longer value cannot match) */
  maxLength: number;
  /** ASCII first characters of the placeholders, both cases (other first characters are always looked up: case mapping outside ASCII can change length) */
  firstChars: ReadonlySet<number>;
}

export function placeholderSet(list: readonly string[] = DEFAULT_PLACEHOLDER_IDS): PlaceholderSet {
  const values = new Set(list.map((value) => value.trim().toLowerCase()).filter((value) => value !== ''));
  const firstChars = new Set<number>();
  for (const value of values) {
    firstChars.add(value.charCodeAt(0));
    firstChars.add(value.toUpperCase().charCodeAt(0));
  }
  return { values, maxLength: Math.max(0, ...[...values].map((value) => value.length)), firstChars };
}

/** Whether a trimmed value is one of the placeholders: on the hot path, most values are told apart by length or first character. */
export function isPlaceholder(value: string, placeholders: PlaceholderSet): boolean {
  if (value.length > placeholders.maxLength) return false;
  const first = value.charCodeAt(0);
  return (first >= 128 || placeholders.firstChars.has(first)) && placeholders.values.has(value.toLowerCase());
}

/** A list typed by a user ("NA, N/A, -"): comma-separated, blanks dropped; "" means none. */
export function parsePlaceholderList(text: string): string[] {
  return text.split(',').map((value) => value.trim()).filter((value) => value !== '');
}

/** Excel always writes the exponent's sign ("1E+11"): hex-like ids such as "1e45" are not taken for it. */
const EXCEL_SCIENTIFIC = /^[-+]?\d([.,]\d+)?E[-+]\d{1,3}$/i;

/**
 * Whether an id reads like a number Excel turned into scientific notation ("4.6E+15",
 * "1,23457E+11" in a decimal-comma locale). Plain ids never look like this.
 */
export function isExcelScientific(value: string): boolean {
  return value.length <= 16 && (value.includes('E') || value.includes('e')) && EXCEL_SCIENTIFIC.test(value);
}

const FLOAT_WRITTEN_INTEGER = /^\d+\.0+$/;

/** "17850.0": an integer id that pandas (or a spreadsheet) wrote as a float. */
export function isFloatWrittenInteger(value: string): boolean {
  return FLOAT_WRITTEN_INTEGER.test(value);
}

/**
 * The id a float-written integer stands for ("17850.0" → "17850"), other values as they are. Only
 * for a column whose ids are all written so (plan `customerIdsAsFloats`): "2.0" among "A-17" may be a real id.
 */
export function integerOfFloatId(value: string): string {
  return isFloatWrittenInteger(value) ? value.slice(0, value.indexOf('.')) : value;
}
