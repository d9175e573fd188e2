import { describeDateProblem, type DateProblem } from './values/dates';

/**
 * Every reject and warning has a code and parameters, so the app can word it in Russian or
 * English; the English text (what `chainlab import` prints) is made here from the same data.
 */
export type MessageParams = Record<string, string | number>;

export type RejectCode =
  | 'no_customer'
  | 'placeholder_id'
  | 'excel_id'
  | 'empty'
  | 'not_number'
  | 'date'
  | 'implausible_date'
  | 'unterminated_quote'
  | 'oversized'
  | 'bad_event_type'
  | 'order_conflict'
  | 'undecodable';

export type WarningCode =
  | 'future_date'
  | 'early_date'
  | 'placeholder_ids'
  | 'excel_number'
  | 'dominant_customer'
  | 'repeated_header'
  | 'nul_dropped'
  | 'negative_amount'
  | 'ambiguous_dates'
  | 'date_conflict'
  | 'malformed_quote'
  | 'extra_values'
  | 'missing_values'
  | 'invalid_value'
  | 'event_type_renamed'
  /** written by imports before an order id's conflicting rows were rejected (`order_conflict`); kept for their stored reports */
  | 'duplicate_conflict'
  | 'customer_conflict'
  | 'cancelled_order'
  | 'title_lines'
  | 'more';

/** How much of a value a message quotes: a 5 MB field must not make a 10 MB report. */
export const QUOTED_VALUE_CHARS = 200;

/** A value as messages quote it: at most `QUOTED_VALUE_CHARS` characters, the cut said. */
export function quotedValue(value: string): string {
  if (value.length <= QUOTED_VALUE_CHARS) return value;
  return `${value.slice(0, QUOTED_VALUE_CHARS)}… (${value.length.toLocaleString('en-US')} characters)`;
}

/** The params with every long text value cut (see `quotedValue`); the same object when none is long. */
export function boundedParams(params: MessageParams): MessageParams {
  let bounded: MessageParams | undefined;
  for (const key in params) {
    const value = params[key];
    if (typeof value === 'string' && value.length > QUOTED_VALUE_CHARS) {
      bounded ??= { ...params };
      bounded[key] = quotedValue(value);
    }
  }
  return bounded ?? params;
}

/** Params of a date problem, prefixed so they sit next to the column's params. */
export function dateParams(problem: DateProblem): MessageParams {
  const params: MessageParams = { problem: problem.code, value: problem.value };
  if (problem.number !== undefined) params.number = problem.number;
  if (problem.month !== undefined) params.month = problem.month;
  if (problem.year !== undefined) params.year = problem.year;
  return params;
}

function asProblem(params: MessageParams): DateProblem {
  return { code: params.problem as DateProblem['code'], value: String(params.value), number: params.number as number | undefined, month: params.month as number | undefined, year: params.year as number | undefined };
}

const REJECTS: Record<RejectCode, (p: MessageParams) => string> = {
  no_customer: (p) => `no customer: ${p.details}`,
  placeholder_id: (p) => `no customer: ${p.column} "${p.value}" is a placeholder for a missing id, and the row has no e-mail or phone`,
  excel_id: (p) => `no customer: ${p.column} "${p.value}" was shortened by Excel (scientific notation), the real id is lost; export the column as text`,
  empty: (p) => `${p.column}: empty`,
  not_number: (p) => `${p.column}: "${p.value}" is not a number`,
  date: (p) => `${p.column}: ${describeDateProblem(asProblem(p))}`,
  implausible_date: (p) => `${p.column}: ${p.date} is outside the plausible dates ${p.window}`,
  oversized: (p) => `the line is longer than ${p.limit} characters without a line break: it was skipped`,
  order_conflict: (p) => `${p.column} ${p.orderId} was read at line ${p.firstLine} with ${p.first}; this row has ${p.this}`,
  unterminated_quote: (p) => `unterminated quote in column "${p.column}": the row was skipped and reading went on at line ${p.next}`,
  bad_event_type: (p) => `${p.column}: "${p.value}" is not a usable event type`,
  undecodable: (p) => `${p.column}: "${p.value}" has bytes that are not ${p.encoding} text (shown as \uFFFD; the file mixes encodings?): the row was skipped; save the file in one encoding or choose the right one in the reading settings`,
};

const WHAT: Record<string, string> = { email: 'a valid e-mail address', phone: 'a valid phone number', boolean: 'a yes/no value', number: 'a number' };

/** What became of an Excel-rounded number (`excel_number`'s `action`). */
const EXCEL_ACTIONS: Record<string, string> = { orderId: 'not used to tell orders apart', phone: 'kept as an attribute, not used as a phone' };

const WARNINGS: Record<WarningCode, (p: MessageParams) => string> = {
  future_date: (p) => `${p.column} ${p.date} is in the future (after ${p.to}): kept, but left out of default dates`,
  early_date: (p) => `${p.column} ${p.date} is before ${p.from}: kept, but left out of default dates`,
  placeholder_ids: (p) =>
    Number(p.rows) === 1
      ? `${p.column}: 1 row has a placeholder instead of an id (${p.values}); rejected for having no e-mail or phone: ${p.rejected}`
      : `${p.column}: ${p.rows} rows have a placeholder instead of an id (${p.values}); ${p.rejected} without e-mail or phone were rejected`,
  excel_number: (p) => `${p.column} "${p.value}" was shortened by Excel (scientific notation): ${EXCEL_ACTIONS[p.action as string] ?? p.action}`,
  dominant_customer: (p) => `customer ${p.customer} has ${p.orders} of ${p.total} orders (${p.share}%): a placeholder for missing ids? Add it to the placeholder ids if so`,
  repeated_header: () => 'the header is repeated here (files joined together?): the line was skipped',
  nul_dropped: (p) => `${p.count} NUL character(s) were dropped from the row`,
  negative_amount: (p) => `${p.column} ${p.amount} is negative: read as a return of ${-Number(p.amount)}`,
  ambiguous_dates: (p) => `${p.column}: the values do not show whether the day or the month comes first; read as ${p.format} — choose the other order if that is wrong`,
  date_conflict: (p) => `${p.column}: some dates are day-first and some month-first; read as ${p.format}, the others are rejected`,
  malformed_quote: (p) => `${p.column}: text after a closing quote; the value was kept as written`,
  extra_values: (p) => `the row has ${p.count} values, the header has ${p.width}; the extra ones were kept as ${p.names}`,
  missing_values: (p) => `the row has ${p.count} values, the header has ${p.width}; the missing ones are empty`,
  invalid_value: (p) =>
    p.what === 'date' ? `${p.column}: "${p.value}" is not a date (${describeDateProblem(asProblem(p))}); kept as ${p.keptAs} "${p.column}"` : `${p.column}: "${p.value}" is not ${WHAT[p.what as string] ?? p.what}; kept as ${p.keptAs} "${p.column}"`,
  event_type_renamed: (p) => `${p.column} "${p.value}" is stored as event type "${p.type}"`,
  duplicate_conflict: (p) => `${p.column} ${p.orderId} appeared before with amount ${p.first}; this row's ${p.amount} was not imported`,
  customer_conflict: (p) => `${p.column} ${p.orderId}: this line names customer ${p.customer}, earlier lines ${p.other}; the order stays with ${p.other}`,
  cancelled_order: (p) => `${p.column} "${p.value}": kept as an order_cancelled event, not counted as an order`,
  title_lines: (p) => (Number(p.count) > 1 ? `lines 1–${p.count} before the header were skipped (a title or a sep= line)` : 'line 1 before the header was skipped (a title or a sep= line)'),
  more: (p) => `… and ${p.count} more warnings like "${String(p.of).replace(/_/g, ' ')}" from line ${p.from} on`,
};

/** Every code, for checks that each has a text in every language. */
export const REJECT_CODES = Object.keys(REJECTS) as RejectCode[];
export const WARNING_CODES = Object.keys(WARNINGS) as WarningCode[];

export function rejectText(code: RejectCode, params: MessageParams): string {
  return REJECTS[code](params);
}

export function warningText(code: WarningCode, params: MessageParams): string {
  return WARNINGS[code](params);
}
