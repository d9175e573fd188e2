import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_LINE_END } from '../csv/csvWrite';
import { CONSENT_CHANNELS, type CrmEvent, type Customer } from '../model';
import {
  DEMO_ATTR_COLUMNS,
  DEMO_EVENT_PROP_COLUMNS,
  DEMO_ORDER_PROP_COLUMNS,
  customerCsvLine,
  demoCsvHeader,
  demoCsvLines,
  eventCsvLine,
} from './demoCsv';
import { generateDemoCustomers } from './generator';

const demos = [...generateDemoCustomers({ customers: 400, seed: 11 })];
const allEvents = demos.flatMap((demo) => demo.events);

function parse(header: string, lines: string[]): Record<string, string>[] {
  const text = [header, ...lines].join(CSV_LINE_END);
  const result = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ',', newline: CSV_LINE_END });
  expect(result.errors).toEqual([]);
  return result.data;
}

function propsFrom(row: Record<string, string>, columns: readonly string[]): Record<string, string> {
  const props: Record<string, string> = {};
  for (const column of columns) if (row[column]) props[column] = row[column];
  return props;
}

describe('demo CSV headers', () => {
  it('starts with the columns the importer expects', () => {
    expect(demoCsvHeader('customers')).toBe(
      'customer_id,first_name,last_name,email,phone,city,gender,birth_date,signup_at,consent_email,consent_sms,' +
        'consent_push,consent_whatsapp,consent_telegram,telegram_id,push_token,acquisition,demo_profile,loyalty_tier',
    );
    expect(demoCsvHeader('orders')).toMatch(/^order_id,customer_id,order_date,amount,channel,store,category,payment_method,discount(,|$)/);
    expect(demoCsvHeader('events')).toMatch(/^customer_id,event_type,event_time,amount,order_id,category,sku,channel,campaign,score(,|$)/);
  });

  it('has a column for every prop and attr the generator emits', () => {
    const orderColumns = new Set<string>(['order_id', ...DEMO_ORDER_PROP_COLUMNS]);
    const eventColumns = new Set<string>(DEMO_EVENT_PROP_COLUMNS);
    const missing = new Set<string>();
    for (const event of allEvents) {
      const columns = event.type === 'order' ? orderColumns : eventColumns;
      for (const key of Object.keys(event.props)) if (!columns.has(key)) missing.add(`${event.type}.${key}`);
    }
    expect([...missing]).toEqual([]);
    for (const { customer } of demos) expect(Object.keys(customer.attrs).sort()).toEqual([...DEMO_ATTR_COLUMNS]);
  });
});

describe('demo CSV rows', () => {
  it('round-trips customers through a CSV parser', () => {
    const rows = parse(demoCsvHeader('customers'), demos.map((demo) => customerCsvLine(demo.customer)));
    const consent = (text: string | undefined) => (text === 'true' ? true : text === 'false' ? false : null);
    rows.forEach((row, i) => {
      const original = demos[i]!.customer;
      const rebuilt: Customer = {
        id: row.customer_id!,
        consents: Object.fromEntries(CONSENT_CHANNELS.map((channel) => [channel, consent(row[`consent_${channel}`])])) as Customer['consents'],
        attrs: propsFrom(row, DEMO_ATTR_COLUMNS),
      };
      const text: [keyof Customer, string][] = [
        ['firstName', 'first_name'], ['lastName', 'last_name'], ['email', 'email'], ['phone', 'phone'], ['city', 'city'],
        ['gender', 'gender'], ['birthDate', 'birth_date'], ['telegramId', 'telegram_id'], ['pushToken', 'push_token'],
      ];
      for (const [field, column] of text) if (row[column]) Object.assign(rebuilt, { [field]: row[column] });
      rebuilt.signupAt = Date.parse(row.signup_at!);
      expect(rebuilt).toEqual({ ...original });
    });
  });

  it('round-trips orders and events, with ISO UTC instants and two-decimal amounts', () => {
    const lines = demos.map(demoCsvLines);
    const orderRows = parse(demoCsvHeader('orders'), lines.flatMap((line) => line.orders));
    const eventRows = parse(demoCsvHeader('events'), lines.flatMap((line) => line.events));
    expect(orderRows.length + eventRows.length).toBe(allEvents.length);
    const orders: CrmEvent[] = orderRows.map((row) => ({
      customerId: row.customer_id!,
      type: 'order',
      ts: Date.parse(row.order_date!),
      amount: Number(row.amount),
      props: propsFrom(row, ['order_id', ...DEMO_ORDER_PROP_COLUMNS]),
    }));
    const others: CrmEvent[] = eventRows.map((row) => {
      const event: CrmEvent = { customerId: row.customer_id!, type: row.event_type!, ts: Date.parse(row.event_time!), props: propsFrom(row, DEMO_EVENT_PROP_COLUMNS) };
      if (row.amount) event.amount = Number(row.amount);
      return event;
    });
    const normalise = (events: CrmEvent[]) => events.map((event) => ({ ...event, props: { ...event.props } }));
    expect(normalise(orders)).toEqual(normalise(allEvents.filter((event) => event.type === 'order')));
    expect(normalise(others)).toEqual(normalise(allEvents.filter((event) => event.type !== 'order')));
    expect(orderRows[0]!.order_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(orderRows.every((row) => /^\d+\.\d\d$/.test(row.amount!))).toBe(true);
  });

  it('quotes values with commas (shop names) and writes unknown consent as empty', () => {
    const storeOrder = allEvents.find((event) => event.type === 'order' && event.props.store);
    expect(storeOrder).toBeDefined();
    expect(eventCsvLine({ ...storeOrder!, type: 'return' })).toContain(`"${storeOrder!.props.store}"`);
    const unknown = demos.find((demo) => demo.customer.consents.email === null)!.customer;
    const fields = Papa.parse<string[]>(customerCsvLine(unknown)).data[0]!;
    expect(fields[9]).toBe('');
  });
});
