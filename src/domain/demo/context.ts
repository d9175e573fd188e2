import { UserFacingError } from '../errors';
import type { CrmEvent } from '../model';
import { createRandom, type Random } from '../random';
import { buildCalendar, type DemoCalendar } from './calendar';
import { buildCampaigns, type DemoCampaigns } from './campaigns';
import { buildCatalog, type DemoCatalog, type DemoItem } from './catalog';
import type { DemoIdentity } from './identity';
import type { DemoProfile, OrderChannel, ProfileSpec } from './profiles';

export interface DemoOptions {
  customers: number;
  seed: number;
  /** Last day of the period, `YYYY-MM-DD` (Moscow time). Fixed by default so a seed always gives the same bytes. */
  endDate?: string;
  /** Length of the period in calendar months, at least 12 (one full seasonal cycle). */
  months?: number;
}

export type ResolvedDemoOptions = Required<DemoOptions>;

export const DEFAULT_DEMO_OPTIONS = { customers: 5000, seed: 42 } as const satisfies DemoOptions;
export const DEFAULT_DEMO_END_DATE = '2026-10-31';
export const DEFAULT_DEMO_MONTHS = 14;
export const MAX_DEMO_MONTHS = 120;

/** Everything shared by all customers of one data set, computed once. */
export interface DemoContext {
  options: ResolvedDemoOptions;
  calendar: DemoCalendar;
  catalog: DemoCatalog;
  campaigns: DemoCampaigns;
  /** Digits of the customer number in ids (C000001). */
  idWidth: number;
  phoneOffset: number;
}

/** When a customer registered and when they were active within the period. */
export interface Lifecycle {
  signupAt: number;
  /** Registered before the period: no registration event in the data. */
  isExisting: boolean;
  activeFrom: number;
  /** Churned customers fall silent here; everyone else stays active to the end. */
  activeTo: number;
}

export interface DraftOrder {
  id: string;
  ts: number;
  amount: number;
  channel: OrderChannel;
  items: DemoItem[];
  /** Category of the dearest item: the order's category in exports. */
  category: string;
}

/** One customer while their history is being drawn. */
export interface CustomerDraft {
  context: DemoContext;
  random: Random;
  customerId: string;
  profile: DemoProfile;
  spec: ProfileSpec;
  identity: DemoIdentity;
  life: Lifecycle;
  /** Preferred category indexes, most of their interest goes there. */
  favourites: number[];
  /** Their usual store (for offline orders); undefined when no store is near. */
  store: string | undefined;
  events: CrmEvent[];
  orders: DraftOrder[];
  hasLoyaltyCard: boolean;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const resolved = {
    customers: options.customers,
    seed: options.seed,
    endDate: options.endDate ?? DEFAULT_DEMO_END_DATE,
    months: options.months ?? DEFAULT_DEMO_MONTHS,
  };
  if (!Number.isSafeInteger(resolved.customers) || resolved.customers < 0) {
    throw invalid('customers', `customers must be a non-negative integer, got ${resolved.customers}`);
  }
  if (!Number.isSafeInteger(resolved.seed)) throw invalid('seed', `seed must be an integer, got ${resolved.seed}`);
  if (!isCalendarDate(resolved.endDate)) throw invalid('endDate', `endDate must be a date YYYY-MM-DD, got "${resolved.endDate}"`);
  if (!Number.isInteger(resolved.months) || resolved.months < 12 || resolved.months > MAX_DEMO_MONTHS) {
    throw invalid('months', `months must be an integer from 12 to ${MAX_DEMO_MONTHS}, got ${resolved.months}`);
  }
  return resolved;
}

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function invalid(option: string, message: string): UserFacingError {
  return new UserFacingError('demo.invalidOption', message, { option });
}

export function createDemoContext(options: DemoOptions): DemoContext {
  const resolved = resolveDemoOptions(options);
  const calendar = buildCalendar(resolved.endDate, resolved.months);
  return {
    options: resolved,
    calendar,
    catalog: buildCatalog(resolved.seed),
    campaigns: buildCampaigns(calendar),
    idWidth: Math.max(6, String(resolved.customers).length),
    phoneOffset: createRandom(resolved.seed, 0x9407e).int(0, 999_999_999),
  };
}

export function customerIdFor(context: DemoContext, index: number): string {
  return `C${String(index + 1).padStart(context.idWidth, '0')}`;
}

/** Adds an event; instants outside the period are dropped at the end, not here. */
export function emit(draft: CustomerDraft, type: string, ts: number, props: Record<string, string>, amount?: number): void {
  const event: CrmEvent =
    amount === undefined ? { customerId: draft.customerId, type, ts, props } : { customerId: draft.customerId, type, ts, amount, props };
  draft.events.push(event);
}

/** Rounds money to kopecks. */
export function roubles(value: number): number {
  return Math.round(value * 100) / 100;
}
