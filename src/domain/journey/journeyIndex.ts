import { ORDER_EVENT } from '../model';
import { localDayNumber } from '../time';
import { EVENT_FLAG_NPS_PROMOTER, type JourneyData } from './journeyData';
import { lifecycleStatus, type LifecycleSettings, type LifecycleStatus } from './lifecycle';
import { STAGE_RULES, type StageMapping, type StageRule } from './stageMapping';

/**
 * What the journey functions need per customer, prepared once for a (data, mapping, lifecycle
 * settings, time zone): the first instant each stage was reached and the order timestamps.
 * Then the state of any customer as of any instant is a few array reads and one binary search
 * (`journeyStateAt`), cheap enough for chain filters and triggers to call per event.
 *
 * "As of `at`" means: every event strictly before the instant `at` counts, nothing at or after
 * it does (no look-ahead). For a calendar date D that is the start of D in the workspace's time
 * zone (`asOfInstant`); day counts use the local day of `at`, i.e. D.
 */
export interface JourneyIndex {
  data: JourneyData;
  mapping: StageMapping;
  stageIds: string[];
  stageCount: number;
  lifecycle: LifecycleSettings;
  timeZone: string;
  /** stage index of each event type (by type index), -1 when unassigned */
  typeStage: Int16Array;
  ruleStage: Record<StageRule, number>;
  /** first instant customer c reached stage s at [c * stageCount + s]; +Infinity = never */
  firstReach: Float64Array;
  /** min(first event, profile sign-up) per customer; NaN when it has neither */
  firstKnown: Float64Array;
  /** customer c's orders are orderTs[orderOffsets[c] .. orderOffsets[c+1]-1], oldest first */
  orderOffsets: Int32Array;
  orderTs: Float64Array;
  /** local day number of each order */
  orderDay: Int32Array;
}

export function prepareJourney(data: JourneyData, mapping: StageMapping, lifecycle: LifecycleSettings, timeZone: string): JourneyIndex {
  const stageIds = mapping.stages.map((stage) => stage.id);
  const stageOf = (item: string) => (Object.hasOwn(mapping.assignments, item) ? stageIds.indexOf(mapping.assignments[item]!) : -1);
  const orderType = data.eventTypes.indexOf(ORDER_EVENT);
  const typeStage = Int16Array.from(data.eventTypes, (type, index) => (index === orderType ? -1 : stageOf(type)));
  const ruleStage = Object.fromEntries(STAGE_RULES.map((rule) => [rule, stageOf(rule)])) as Record<StageRule, number>;
  let orders = 0;
  if (orderType >= 0) for (let i = 0; i < data.type.length; i++) if (data.type[i] === orderType) orders++;
  const index: JourneyIndex = {
    data,
    mapping,
    stageIds,
    stageCount: stageIds.length,
    lifecycle,
    timeZone,
    typeStage,
    ruleStage,
    firstReach: new Float64Array(data.customerCount * stageIds.length).fill(Number.POSITIVE_INFINITY),
    firstKnown: new Float64Array(data.customerCount),
    orderOffsets: new Int32Array(data.customerCount + 1),
    orderTs: new Float64Array(orders),
    orderDay: new Int32Array(orders),
  };
  let nextOrder = 0;
  for (let c = 0; c < data.customerCount; c++) {
    index.orderOffsets[c] = nextOrder;
    nextOrder = indexCustomer(index, c, orderType, nextOrder);
  }
  index.orderOffsets[data.customerCount] = nextOrder;
  return index;
}

/** Fills one customer's first-reach times and orders; returns the next free order slot. */
function indexCustomer(index: JourneyIndex, c: number, orderType: number, nextOrder: number): number {
  const { data, typeStage, ruleStage, firstReach } = index;
  const base = c * index.stageCount;
  const from = data.offsets[c]!;
  const to = data.offsets[c + 1]!;
  const signup = data.signupAt?.[c] ?? Number.NaN;
  const firstEvent = from < to ? data.ts[from]! : Number.NaN;
  const known = Number.isNaN(signup) ? firstEvent : Number.isNaN(firstEvent) ? signup : Math.min(signup, firstEvent);
  index.firstKnown[c] = known;
  if (ruleStage['@first_event'] >= 0 && !Number.isNaN(known)) reach(firstReach, base + ruleStage['@first_event'], known);
  let orderNumber = 0;
  for (let i = from; i < to; i++) {
    const ts = data.ts[i]!;
    const type = data.type[i]!;
    if (type === orderType) {
      orderNumber++;
      index.orderTs[nextOrder] = ts;
      index.orderDay[nextOrder++] = localDayNumber(ts, index.timeZone);
      const rule = orderNumber === 1 ? ruleStage['@first_order'] : orderNumber === 2 ? ruleStage['@repeat_order'] : -1;
      if (rule >= 0) reach(firstReach, base + rule, ts);
      continue;
    }
    const stage = typeStage[type] ?? -1;
    if (stage >= 0) reach(firstReach, base + stage, ts);
    if (data.flags[i]! & EVENT_FLAG_NPS_PROMOTER && ruleStage['@nps_promoter'] >= 0) reach(firstReach, base + ruleStage['@nps_promoter'], ts);
  }
  return nextOrder;
}

function reach(firstReach: Float64Array, slot: number, ts: number): void {
  if (ts < firstReach[slot]!) firstReach[slot] = ts;
}

/**
 * Whether the customer is known as of `at`: has an event or a profile sign-up before it. A bare
 * profile with neither has no date to place it in time, so it is never counted as of a date
 * (counting it "always" would let a later first event change the past). `withoutDate` counts them.
 */
export function isKnownAt(index: JourneyIndex, c: number, at: number): boolean {
  return index.firstKnown[c]! < at;
}

/** Customers with no event and no sign-up: never placed in a stage or status. */
export function customersWithoutDate(index: JourneyIndex): number {
  let count = 0;
  for (let c = 0; c < index.data.customerCount; c++) if (Number.isNaN(index.firstKnown[c]!)) count++;
  return count;
}

/** The furthest stage reached before `at` (index into stageIds), -1 for none. */
export function furthestStageAt(index: JourneyIndex, c: number, at: number): number {
  const base = c * index.stageCount;
  for (let s = index.stageCount - 1; s >= 0; s--) if (index.firstReach[base + s]! < at) return s;
  return -1;
}

/** Number of the customer's orders before `at`. */
export function ordersBefore(index: JourneyIndex, c: number, at: number): number {
  const from = index.orderOffsets[c]!;
  let low = from;
  let high = index.orderOffsets[c + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (index.orderTs[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low - from;
}

/** The lifecycle status before `at`, whose local day is `asOfDay`; null when the customer is not known yet. */
export function lifecycleAt(index: JourneyIndex, c: number, at: number, asOfDay: number): LifecycleStatus | null {
  if (!isKnownAt(index, c, at)) return null;
  const orders = ordersBefore(index, c, at);
  if (orders === 0) return 'prospect';
  const first = index.orderOffsets[c]!;
  const lastDay = index.orderDay[first + orders - 1]!;
  return lifecycleStatus({ orders, daysSinceLastOrder: asOfDay - lastDay, daysFirstToLastOrder: lastDay - index.orderDay[first]! }, index.lifecycle);
}

export interface JourneyState {
  /** false before the customer's first event or sign-up: no stage, no status */
  isKnown: boolean;
  /** index into the mapping's stages, -1 for none */
  stage: number;
  stageId: string | null;
  lifecycle: LifecycleStatus | null;
  orders: number;
  lastOrderTs: number | null;
  daysSinceLastOrder: number | null;
}

let memo = { at: Number.NaN, timeZone: '', day: 0 };

function asOfDayOf(at: number, timeZone: string): number {
  if (memo.at !== at || memo.timeZone !== timeZone) memo = { at, timeZone, day: localDayNumber(at, timeZone) };
  return memo.day;
}

/**
 * THE journey function: a customer's stage and lifecycle status as of the instant `at`
 * (events strictly before `at`). Cheap: prepare the index once, call this as often as needed.
 */
export function journeyStateAt(index: JourneyIndex, customer: number, at: number): JourneyState {
  if (customer < 0 || customer >= index.data.customerCount) {
    return { isKnown: false, stage: -1, stageId: null, lifecycle: null, orders: 0, lastOrderTs: null, daysSinceLastOrder: null };
  }
  const asOfDay = asOfDayOf(at, index.timeZone);
  const isKnown = isKnownAt(index, customer, at);
  const stage = isKnown ? furthestStageAt(index, customer, at) : -1;
  const orders = ordersBefore(index, customer, at);
  const last = index.orderOffsets[customer]! + orders - 1;
  return {
    isKnown,
    stage,
    stageId: stage >= 0 ? index.stageIds[stage]! : null,
    lifecycle: lifecycleAt(index, customer, at, asOfDay),
    orders,
    lastOrderTs: orders ? index.orderTs[last]! : null,
    daysSinceLastOrder: orders ? asOfDay - index.orderDay[last]! : null,
  };
}
