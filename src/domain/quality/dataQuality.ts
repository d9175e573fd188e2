import { forEachDictValue, type DictColumn } from '../columnar/dictColumn';
import type { CustomerBlock } from '../columnar/customerBlock';
import type { EventBlock } from '../columnar/eventBlock';
import { CONSENT_CHANNELS, CUSTOMER_TEXT_FIELDS, type ConsentChannel, type CustomerTextField } from '../model/customer';
import { ORDER_EVENT } from '../model/event';
import { isoDateToDayNumber, localDayNumber } from '../time/localDay';
import { formatEpochDay } from '../time/isoFormat';
import { normalizeEmail } from '../import/values/contacts';
import { dominantCustomer } from './dominantCustomer';

/**
 * What data a workspace really has (the textbook's point: know which data you have and which
 * you only think you have): per customer field and attribute, per event prop — how many rows
 * have a value, how many distinct values, examples, the share that is not valid; contacts and
 * consents per channel; the date range and events per type per month. One pass over columns.
 */
export interface FieldQuality {
  name: string;
  filled: number;
  distinct: number;
  /** most frequent values, with counts */
  top: { value: string; count: number }[];
  /** rows whose value is present but not valid (e-mail, phone, dates); null when there is no rule */
  invalid: number | null;
}

export interface ChannelQuality {
  channel: ConsentChannel;
  /** customers with a contact for this channel */
  contact: number;
  consentYes: number;
  consentNo: number;
  consentUnknown: number;
  /** contact and consent yes: who a message may actually go to */
  reachable: number;
}

export interface DataQualityReport {
  customers: number;
  customerFields: FieldQuality[];
  attributes: FieldQuality[];
  channels: ChannelQuality[];
  /** customers with no e-mail, phone, push token or Telegram id */
  withoutContact: number;
  /** customers with nothing but an id (created from events) */
  idOnly: number;
  events: number;
  firstDay: string | null;
  lastDay: string | null;
  eventTypes: { type: string; count: number; customers: number }[];
  /** months (YYYY-MM) and, per event type, the events in each */
  months: string[];
  perMonth: Record<string, number[]>;
  props: FieldQuality[];
  customersWithOrders: number;
  ordersWithoutAmount: number;
  /** a customer with an implausible share of all orders (dominantCustomer.ts): a stand-in for missing ids, most likely */
  dominantCustomer: { id: string; orders: number; totalOrders: number; share: number } | null;
}

const TOP = 5;
const MAX_TRACKED = 50_000;

/** Counts values of one field; stops tracking distinct values past a bound (then `distinct` is a lower bound). */
class ValueCounter {
  filled = 0;
  invalid = 0;
  private readonly counts = new Map<string, number>();
  private isCapped = false;

  add(value: string, isValid = true): void {
    this.filled++;
    if (!isValid) this.invalid++;
    const count = this.counts.get(value);
    if (count !== undefined) this.counts.set(value, count + 1);
    else if (this.counts.size < MAX_TRACKED) this.counts.set(value, 1);
    else this.isCapped = true;
  }

  result(name: string, hasRule: boolean): FieldQuality {
    const top = [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP).map(([value, count]) => ({ value, count }));
    return { name, filled: this.filled, distinct: this.counts.size + (this.isCapped ? 1 : 0), top, invalid: hasRule ? this.invalid : null };
  }
}

const E164 = /^\+[1-9]\d{7,14}$/;

function validator(field: CustomerTextField, today: number): ((value: string) => boolean) | undefined {
  switch (field) {
    case 'email':
      return (value) => normalizeEmail(value) === value;
    case 'phone':
      return (value) => E164.test(value);
    case 'birthDate':
      return (value) => {
        const day = isoDateToDayNumber(value);
        return !Number.isNaN(day) && day <= today && today - day < 120 * 366;
      };
    case 'gender':
      return (value) => value === 'male' || value === 'female';
    default:
      return undefined;
  }
}

const CONTACT_FIELD: Record<ConsentChannel, CustomerTextField> = { email: 'email', sms: 'phone', whatsapp: 'phone', push: 'pushToken', telegram: 'telegramId' };

function customerQuality(blocks: readonly CustomerBlock[], today: number, report: DataQualityReport): void {
  const fields = new Map(CUSTOMER_TEXT_FIELDS.map((field) => [field, new ValueCounter()]));
  const signup = new ValueCounter();
  const attrs = new Map<string, ValueCounter>();
  const channels = CONSENT_CHANNELS.map((channel): ChannelQuality => ({ channel, contact: 0, consentYes: 0, consentNo: 0, consentUnknown: 0, reachable: 0 }));
  const rules = new Map(CUSTOMER_TEXT_FIELDS.map((field) => [field, validator(field, today)]));
  for (const block of blocks) {
    report.customers += block.count;
    for (const field of CUSTOMER_TEXT_FIELDS) {
      const counter = fields.get(field)!;
      const rule = rules.get(field);
      for (const value of block.text[field]) if (value) counter.add(value, rule ? rule(value) : true);
    }
    for (let row = 0; row < block.count; row++) {
      if (!Number.isNaN(block.signupAt[row]!)) signup.add(formatEpochDay(Math.floor(block.signupAt[row]! / 86_400_000)).slice(0, 7));
      countChannels(block, row, channels);
      const hasContact = block.text.email[row] || block.text.phone[row] || block.text.pushToken[row] || block.text.telegramId[row];
      if (!hasContact) report.withoutContact++;
      if (!hasContact && !block.text.firstName[row] && !block.text.lastName[row] && !block.text.city[row]) report.idOnly++;
    }
    countDict(block.attrs, block.count, attrs);
  }
  report.customerFields = [...CUSTOMER_TEXT_FIELDS.map((field) => fields.get(field)!.result(field, rules.get(field) !== undefined)), signup.result('signupAt', false)];
  report.attributes = [...attrs].map(([key, counter]) => counter.result(key, false)).sort((a, b) => b.filled - a.filled);
  report.channels = channels;
}

function countChannels(block: CustomerBlock, row: number, channels: ChannelQuality[]): void {
  for (const quality of channels) {
    const hasContact = Boolean(block.text[CONTACT_FIELD[quality.channel]][row]);
    const consent = block.consents[quality.channel][row]!;
    if (hasContact) quality.contact++;
    if (consent === 1) quality.consentYes++;
    else if (consent === 2) quality.consentNo++;
    else quality.consentUnknown++;
    if (hasContact && consent === 1) quality.reachable++;
  }
}

function countDict(columns: Record<string, DictColumn>, rowCount: number, into: Map<string, ValueCounter>): void {
  for (const [key, column] of Object.entries(columns)) {
    let counter = into.get(key);
    if (!counter) {
      counter = new ValueCounter();
      into.set(key, counter);
    }
    const target = counter;
    forEachDictValue(column, rowCount, (_, value) => target.add(value));
  }
}

const months = new Map<number, string>();

function monthOf(day: number): string {
  let month = months.get(day);
  if (month === undefined) {
    month = formatEpochDay(day).slice(0, 7);
    months.set(day, month);
  }
  return month;
}

/** Fills the event part of the report; returns the orders per customer index. */
function eventQuality(blocks: readonly EventBlock[], eventTypes: readonly string[], timeZone: string, report: DataQualityReport): Map<number, number> {
  const props = new Map<string, ValueCounter>();
  const typeCounts = new Map<number, number>();
  const typeCustomers = new Map<number, Set<number>>();
  const monthIndex = new Map<string, number>();
  const perType = new Map<number, Map<string, number>>();
  const buyers = new Set<number>();
  const ordersByCustomer = new Map<number, number>();
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  let first = Infinity;
  let last = -Infinity;
  for (const block of blocks) {
    report.events += block.count;
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      const day = localDayNumber(block.ts[row]!, timeZone);
      if (day < first) first = day;
      if (day > last) last = day;
      typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
      let customers = typeCustomers.get(type);
      if (!customers) typeCustomers.set(type, (customers = new Set()));
      customers.add(block.customer[row]!);
      const month = monthOf(day);
      monthIndex.set(month, 0);
      let byMonth = perType.get(type);
      if (!byMonth) perType.set(type, (byMonth = new Map()));
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      if (type === orderType) {
        buyers.add(block.customer[row]!);
        ordersByCustomer.set(block.customer[row]!, (ordersByCustomer.get(block.customer[row]!) ?? 0) + 1);
        if (Number.isNaN(block.amount[row]!)) report.ordersWithoutAmount++;
      }
    }
    countDict(block.props, block.count, props);
  }
  report.firstDay = report.events ? formatEpochDay(first) : null;
  report.lastDay = report.events ? formatEpochDay(last) : null;
  report.months = [...monthIndex.keys()].sort();
  report.eventTypes = [...typeCounts].map(([type, count]) => ({ type: eventTypes[type] ?? `#${type}`, count, customers: typeCustomers.get(type)!.size })).sort((a, b) => b.count - a.count);
  for (const [type, byMonth] of perType) report.perMonth[eventTypes[type] ?? `#${type}`] = report.months.map((month) => byMonth.get(month) ?? 0);
  report.props = [...props].map(([key, counter]) => counter.result(key, false)).sort((a, b) => b.filled - a.filled);
  report.customersWithOrders = buyers.size;
  return ordersByCustomer;
}

function findDominantCustomer(ordersByCustomer: Map<number, number>, customers: readonly CustomerBlock[]): DataQualityReport['dominantCustomer'] {
  const indexes = [...ordersByCustomer.keys()];
  const dominant = dominantCustomer(indexes.map((index) => ordersByCustomer.get(index)!));
  if (!dominant) return null;
  const index = indexes[dominant.index]!;
  const block = customers.find((candidate) => index >= candidate.start && index < candidate.start + candidate.count);
  return { id: block ? block.id[index - block.start]! : `#${index}`, orders: dominant.orders, totalOrders: dominant.totalOrders, share: dominant.share };
}

/** The quality report of a workspace's data; `today` (YYYY-MM-DD) bounds valid birth dates. */
export function computeDataQuality(customers: readonly CustomerBlock[], events: readonly EventBlock[], eventTypes: readonly string[], timeZone: string, today: string): DataQualityReport {
  const report: DataQualityReport = {
    customers: 0, customerFields: [], attributes: [], channels: [], withoutContact: 0, idOnly: 0,
    events: 0, firstDay: null, lastDay: null, eventTypes: [], months: [], perMonth: {}, props: [], customersWithOrders: 0, ordersWithoutAmount: 0, dominantCustomer: null,
  };
  customerQuality(customers, isoDateToDayNumber(today), report);
  report.dominantCustomer = findDominantCustomer(eventQuality(events, eventTypes, timeZone, report), customers);
  return report;
}

export type FindingCode = 'fieldSparse' | 'fieldInvalid' | 'consentUnknown' | 'notReachable' | 'idOnly' | 'withoutContact' | 'ordersWithoutAmount' | 'noOrders' | 'dominantCustomer';

export interface QualityFinding {
  code: FindingCode;
  severity: 'warning' | 'info';
  params: Record<string, string | number>;
}

const CONTACT_FIELDS: CustomerTextField[] = ['email', 'phone'];

/**
 * What the report says a marketer should know before building chains on this data. `share` is
 * a fraction 0…1 (the screen formats it); `count` counts the rows or customers it is about.
 */
export function qualityFindings(report: DataQualityReport): QualityFinding[] {
  const findings: QualityFinding[] = [];
  if (report.customers === 0) return findings;
  const share = (count: number) => count / report.customers;
  for (const field of report.customerFields) {
    if (CONTACT_FIELDS.includes(field.name as CustomerTextField) && field.filled / report.customers < 0.5) findings.push({ code: 'fieldSparse', severity: 'warning', params: { field: field.name, count: field.filled, share: share(field.filled) } });
    if (field.invalid) findings.push({ code: 'fieldInvalid', severity: 'warning', params: { field: field.name, count: field.invalid, share: field.invalid / Math.max(1, field.filled) } });
  }
  for (const channel of report.channels) {
    if (channel.contact > 0 && channel.consentUnknown / report.customers > 0.5) findings.push({ code: 'consentUnknown', severity: 'info', params: { channel: channel.channel, count: channel.consentUnknown, share: share(channel.consentUnknown) } });
    if (channel.contact > 0 && channel.reachable / report.customers < 0.2) findings.push({ code: 'notReachable', severity: 'info', params: { channel: channel.channel, count: channel.reachable, share: share(channel.reachable) } });
  }
  if (report.withoutContact > 0) findings.push({ code: 'withoutContact', severity: 'warning', params: { count: report.withoutContact, share: share(report.withoutContact) } });
  if (report.idOnly > 0) findings.push({ code: 'idOnly', severity: 'info', params: { count: report.idOnly, share: share(report.idOnly) } });
  if (report.ordersWithoutAmount > 0) findings.push({ code: 'ordersWithoutAmount', severity: 'warning', params: { count: report.ordersWithoutAmount } });
  if (report.events > 0 && report.customersWithOrders === 0) findings.push({ code: 'noOrders', severity: 'warning', params: {} });
  const dominant = report.dominantCustomer;
  if (dominant) findings.push({ code: 'dominantCustomer', severity: 'warning', params: { customer: dominant.id, orders: dominant.orders, total: dominant.totalOrders, percent: Math.round(dominant.share * 1000) / 10 } });
  return findings;
}
