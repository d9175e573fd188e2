import { csvField, csvLine, type CsvValue } from '../csv/csvWrite';
import { CONSENT_CHANNELS, ORDER_EVENT, type ConsentValue, type CrmEvent, type Customer } from '../model';
import { formatUtcInstant } from '../time/isoFormat';
import type { DemoCustomer } from './generator';

/**
 * The demo data set as the three CSV files the importer reads (cli.md "demo"): comma-delimited,
 * RFC 4180 quoting, UTF-8, instants as ISO 8601 UTC (`2026-03-05T18:42:10Z`), dates
 * `YYYY-MM-DD`, money with a '.' and two decimals, consents `true` / `false` / empty (unknown).
 * - customers.csv: one row per customer; `attrs` as the trailing columns;
 * - orders.csv: one row per `order` event;
 * - events.csv: every other event, returns included (with amount and order_id).
 * Every prop the generator emits has a column (a test checks it), so nothing is lost.
 */
export const DEMO_CSV_FILES = ['customers', 'orders', 'events'] as const;
export type DemoCsvFile = (typeof DEMO_CSV_FILES)[number];

/** attrs keys the generator sets, sorted. */
export const DEMO_ATTR_COLUMNS = ['acquisition', 'demo_profile', 'loyalty_tier'] as const;

export const DEMO_CUSTOMER_COLUMNS = [
  'customer_id', 'first_name', 'last_name', 'email', 'phone', 'city', 'gender', 'birth_date', 'signup_at',
  'consent_email', 'consent_sms', 'consent_push', 'consent_whatsapp', 'consent_telegram', 'telegram_id', 'push_token',
  ...DEMO_ATTR_COLUMNS,
] as const;

/** Order props written after the amount, in this order. */
export const DEMO_ORDER_PROP_COLUMNS = ['channel', 'store', 'category', 'payment_method', 'discount', 'items', 'promo_code'] as const;
export const DEMO_ORDER_COLUMNS = ['order_id', 'customer_id', 'order_date', 'amount', ...DEMO_ORDER_PROP_COLUMNS] as const;

/** Event props written after the amount, in this order. */
export const DEMO_EVENT_PROP_COLUMNS = [
  'order_id', 'category', 'sku', 'channel', 'campaign', 'score', 'rating', 'query', 'store', 'source', 'reason', 'topic',
] as const;
export const DEMO_EVENT_COLUMNS = ['customer_id', 'event_type', 'event_time', 'amount', ...DEMO_EVENT_PROP_COLUMNS] as const;

const HEADERS: Record<DemoCsvFile, readonly string[]> = {
  customers: DEMO_CUSTOMER_COLUMNS,
  orders: DEMO_ORDER_COLUMNS,
  events: DEMO_EVENT_COLUMNS,
};

export function demoCsvHeader(file: DemoCsvFile): string {
  return csvLine(HEADERS[file]);
}

function consentText(value: ConsentValue): string {
  return value === null ? '' : String(value);
}

function moneyText(amount: number | undefined): string {
  return amount === undefined ? '' : amount.toFixed(2);
}

export function customerCsvLine(customer: Customer): string {
  const values: CsvValue[] = [
    customer.id, customer.firstName, customer.lastName, customer.email, customer.phone, customer.city, customer.gender,
    customer.birthDate, customer.signupAt === undefined ? '' : formatUtcInstant(customer.signupAt),
  ];
  for (const channel of CONSENT_CHANNELS) values.push(consentText(customer.consents[channel]));
  values.push(customer.telegramId, customer.pushToken);
  for (const key of DEMO_ATTR_COLUMNS) values.push(customer.attrs[key]);
  return csvLine(values);
}

/*
 * Order and event lines are built by direct concatenation rather than through csvLine: there
 * are millions of them, and this halves the time of `chainlab demo` for large data sets.
 */
export function orderCsvLine(event: CrmEvent): string {
  const line = `${csvField(event.props.order_id)},${csvField(event.customerId)},${formatUtcInstant(event.ts)},${moneyText(event.amount)}`;
  return line + propFields(event.props, DEMO_ORDER_PROP_COLUMNS);
}

export function eventCsvLine(event: CrmEvent): string {
  const line = `${csvField(event.customerId)},${csvField(event.type)},${formatUtcInstant(event.ts)},${moneyText(event.amount)}`;
  return line + propFields(event.props, DEMO_EVENT_PROP_COLUMNS);
}

/** ",v1,v2,…" for the given prop columns. */
function propFields(props: Record<string, string>, columns: readonly string[]): string {
  let text = '';
  for (let i = 0; i < columns.length; i++) {
    const value = props[columns[i]!];
    text += value === undefined ? ',' : `,${csvField(value)}`;
  }
  return text;
}

export interface DemoCsvLines {
  customer: string;
  orders: string[];
  events: string[];
}

/** One customer's rows for the three files (without line terminators). */
export function demoCsvLines(demo: DemoCustomer): DemoCsvLines {
  const lines: DemoCsvLines = { customer: customerCsvLine(demo.customer), orders: [], events: [] };
  for (const event of demo.events) {
    if (event.type === ORDER_EVENT) lines.orders.push(orderCsvLine(event));
    else lines.events.push(eventCsvLine(event));
  }
  return lines;
}
