import { csvField, csvLine, type CsvWriteOptions } from '../csv/csvWrite';
import type { RfmResult } from './computeRfm';
import { displayScore, type ScoreDirection } from './types';

/**
 * The per-customer CSV of `chainlab rfm --out` and of segment exports on the Segments screen,
 * with the columns of the R package's `rfm_segment` output, in its order (cli.md). Text cells
 * that a spreadsheet would run as a formula are neutralised. Numbers are written with at most
 * 15 significant digits, as R's write.csv does (so 297.4000000000001 is "297.4").
 */
export const RFM_CSV_COLUMNS = [
  'customer_id',
  'segment',
  'rfm_score',
  'transaction_count',
  'recency_days',
  'amount',
  'recency_score',
  'frequency_score',
  'monetary_score',
] as const;

export function formatRfmNumber(value: number): string {
  const shortest = String(value);
  // At most 16 characters of a non-integer hold at most 15 digits: already what rounding to 15
  // significant digits gives back (the round trip costs more than the rest of the row).
  if (Number.isInteger(value) || shortest.length <= 16) return shortest;
  return String(Number(value.toPrecision(15)));
}

export interface RfmCsvOptions {
  /** Segment name by customer. */
  segmentName(customer: number): string;
  customerId(customer: number): string;
  direction?: ScoreDirection;
  /** Extra columns after the standard ones (e.g. name, email). */
  extraColumns?: { header: string; value(customer: number): string }[];
}

export function rfmCsvHeader(options: Pick<RfmCsvOptions, 'extraColumns'> = {}): string {
  return csvLine([...RFM_CSV_COLUMNS, ...(options.extraColumns ?? []).map((column) => column.header)]);
}

/**
 * One customer's row. Customers without orders in the period keep their id and segment
 * ("No purchases"), a transaction count of 0 and the period's net amount; scores stay empty.
 */
export function rfmCsvRow(result: RfmResult, customer: number, options: RfmCsvOptions): string {
  const levels = result.params.levels;
  const direction = options.direction ?? 'highIsBest';
  // Built cell by cell (a row per customer, a quarter of a million in a big file): text cells
  // through csvField, numbers as they are (a number's text needs no quotes and is no formula).
  let line = `${csvField(options.customerId(customer), NEUTRALIZE)},${csvField(options.segmentName(customer), NEUTRALIZE)},`;
  // the amount is text: csvField neutralises one a spreadsheet would take for a formula ("-1e-7")
  const amount = csvField(formatRfmNumber(result.revenue[customer]!), NEUTRALIZE);
  if (result.frequency[customer] === 0) line += `,0,,${amount},,,`;
  else {
    const r = displayScore(result.r[customer]!, levels, direction);
    const f = displayScore(result.f[customer]!, levels, direction);
    const m = displayScore(result.m[customer]!, levels, direction);
    line += `${r * 100 + f * 10 + m},${result.frequency[customer]!},${result.recency[customer]!},${amount},${r},${f},${m}`;
  }
  if (options.extraColumns) for (const column of options.extraColumns) line += `,${csvField(column.value(customer), NEUTRALIZE)}`;
  return line;
}

const NEUTRALIZE: CsvWriteOptions = { neutralizeFormulas: true };

const idCollator = new Intl.Collator('en', { numeric: true });

/**
 * Row order of the CSV: customer ids as a person sorts them (case-insensitive, numbers by
 * value), which is also how the R package's output is ordered; exact ties by code units.
 */
export function compareCustomerIds(a: string, b: string): number {
  return idCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const DIGITS_ONLY = /^\d{1,15}$/;

/**
 * `indexes` in the order `compareCustomerIds` gives their ids, fast: when every id is a number
 * (the usual export), numbers compare by value — what the collator does with them, exact ties
 * ("007" and "7") by code units — at a fraction of the collator's cost (4 s for 230,000 ids).
 */
export function sortByCustomerId(indexes: number[], idOf: (index: number) => string): number[] {
  const isNumeric = indexes.every((index) => DIGITS_ONLY.test(idOf(index)));
  if (!isNumeric) return indexes.sort((a, b) => compareCustomerIds(idOf(a), idOf(b)));
  const values = new Float64Array(indexes.length);
  let isPlain = true;
  for (let i = 0; i < indexes.length; i++) {
    const id = idOf(indexes[i]!);
    values[i] = Number(id);
    if (id.length > 1 && id.charCodeAt(0) === DIGIT_0) isPlain = false;
  }
  if (isPlain) return sortedByDistinctValues(indexes, values);
  // values by index in a typed array: a Map lookup per comparison took most of the sort's time
  let maxIndex = -1;
  for (const index of indexes) if (index > maxIndex) maxIndex = index;
  const valueAt = new Float64Array(maxIndex + 1);
  indexes.forEach((index, i) => (valueAt[index] = values[i]!));
  return indexes.sort((a, b) => valueAt[a]! - valueAt[b]! || compareCodeUnits(idOf(a), idOf(b)));
}

const DIGIT_0 = 48;

/**
 * Numbers without leading zeros: one text per value, so (ids being distinct) values are too and
 * a plain numeric sort of them (no comparator called: 234,000 ids in a few ms) gives the order.
 * Equal values (the same id twice) keep their indexes' order.
 */
function sortedByDistinctValues(indexes: number[], values: Float64Array): number[] {
  const packed = packedSort(values);
  if (packed) return Array.from(packed, (position) => indexes[position]!);
  const positions = new Map<number, number[]>();
  indexes.forEach((index, i) => {
    const same = positions.get(values[i]!);
    if (same) same.push(index);
    else positions.set(values[i]!, [index]);
  });
  const sorted = Float64Array.from(positions.keys()).sort();
  const order: number[] = [];
  for (const value of sorted) for (const index of positions.get(value)!) order.push(index);
  return order;
}

/**
 * Positions of `values` (whole numbers ≥ 0) in value order, equal values in position order, by
 * one numeric sort of value × n + position — exact while that stays below 2^53 (ids of up to 9
 * digits and a few million customers). Undefined when it would not be exact. A Map of positions
 * per value took ~0.3 s for 234,000 ids; this takes a few ms.
 */
function packedSort(values: Float64Array): Float64Array | undefined {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (!Number.isInteger(value) || value < 0) return undefined;
    if (value > max) max = value;
  }
  if ((max + 1) * n > Number.MAX_SAFE_INTEGER) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = values[i]! * n + i;
  keys.sort();
  for (let i = 0; i < n; i++) keys[i] = keys[i]! % n;
  return keys;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

