import type { CrmEvent, Customer } from '../model';
import { createRandom, cumulative, type Random } from '../random';
import { DAY_MS, drawInstant, intensityBetween } from './calendar';
import { drawCategoryIndex } from './catalog';
import { createDemoContext, customerIdFor, emit, type CustomerDraft, type DemoContext, type DemoOptions, type Lifecycle } from './context';
import { drawIdentity, type DemoIdentity } from './identity';
import { drawMarketing } from './marketing';
import { placeOrder } from './orders';
import { planOrders } from './orderPlan';
import { DEMO_PROFILES, PROFILE_SPECS, PROFILE_WEIGHTS, type DemoProfile, type ProfileSpec } from './profiles';
import { browseVisit, issueLoyaltyCard, storeVisit } from './sessions';
import { sortedWithin } from './timeOrder';

/**
 * The seeded demo workspace (data-model.md "Demo data"). Every customer is drawn from its own
 * generator keyed by (seed, customer index), so a customer's data does not depend on how many
 * customers come before it or how the work is chunked: streaming, batches and workers agree.
 */
export interface DemoCustomer {
  customer: Customer;
  /** Sorted by ts; orders are `order` events with props.order_id, returns `return` events. */
  events: CrmEvent[];
}

const CUSTOMER_KEY = 0xc0570;
const AVERAGE_MONTH_DAYS = 30.44;
const PROFILE_CUMULATIVE = cumulative(PROFILE_WEIGHTS);

/** Streams customers one at a time: memory stays bounded whatever the count. */
export function* generateDemoCustomers(options: DemoOptions): Generator<DemoCustomer> {
  const context = createDemoContext(options);
  for (let index = 0; index < context.options.customers; index++) {
    yield generateDemoCustomer(context, index);
  }
}

export function generateDemoDataset(options: DemoOptions): { customers: Customer[]; events: CrmEvent[] } {
  const customers: Customer[] = [];
  const events: CrmEvent[] = [];
  for (const demo of generateDemoCustomers(options)) {
    customers.push(demo.customer);
    for (const event of demo.events) events.push(event);
  }
  return { customers, events };
}

/** One customer by index (0-based); lets workers generate disjoint ranges of one data set. */
export function generateDemoCustomer(context: DemoContext, index: number): DemoCustomer {
  const random = createRandom(context.options.seed, CUSTOMER_KEY, index);
  const profile = DEMO_PROFILES[random.cumulativeIndex(PROFILE_CUMULATIVE)]!;
  const spec = PROFILE_SPECS[profile];
  const customerId = customerIdFor(context, index);
  const identity = drawIdentity(random, {
    id: customerId,
    index,
    phoneOffset: context.phoneOffset,
    endYear: Number(context.options.endDate.slice(0, 4)),
    offlineWeight: 10 + 60 * spec.channelWeights[2],
    appShare: spec.appShare,
  });
  const life = drawLifecycle(context, random, profile, identity);
  const draft = newDraft(context, random, profile, spec, identity, life);
  drawHistory(draft);
  return finish(draft);
}

function newDraft(
  context: DemoContext,
  random: Random,
  profile: DemoProfile,
  spec: ProfileSpec,
  identity: DemoIdentity,
  life: Lifecycle,
): CustomerDraft {
  const favourite = drawCategoryIndex(random);
  const second = random.chance(0.6) ? drawCategoryIndex(random) : favourite;
  return {
    context,
    random,
    customerId: identity.customer.id,
    profile,
    spec,
    identity,
    life,
    favourites: [favourite, second],
    store: identity.store,
    events: [],
    orders: [],
    hasLoyaltyCard: life.isExisting && random.chance(profile === 'loyal' ? 0.5 : 0.15),
  };
}

/**
 * Registered before the period (no registration event) or during it, drawn seasonally.
 * Loyal customers need time for repeat orders, churned ones must go quiet months before the end.
 */
function drawLifecycle(context: DemoContext, random: Random, profile: DemoProfile, identity: DemoIdentity): Lifecycle {
  const { startMs, endMs } = context.calendar;
  const isExisting = random.chance(PROFILE_SPECS[profile].existingShare);
  const latest = profile === 'loyal' ? endMs - 150 * DAY_MS : profile === 'churned' ? startMs + 200 * DAY_MS : endMs - DAY_MS;
  const signupAt = isExisting
    ? startMs - (7 + random.int(0, 3 * 365)) * DAY_MS - random.int(0, 86_399) * 1000
    : drawInstant(context.calendar, random, { fromMs: startMs, toMs: Math.max(startMs + DAY_MS, latest), utcOffset: identity.utcOffset });
  const activeFrom = isExisting ? startMs : signupAt;
  let activeTo = endMs;
  if (profile === 'churned') {
    const quietFrom = Math.min(activeFrom + random.uniform(45, 160) * DAY_MS, endMs - 100 * DAY_MS);
    activeTo = Math.max(activeFrom + 20 * DAY_MS, quietFrom);
  }
  return { signupAt, isExisting, activeFrom, activeTo };
}

function drawHistory(draft: CustomerDraft): void {
  const { life, identity, random } = draft;
  if (!life.isExisting) {
    const channel = identity.acquisition === 'offline' ? 'store' : identity.hasApp && random.chance(0.4) ? 'app' : 'web';
    emit(draft, 'registration', life.signupAt, { channel, source: identity.acquisition });
    if (channel === 'store') issueLoyaltyCard(draft, life.signupAt + 30_000, 'store');
  }
  for (const planned of planOrders(draft)) placeOrder(draft, planned.ts, planned.channel);
  const firstOrder = draft.orders[0];
  if (firstOrder && draft.profile === 'loyal' && random.chance(0.35)) issueLoyaltyCard(draft, firstOrder.ts + 90_000, firstOrder.channel);
  drawBrowsing(draft);
  drawMarketing(draft);
}

/** Visits without an order, and store visits without a purchase, over the active months. */
function drawBrowsing(draft: CustomerDraft): void {
  const { random, spec, life, identity, context } = draft;
  const activeMonths = intensityMonths(draft);
  const visits = random.poisson(spec.browsePerMonth * activeMonths);
  const span = { fromMs: life.activeFrom, toMs: life.activeTo, utcOffset: identity.utcOffset };
  for (let i = 0; i < visits; i++) {
    const ts = drawInstant(context.calendar, random, span);
    browseVisit(draft, ts, { hasCart: random.chance(spec.cartShare), hasWishlist: random.chance(spec.wishlistShare) });
  }
  if (!draft.store) return;
  const storeVisits = random.poisson(0.5 * spec.channelWeights[2] * activeMonths);
  for (let i = 0; i < storeVisits; i++) storeVisit(draft, drawInstant(context.calendar, random, { ...span, isStore: true }));
}

/** Active time in "average months", weighted by seasonal intensity. */
function intensityMonths(draft: CustomerDraft): number {
  return intensityBetween(draft.context.calendar, draft.life.activeFrom, draft.life.activeTo) / AVERAGE_MONTH_DAYS;
}

/** Drops what fell outside the period, sorts by time, derives the final profile attributes. */
function finish(draft: CustomerDraft): DemoCustomer {
  const { startMs, endMs } = draft.context.calendar;
  // Nothing happens before registration (e.g. an earlier cart visit drawn for the first order).
  const events = sortedWithin(draft.events, Math.max(startMs, draft.life.signupAt), endMs);
  const customer = draft.identity.customer;
  customer.signupAt = draft.life.signupAt;
  customer.attrs = {
    acquisition: draft.identity.acquisition,
    demo_profile: draft.profile,
    loyalty_tier: loyaltyTier(draft.hasLoyaltyCard, events),
  };
  return { customer, events };
}

/** Card holders' tier by spend within the period; customers without a card have none. */
function loyaltyTier(hasCard: boolean, events: readonly CrmEvent[]): string {
  if (!hasCard) return 'none';
  let spend = 0;
  for (const event of events) if (event.type === 'order') spend += event.amount ?? 0;
  if (spend >= 60_000) return 'gold';
  return spend >= 20_000 ? 'silver' : 'bronze';
}
