import { buildCustomerBlocks, buildEventBlocks, type IndexedEvent } from '../columnar';
import { unknownConsents, type Consents, type Customer } from '../model';
import type { SimulationData } from './runShard';

/**
 * Hand-made data for the simulator's tests: customers with their consents and contacts, and
 * events as (customer id, type, ISO instant, amount?, props?) — turned into the same column
 * blocks the app stores.
 */
export interface TestCustomer {
  id: string;
  email?: string;
  phone?: string;
  pushToken?: string;
  telegramId?: string;
  birthDate?: string;
  signupAt?: number;
  firstName?: string;
  consents?: Partial<Consents>;
  attrs?: Record<string, string>;
}

export interface TestEvent {
  customer: string;
  type: string;
  at: string | number;
  amount?: number;
  props?: Record<string, string>;
}

export function testCustomer(customer: TestCustomer): Customer {
  const { consents, attrs, ...profile } = customer;
  return { ...profile, consents: { ...unknownConsents(), ...consents }, attrs: attrs ?? {} };
}

/** Blocks of the customers (in the given order) and their events; unknown customers of events are added without a profile field. */
export function testData(customers: readonly TestCustomer[], events: readonly TestEvent[], options: { blockSize?: number; customerBlockSize?: number } = {}): SimulationData {
  const all = customers.map(testCustomer);
  const index = new Map(all.map((customer, at) => [customer.id, at]));
  const eventTypes: string[] = [];
  const indexed: IndexedEvent[] = events.map((event) => {
    let customer = index.get(event.customer);
    if (customer === undefined) {
      customer = all.length;
      index.set(event.customer, customer);
      all.push(testCustomer({ id: event.customer }));
    }
    let type = eventTypes.indexOf(event.type);
    if (type < 0) type = eventTypes.push(event.type) - 1;
    const row: IndexedEvent = { customer, type, ts: typeof event.at === 'number' ? event.at : Date.parse(event.at), props: event.props ?? {} };
    if (event.amount !== undefined) row.amount = event.amount;
    return row;
  });
  return {
    customers: buildCustomerBlocks(all, 0, options.customerBlockSize),
    events: buildEventBlocks(indexed, options.blockSize),
    eventTypes,
  };
}

/** The customers A, B, C of simulation.md's worked example and their events. */
export function workedExampleData(): SimulationData {
  return testData(
    [
      { id: 'A', email: 'a@example.com', phone: '+79160000001', consents: { email: true, sms: true } },
      { id: 'B', email: 'b@example.com', consents: { email: true } },
      { id: 'C', email: 'c@example.com', phone: '+79160000003', consents: { email: false, sms: true } },
    ],
    [
      { customer: 'A', type: 'cart_add', at: '2025-03-03T10:00:00Z' },
      { customer: 'A', type: 'checkout', at: '2025-03-03T10:30:00Z' },
      { customer: 'B', type: 'cart_add', at: '2025-03-03T18:30:00Z' },
      { customer: 'B', type: 'order', at: '2025-03-04T12:00:00Z', amount: 2500 },
      { customer: 'C', type: 'cart_add', at: '2025-03-03T08:00:00Z' },
      { customer: 'C', type: 'cart_add', at: '2025-03-06T08:00:00Z' },
    ],
  );
}
