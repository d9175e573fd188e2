import { IdIndex } from '../customers/idIndex';
import { mergeCustomer } from '../customers/mergeCustomer';
import { unknownConsents, type Customer } from '../model/customer';

/**
 * The customers of one import, de-duplicated by id, else by normalised e-mail, then phone
 * (data-model.md "Import rules"). Each customer has a slot number: the workspace's customer
 * index in the app (customers already stored keep theirs, new ones are numbered after them),
 * a running number on the command line. Events refer to slots, so a customer first seen by
 * e-mail and later given its real id needs no event rewritten.
 */
export interface KnownCustomer {
  index: number;
  id: string;
  email?: string;
  phone?: string;
}

export type MatchedBy = 'id' | 'email' | 'phone';

export class CustomerDirectory {
  readonly firstNew: number;
  private nextSlot: number;
  private readonly byId = new IdIndex();
  private readonly byEmail = new Map<string, number>();
  private readonly byPhone = new Map<string, number>();
  private readonly ids: string[] = [];
  /** slots whose id is an e-mail or phone standing in for a missing id */
  private readonly derived = new Set<number>();
  /** profile data from this file, per slot */
  private readonly records = new Map<number, Customer>();

  constructor(known: readonly KnownCustomer[] = []) {
    let next = 0;
    for (const customer of known) {
      this.byId.set(customer.id, customer.index);
      this.ids[customer.index] = customer.id;
      if (customer.email && !this.byEmail.has(customer.email)) this.byEmail.set(customer.email, customer.index);
      if (customer.phone && !this.byPhone.has(customer.phone)) this.byPhone.set(customer.phone, customer.index);
      next = Math.max(next, customer.index + 1);
    }
    this.firstNew = next;
    this.nextSlot = next;
  }

  get size(): number {
    return this.nextSlot;
  }

  idOf(slot: number): string {
    return this.ids[slot] ?? '';
  }

  isNew(slot: number): boolean {
    return slot >= this.firstNew;
  }

  hasProfile(slot: number): boolean {
    return this.records.has(slot);
  }

  /** The slot of the customer a row names, and how it was found; undefined when new. */
  find(id: string, email: string | undefined, phone: string | undefined): { slot: number; by: MatchedBy } | undefined {
    if (id) {
      const slot = this.byId.get(id);
      if (slot !== undefined) return { slot, by: 'id' };
      // A customer known only by e-mail or phone so far gets its real id.
      const stand = (email && this.byEmail.get(email)) ?? (phone && this.byPhone.get(phone));
      if (typeof stand === 'number' && this.derived.has(stand)) {
        this.assignId(stand, id);
        return { slot: stand, by: email && this.byEmail.get(email) === stand ? 'email' : 'phone' };
      }
      return undefined;
    }
    const byEmail = email ? this.byEmail.get(email) : undefined;
    if (byEmail !== undefined) return { slot: byEmail, by: 'email' };
    const byPhone = phone ? this.byPhone.get(phone) : undefined;
    if (byPhone !== undefined) return { slot: byPhone, by: 'phone' };
    return undefined;
  }

  /** The slot `find` would give, without renaming anything; -1 when the customer is new. */
  peek(id: string, email: string | undefined, phone: string | undefined): number {
    if (id) {
      const slot = this.byId.get(id);
      if (slot !== undefined) return slot;
      const stand = (email && this.byEmail.get(email)) ?? (phone && this.byPhone.get(phone));
      return typeof stand === 'number' && this.derived.has(stand) ? stand : -1;
    }
    return (email ? this.byEmail.get(email) : undefined) ?? (phone ? this.byPhone.get(phone) : undefined) ?? -1;
  }

  /** A new slot; without an id the e-mail (else the phone) stands in for it. */
  create(id: string, email: string | undefined, phone: string | undefined): number {
    const slot = this.nextSlot++;
    const key = id || email || phone || '';
    this.ids[slot] = key;
    this.byId.set(key, slot);
    if (!id) this.derived.add(slot);
    this.registerContacts(slot, email, phone);
    return slot;
  }

  private lastId = '';
  private lastSlot = -1;

  /** The slot for a row's customer reference, created when new. */
  resolve(id: string, email: string | undefined, phone: string | undefined): number {
    if (id) {
      // Exports often list one customer's rows together.
      if (id === this.lastId) return this.lastSlot;
      const slot = this.byId.get(id);
      if (slot !== undefined) {
        this.lastId = id;
        this.lastSlot = slot;
        return slot;
      }
    }
    return this.find(id, email, phone)?.slot ?? this.create(id, email, phone);
  }

  /** Some slot got its real id after events already named it by e-mail or phone. */
  hasRenamedSlots = false;

  private assignId(slot: number, id: string): void {
    this.hasRenamedSlots = true;
    this.derived.delete(slot);
    this.ids[slot] = id;
    this.byId.set(id, slot);
    const record = this.records.get(slot);
    if (record) record.id = id;
  }

  private registerContacts(slot: number, email: string | undefined, phone: string | undefined): void {
    if (email && !this.byEmail.has(email)) this.byEmail.set(email, slot);
    if (phone && !this.byPhone.has(phone)) this.byPhone.set(phone, slot);
  }

  /** Merges profile data from the file into a slot's record (newer values win). */
  applyProfile(slot: number, profile: Customer): void {
    const existing = this.records.get(slot);
    const merged = existing ? mergeCustomer(existing, profile) : { ...profile };
    merged.id = this.idOf(slot);
    this.records.set(slot, merged);
    this.registerContacts(slot, merged.email, merged.phone);
  }

  /** The record of a slot: the file's profile data, or a minimal customer (id only). */
  recordOf(slot: number): Customer {
    return this.records.get(slot) ?? { id: this.idOf(slot), consents: unknownConsents(), attrs: {} };
  }

  /** New customers that have profile data in the file, in the order they were first seen. */
  newProfiles(): Customer[] {
    const customers: Customer[] = [];
    for (let slot = this.firstNew; slot < this.nextSlot; slot++) if (this.records.has(slot)) customers.push(this.records.get(slot)!);
    return customers;
  }

  /** Profile data from the file for customers that were already stored. */
  knownUpdates(): Map<number, Customer> {
    const updates = new Map<number, Customer>();
    for (const [slot, record] of this.records) if (slot < this.firstNew) updates.set(slot, record);
    return updates;
  }
}
