import { customerDisplayName, ORDER_EVENT, RETURN_EVENT } from '../model';
import type { CustomerBlock, EventBlock } from '../columnar';

/**
 * The customers list of the Data screen as columns, one entry per workspace customer index,
 * with order totals from the event blocks. Built once per data version, queried many times.
 */
export interface CustomerTable {
  size: number;
  id: string[];
  name: string[];
  email: string[];
  phone: string[];
  city: string[];
  orders: Int32Array;
  /** Σ order amounts − Σ return amounts */
  revenue: Float64Array;
  /** ms UTC of the last order, NaN when none */
  lastOrderTs: Float64Array;
  /** lower-cased id, name, email and phone (also digits only), for search */
  haystack: string[];
}

export function buildCustomerTable(customers: readonly CustomerBlock[], events: readonly EventBlock[], eventTypes: readonly string[]): CustomerTable {
  const size = customers.reduce((max, block) => Math.max(max, block.start + block.count), 0);
  const table: CustomerTable = {
    size,
    id: new Array<string>(size).fill(''),
    name: new Array<string>(size).fill(''),
    email: new Array<string>(size).fill(''),
    phone: new Array<string>(size).fill(''),
    city: new Array<string>(size).fill(''),
    orders: new Int32Array(size),
    revenue: new Float64Array(size),
    lastOrderTs: new Float64Array(size).fill(Number.NaN),
    haystack: new Array<string>(size).fill(''),
  };
  for (const block of customers) fillProfiles(table, block);
  addOrderTotals(table, events, eventTypes.indexOf(ORDER_EVENT), eventTypes.indexOf(RETURN_EVENT));
  return table;
}

function fillProfiles(table: CustomerTable, block: CustomerBlock): void {
  for (let row = 0; row < block.count; row++) {
    const index = block.start + row;
    const id = block.id[row]!;
    const name = customerDisplayName({ id: '', firstName: block.text.firstName[row], lastName: block.text.lastName[row] });
    const email = block.text.email[row]!;
    const phone = block.text.phone[row]!;
    table.id[index] = id;
    table.name[index] = name;
    table.email[index] = email;
    table.phone[index] = phone;
    table.city[index] = block.text.city[row]!;
    table.haystack[index] = `${id}\n${name}\n${email}\n${phone}\n${phone.replace(/\D/g, '')}`.toLocaleLowerCase();
  }
}

function addOrderTotals(table: CustomerTable, events: readonly EventBlock[], orderType: number, returnType: number): void {
  if (orderType < 0 && returnType < 0) return;
  for (const block of events) {
    for (let row = 0; row < block.count; row++) {
      const type = block.type[row]!;
      const customer = block.customer[row]!;
      const amount = block.amount[row]!;
      if (type === orderType) {
        table.orders[customer]! += 1;
        if (!Number.isNaN(amount)) table.revenue[customer]! += amount;
        const ts = block.ts[row]!;
        const last = table.lastOrderTs[customer]!;
        if (Number.isNaN(last) || ts > last) table.lastOrderTs[customer] = ts;
      } else if (type === returnType && !Number.isNaN(amount)) {
        table.revenue[customer]! -= Math.abs(amount);
      }
    }
  }
}

export const CUSTOMER_SORT_FIELDS = ['id', 'name', 'email', 'phone', 'city', 'orders', 'revenue', 'lastOrderTs'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export interface CustomerQuery {
  search: string;
  sort?: { field: CustomerSortField; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

export interface CustomerRow {
  index: number;
  id: string;
  name: string;
  email: string;
  phone: string;
  city: string;
  orders: number;
  revenue: number;
  lastOrderTs: number | null;
}

export interface CustomerPage {
  rows: CustomerRow[];
  matched: number;
  total: number;
}

/** Customer indexes matching every word of `search` (case-insensitive substring), in index order. */
export function searchCustomers(table: CustomerTable, search: string): Int32Array {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return Int32Array.from({ length: table.size }, (_, i) => i);
  const matches: number[] = [];
  for (let index = 0; index < table.size; index++) {
    const haystack = table.haystack[index]!;
    if (words.every((word) => haystack.includes(word))) matches.push(index);
  }
  return Int32Array.from(matches);
}

const collator = new Intl.Collator(['ru', 'en'], { numeric: true, sensitivity: 'base' });

/** Sorts indexes in place; ties keep index order, empty values go last in both directions. */
export function sortCustomers(table: CustomerTable, indexes: Int32Array, sort: NonNullable<CustomerQuery['sort']>): Int32Array {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const field = sort.field;
  const compare = isNumericField(field) ? numericComparator(table[field], sign) : textComparator(table[field], sign);
  return Int32Array.from(Array.from(indexes).sort((a, b) => compare(a, b) || a - b));
}

function isNumericField(field: CustomerSortField): field is 'orders' | 'revenue' | 'lastOrderTs' {
  return field === 'orders' || field === 'revenue' || field === 'lastOrderTs';
}

function numericComparator(values: ArrayLike<number>, sign: number) {
  return (a: number, b: number): number => {
    const x = values[a]!;
    const y = values[b]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
    return sign * (x - y);
  };
}

function textComparator(values: string[], sign: number) {
  return (a: number, b: number): number => {
    const x = values[a]!;
    const y = values[b]!;
    if (!x || !y) return Number(!x) - Number(!y);
    return sign * collator.compare(x, y);
  };
}

/** The customer indexes a query shows, in display order (before paging). */
export function orderCustomers(table: CustomerTable, query: Pick<CustomerQuery, 'search' | 'sort'>): Int32Array {
  const indexes = searchCustomers(table, query.search);
  return query.sort ? sortCustomers(table, indexes, query.sort) : indexes;
}

export function customerPage(table: CustomerTable, ordered: Int32Array, query: Pick<CustomerQuery, 'page' | 'pageSize'>): CustomerPage {
  const start = query.page * query.pageSize;
  const rows = Array.from(ordered.subarray(start, start + query.pageSize), (index) => customerRow(table, index));
  return { rows, matched: ordered.length, total: table.size };
}

export function queryCustomerTable(table: CustomerTable, query: CustomerQuery): CustomerPage {
  return customerPage(table, orderCustomers(table, query), query);
}

function customerRow(table: CustomerTable, index: number): CustomerRow {
  const last = table.lastOrderTs[index]!;
  return {
    index,
    id: table.id[index]!,
    name: table.name[index]!,
    email: table.email[index]!,
    phone: table.phone[index]!,
    city: table.city[index]!,
    orders: table.orders[index]!,
    revenue: Math.round(table.revenue[index]! * 100) / 100,
    lastOrderTs: Number.isNaN(last) ? null : last,
  };
}
