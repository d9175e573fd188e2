import { buildEventBlocks, type CustomerBlock, type EventBlock, type IndexedEvent } from '../columnar';
import type { CrmEvent } from '../model';
import type { JourneyInput } from './journeyData';

/** The journey input of a stored workspace: its event blocks plus sign-ups and e-mail consents. */
export function journeyInputFromColumns(customers: readonly CustomerBlock[], events: readonly EventBlock[], eventTypes: readonly string[]): JourneyInput {
  const customerCount = customers.reduce((max, block) => Math.max(max, block.start + block.count), 0);
  const signupAt = new Float64Array(customerCount).fill(Number.NaN);
  const emailConsent = new Uint8Array(customerCount);
  for (const block of customers) {
    signupAt.set(block.signupAt, block.start);
    emailConsent.set(block.consents.email, block.start);
  }
  return { customerCount, events, eventTypes, signupAt, emailConsent };
}

export interface EventListInput {
  input: JourneyInput;
  /** customer index → id, in order of first appearance */
  customerIds: string[];
}

/**
 * The journey input of plain events (the command line's files, one customer's timeline):
 * customers are numbered in order of first appearance, types in order of first use.
 */
export function journeyInputFromEvents(events: readonly CrmEvent[], signups?: ReadonlyMap<string, number>): EventListInput {
  const customerIndex = new Map<string, number>();
  const typeIndex = new Map<string, number>();
  const indexed: IndexedEvent[] = events.map((event) => {
    let customer = customerIndex.get(event.customerId);
    if (customer === undefined) customerIndex.set(event.customerId, (customer = customerIndex.size));
    let type = typeIndex.get(event.type);
    if (type === undefined) typeIndex.set(event.type, (type = typeIndex.size));
    const row: IndexedEvent = { customer, type, ts: event.ts, props: event.props };
    if (event.amount !== undefined) row.amount = event.amount;
    return row;
  });
  const customerIds = [...customerIndex.keys()];
  const input: JourneyInput = { customerCount: customerIds.length, events: buildEventBlocks(indexed), eventTypes: [...typeIndex.keys()] };
  if (signups) input.signupAt = Float64Array.from(customerIds, (id) => signups.get(id) ?? Number.NaN);
  return { input, customerIds };
}
