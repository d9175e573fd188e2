import { describeDateProblem, type DateProblem } from './values/dates';

/**
 * Every reject and warning has a code and parameters, so the app can word it in Russian or
 * English; the English text (what `chainlab import` prints) is made here from the same data.
 */
export type MessageParams = Record<string, string | number>;

export type RejectCode = 'no_customer' | 'empty' | 'not_number' | 'date' | 'unterminated_quote' | 'bad_event_type';

export type WarningCode =
  | 'future_date'
  | 'negative_amount'
  | 'ambiguous_dates'
  | 'date_conflict'
  | 'malformed_quote'
  | 'extra_values'
  | 'missing_values'
  | 'invalid_value'
  | 'event_type_renamed'
  | 'duplicate_conflict'
  | 'customer_conflict'
  | 'cancelled_order'
  | 'title_lines'
  | 'more';

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
  empty: (p) => `${p.column}: empty`,
  not_number: (p) => `${p.column}: "${p.value}" is not a number`,
  date: (p) => `${p.column}: ${describeDateProblem(asProblem(p))}`,
  unterminated_quote: (p) => `unterminated quote in column "${p.column}": the row was skipped and reading went on at line ${p.next}`,
  bad_event_type: (p) => `${p.column}: "${p.value}" is not a usable event type`,
};

const WHAT: Record<string, string> = { email: 'a valid e-mail address', phone: 'a valid phone number', boolean: 'a yes/no value', number: 'a number' };

const WARNINGS: Record<WarningCode, (p: MessageParams) => string> = {
  future_date: (p) => `${p.column} ${p.date} is in the future`,
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

export function rejectText(code: RejectCode, params: MessageParams): string {
  return REJECTS[code](params);
}

export function warningText(code: WarningCode, params: MessageParams): string {
  return WARNINGS[code](params);
}
