import {
  customerDisplayName,
  CONSENT_CHANNELS,
  CUSTOMER_TEXT_FIELDS,
  type ConsentChannel,
  type ConsentValue,
  type Customer,
  type CustomerTextField,
} from '../model';
import { buildDictColumns, dictRecordAt, type DictColumn } from './dictColumn';

/**
 * Customers as columns. Row `r` is the workspace customer with index `start + r`; indexes are
 * dense and never reused, so event blocks can refer to customers by a 32-bit integer.
 * Text fields use '' for "missing"; consents are 0 unknown / 1 yes / 2 no.
 */
export interface CustomerBlock {
  count: number;
  start: number;
  id: string[];
  text: Record<CustomerTextField, string[]>;
  signupAt: Float64Array;
  consents: Record<ConsentChannel, Uint8Array>;
  attrs: Record<string, DictColumn>;
}

export const DEFAULT_CUSTOMER_BLOCK_SIZE = 16_384;

export function encodeConsent(value: ConsentValue): number {
  if (value === null) return 0;
  return value ? 1 : 2;
}

export function decodeConsent(code: number): ConsentValue {
  if (code === 0) return null;
  return code === 1;
}

export function buildCustomerBlock(customers: readonly Customer[], start: number): CustomerBlock {
  const count = customers.length;
  const text = {} as Record<CustomerTextField, string[]>;
  for (const field of CUSTOMER_TEXT_FIELDS) text[field] = customers.map((customer) => customer[field] ?? '');
  const consents = {} as Record<ConsentChannel, Uint8Array>;
  for (const channel of CONSENT_CHANNELS) {
    consents[channel] = Uint8Array.from(customers, (customer) => encodeConsent(customer.consents[channel]));
  }
  return {
    count,
    start,
    id: customers.map((customer) => customer.id),
    text,
    signupAt: Float64Array.from(customers, (customer) => customer.signupAt ?? Number.NaN),
    consents,
    attrs: buildDictColumns(count, (row) => customers[row]!.attrs),
  };
}

/** Cuts customers into blocks, numbering them from `firstIndex`. */
export function buildCustomerBlocks(
  customers: readonly Customer[],
  firstIndex = 0,
  blockSize = DEFAULT_CUSTOMER_BLOCK_SIZE,
): CustomerBlock[] {
  const blocks: CustomerBlock[] = [];
  for (let offset = 0; offset < customers.length; offset += blockSize) {
    blocks.push(buildCustomerBlock(customers.slice(offset, offset + blockSize), firstIndex + offset));
  }
  return blocks;
}

export function customerAt(block: CustomerBlock, row: number): Customer {
  const customer: Customer = {
    id: block.id[row]!,
    consents: {
      email: decodeConsent(block.consents.email[row]!),
      sms: decodeConsent(block.consents.sms[row]!),
      push: decodeConsent(block.consents.push[row]!),
      whatsapp: decodeConsent(block.consents.whatsapp[row]!),
      telegram: decodeConsent(block.consents.telegram[row]!),
    },
    attrs: dictRecordAt(block.attrs, row),
  };
  for (const field of CUSTOMER_TEXT_FIELDS) {
    const value = block.text[field][row];
    if (value) customer[field] = value;
  }
  const signupAt = block.signupAt[row]!;
  if (!Number.isNaN(signupAt)) customer.signupAt = signupAt;
  return customer;
}

/** What a list shows of a customer: id, display name, e-mail and phone. */
export interface CustomerProfile {
  id: string;
  name: string;
  email: string;
  phone: string;
}

/** The profile of customer `index` in blocks sorted by `start`; a placeholder `#index` when no block holds it. */
export function customerProfileAt(blocks: readonly CustomerBlock[], index: number): CustomerProfile {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle]!;
    if (index < block.start) high = middle - 1;
    else if (index >= block.start + block.count) low = middle + 1;
    else {
      const row = index - block.start;
      const id = block.id[row]!;
      const name = customerDisplayName({ id: '', firstName: block.text.firstName[row], lastName: block.text.lastName[row] });
      return { id, name, email: block.text.email[row]!, phone: block.text.phone[row]! };
    }
  }
  return { id: `#${index}`, name: '', email: '', phone: '' };
}
