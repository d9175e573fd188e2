import type { CrmEvent } from '../model/event';
import { unknownConsents, type Customer } from '../model/customer';
import { mergeCustomer } from '../customers/mergeCustomer';
import { buildCustomerBlocks, customerAt, type CustomerBlock } from './customerBlock';
import { buildEventBlocks, type IndexedEvent } from './eventBlock';

/**
 * Customer and event records into blocks, against the customers already stored: ids that exist
 * are merged into the stored record, new ones get the next indexes (profiles in order, then the
 * customers events refer to that no profile names — "minimal" customers). The demo generator's
 * batch (src/db writeDataBatch) and the command line's datasets (src/cli) are made this way.
 */
export interface CustomerPlan {
  indexOf: Map<string, number>;
  newCustomers: Customer[];
  firstNewIndex: number;
  /** stored index → merged customer */
  merges: Map<number, Customer>;
  minimalCustomers: number;
}

export function planCustomers(stored: CustomerBlock[], incoming: readonly Customer[], events: readonly CrmEvent[]): CustomerPlan {
  const indexOf = new Map<string, number>();
  let firstNewIndex = 0;
  for (const block of stored) {
    for (let row = 0; row < block.count; row++) indexOf.set(block.id[row]!, block.start + row);
    firstNewIndex = Math.max(firstNewIndex, block.start + block.count);
  }
  const plan: CustomerPlan = { indexOf, newCustomers: [], firstNewIndex, merges: new Map(), minimalCustomers: 0 };
  const newById = new Map<string, number>();
  for (const customer of incoming) {
    const index = indexOf.get(customer.id);
    if (index === undefined) {
      newById.set(customer.id, plan.newCustomers.length);
      indexOf.set(customer.id, firstNewIndex + plan.newCustomers.length);
      plan.newCustomers.push(customer);
    } else if (index >= firstNewIndex) {
      const position = newById.get(customer.id)!;
      plan.newCustomers[position] = mergeCustomer(plan.newCustomers[position]!, customer);
    } else {
      const base = plan.merges.get(index) ?? storedCustomer(stored, index);
      plan.merges.set(index, mergeCustomer(base, customer));
    }
  }
  for (const event of events) {
    if (indexOf.has(event.customerId)) continue;
    indexOf.set(event.customerId, firstNewIndex + plan.newCustomers.length);
    plan.newCustomers.push({ id: event.customerId, consents: unknownConsents(), attrs: {} });
    plan.minimalCustomers++;
  }
  return plan;
}

function storedCustomer(blocks: CustomerBlock[], index: number): Customer {
  const block = blocks.find((b) => b.start <= index && index < b.start + b.count);
  if (!block) throw new Error(`Customer index ${index} is in no block.`);
  return customerAt(block, index - block.start);
}

export function indexEvents(events: readonly CrmEvent[], indexOf: Map<string, number>, eventTypes: string[]): IndexedEvent[] {
  const typeIndex = new Map(eventTypes.map((type, index) => [type, index]));
  return events.map((event) => {
    let type = typeIndex.get(event.type);
    if (type === undefined) {
      type = eventTypes.length;
      eventTypes.push(event.type);
      typeIndex.set(event.type, type);
    }
    const indexed: IndexedEvent = { customer: indexOf.get(event.customerId)!, type, ts: event.ts, props: event.props };
    if (event.amount !== undefined) indexed.amount = event.amount;
    return indexed;
  });
}


/** Customers and events read from files, as blocks (nothing stored before them). */
export function blocksFromRecords(customers: readonly Customer[], events: readonly CrmEvent[]): { customers: CustomerBlock[]; events: ReturnType<typeof buildEventBlocks>; eventTypes: string[] } {
  const plan = planCustomers([], customers, events);
  const eventTypes: string[] = [];
  const indexed = indexEvents(events, plan.indexOf, eventTypes);
  return { customers: buildCustomerBlocks(plan.newCustomers, plan.firstNewIndex), events: buildEventBlocks(indexed), eventTypes };
}
