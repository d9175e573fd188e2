import type { CustomerBlock } from '../columnar';
import { hashString } from '../random';

/**
 * The customers' ids by index, and the key each customer's random draws start from: the one
 * place that defines both. The engine asks for them only when something needs them (a trace, a
 * random draw, a hash shard, a caller's per-customer hook): most runs draw nothing and trace
 * nobody, and reading each customer's id string is a cache miss per customer.
 */
export class CustomerIds {
  private constructor(private readonly ids: readonly string[]) {}

  /** Ids by index from the profile blocks ('' where a customer has no profile: see `idOf`). */
  static fromProfiles(customers: readonly CustomerBlock[], count: number): CustomerIds {
    const ids = new Array<string>(count).fill('');
    for (const block of customers) for (let row = 0; row < block.count; row++) ids[block.start + row] = block.id[row]!;
    return new CustomerIds(ids);
  }

  get count(): number {
    return this.ids.length;
  }

  /** The customer's id: their profile's, or `#<index>` for a customer with events but no profile. */
  idOf(customer: number): string {
    return this.ids[customer] || `#${customer}`;
  }
}

/** The customer's key for random draws: from the id, so draws do not depend on how customers are numbered. */
export function keyOf(customerId: string): number {
  return hashString(customerId);
}
