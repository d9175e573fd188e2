import type { ConsentChannel } from '../model';
import type { LifecycleStatus } from '../journey/lifecycle';

/**
 * The condition language shared by chain filters, triggers, goals and (issue 15) saved
 * audiences. It describes WHO or WHICH EVENT matches, never how to compute it: the simulator
 * evaluates it over the columnar data, as of the simulated moment (no look-ahead).
 *
 * Two layers:
 * - event conditions (`EventCondition`) test one event: its `amount` or one of its `props`;
 *   an `EventMatch` = event types (OR) + event conditions (AND);
 * - customer conditions (`Condition`) test a customer at a moment, combined in AND / OR groups
 *   (`ConditionGroup`, nestable up to MAX_GROUP_DEPTH).
 *
 * Semantics every evaluator must follow (also in the doc of each type):
 * - text comparisons are exact after trimming, case-insensitive (`contains` too);
 * - `gt/gte/lt/lte` on a text field compare numbers when both sides parse as numbers, else
 *   ISO dates/text in code-point order (so `birthDate` > "1990-01-01" works);
 * - "in the last N days" counts local calendar days in the chain's time zone: as of day D the
 *   window is days D−N … D (today included, up to the moment of evaluation);
 * - `days: null` means "all history up to now";
 * - scores are ChainLab's internal scores, higher = better (5 = most recent / most frequent /
 *   biggest spender at 5 levels), whatever the display convention.
 */

/** Numeric comparison. `between` is inclusive on both ends and needs `to`. */
export const NUMBER_OPS = ['gte', 'gt', 'lte', 'lt', 'eq', 'neq', 'between'] as const;
export type NumberOp = (typeof NUMBER_OPS)[number];

export interface NumberTest {
  op: NumberOp;
  value: number;
  /** upper bound, `between` only */
  to?: number;
}

/**
 * Comparisons on a text value (profile field, customer attribute, event prop).
 * eq / neq take one or more values ("is one of" / "is none of"); contains / startsWith one or
 * more (any of them); isSet / isNotSet none; gt / gte / lt / lte exactly one.
 */
export const FIELD_OPS = ['eq', 'neq', 'contains', 'notContains', 'startsWith', 'isSet', 'isNotSet', 'gt', 'gte', 'lt', 'lte'] as const;
export type FieldOp = (typeof FIELD_OPS)[number];
export const VALUELESS_FIELD_OPS: readonly FieldOp[] = ['isSet', 'isNotSet'];
export const SINGLE_VALUE_FIELD_OPS: readonly FieldOp[] = ['gt', 'gte', 'lt', 'lte'];

export const SET_OPS = ['in', 'notIn'] as const;
export type SetOp = (typeof SET_OPS)[number];

// ---------------------------------------------------------------- event conditions

/** The event's amount (orders, returns). An event without an amount never matches. */
export interface AmountCondition {
  type: 'amount';
  compare: NumberTest;
}

/** One prop of the event (`category`, `sku`, `channel` …). */
export interface PropCondition {
  type: 'prop';
  key: string;
  op: FieldOp;
  values: string[];
}

export type EventCondition = AmountCondition | PropCondition;
export type EventConditionType = EventCondition['type'];

/**
 * Which events count: any of `types` (an empty list = an event of any type), each satisfying
 * every condition of `where`.
 */
export interface EventMatch {
  types: string[];
  where: EventCondition[];
}

// ---------------------------------------------------------------- customer conditions

/**
 * A profile field: `email`, `phone`, `telegramId`, `pushToken`, `firstName`, `lastName`, `city`,
 * `gender`, `birthDate` (YYYY-MM-DD), `signupAt` (compared as an ISO date), or any other source
 * column as `attrs.<column>`.
 */
export interface FieldCondition {
  type: 'field';
  field: string;
  op: FieldOp;
  values: string[];
}

export const CONSENT_STATES = ['yes', 'no', 'unknown'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** The customer's consent for a channel is one of `states`. */
export interface ConsentCondition {
  type: 'consent';
  channel: ConsentChannel;
  states: ConsentState[];
}

/** Has (or lacks) the contact a channel needs: email → email, sms / whatsapp → phone, push → push token, telegram → Telegram id. */
export interface ContactCondition {
  type: 'contact';
  channel: ConsentChannel;
  isPresent: boolean;
}

/** In (or not in) one of the RFM segments, by segment id of the workspace's segment map, as of the day before (segments are computed nightly). */
export interface RfmSegmentCondition {
  type: 'rfmSegment';
  op: SetOp;
  segments: string[];
}

export const RFM_SCORES = ['r', 'f', 'm', 'fm'] as const;
export type RfmScoreName = (typeof RFM_SCORES)[number];

/** An RFM score (internal, higher = better); `fm` = ceil((F + M) / 2). A customer without purchases has no scores and never matches. */
export interface RfmScoreCondition {
  type: 'rfmScore';
  score: RfmScoreName;
  compare: NumberTest;
}

export interface LifecycleCondition {
  type: 'lifecycle';
  op: SetOp;
  statuses: LifecycleStatus[];
}

/** The customer's journey stage (the furthest stage reached, rfm-cjm.md), by stage id. */
export interface StageCondition {
  type: 'stage';
  op: SetOp;
  stages: string[];
}

/** Did `event` at least / at most `count` times in the last `days` days (null: ever). */
export interface EventCountCondition {
  type: 'eventCount';
  event: EventMatch;
  op: 'atLeast' | 'atMost';
  count: number;
  days: number | null;
}

/** Did (or did not do) `event` since entering the chain. Only meaningful inside a chain. */
export interface EventSinceEntryCondition {
  type: 'eventSinceEntry';
  event: EventMatch;
  happened: boolean;
}

/** Net spend (orders minus returns) in the last `days` days (null: ever). */
export interface TotalSpendCondition {
  type: 'totalSpend';
  compare: NumberTest;
  days: number | null;
}

/** Orders (returns do not count) in the last `days` days (null: ever). */
export interface OrderCountCondition {
  type: 'orderCount';
  compare: NumberTest;
  days: number | null;
}

/** Whole local days since the last order. A customer who never ordered never matches (use orderCount = 0 for them). */
export interface DaysSinceLastOrderCondition {
  type: 'daysSinceLastOrder';
  compare: NumberTest;
}

/**
 * Net spend in a category: orders minus |returns| whose prop `key` (usually `category`) is one
 * of `values` (exact after trimming, case-insensitive, as `eq`), in the last `days` days (null:
 * ever). An order without that prop counts for no category.
 */
export interface CategorySpendCondition {
  type: 'categorySpend';
  key: string;
  values: string[];
  compare: NumberTest;
  days: number | null;
}

/**
 * Whole local days since the last event matching `event` (e.g. an app session, an email open).
 * A customer who never did it never matches (use eventCount ≤ 0 for them).
 */
export interface DaysSinceLastEventCondition {
  type: 'daysSinceLastEvent';
  event: EventMatch;
  compare: NumberTest;
}

/**
 * In (or not in) a saved audience, by id; `name` is its name when the condition was written,
 * shown when the audience is gone. Evaluated as the audience's own condition at the same moment
 * (so as of the same date, no look-ahead). An audience that is unknown to the evaluator, or that
 * would include itself through others, keeps nobody either way (validation says why).
 */
export interface AudienceCondition {
  type: 'audience';
  op: SetOp;
  audienceId: string;
  name: string;
}

export const GROUP_OPS = ['and', 'or'] as const;
export type GroupOp = (typeof GROUP_OPS)[number];

/** AND / OR of its items. An empty group is "no condition yet" and is reported by validation. */
export interface ConditionGroup {
  type: 'group';
  op: GroupOp;
  items: Condition[];
}

export type LeafCondition =
  | FieldCondition
  | ConsentCondition
  | ContactCondition
  | RfmSegmentCondition
  | RfmScoreCondition
  | LifecycleCondition
  | StageCondition
  | EventCountCondition
  | EventSinceEntryCondition
  | TotalSpendCondition
  | OrderCountCondition
  | DaysSinceLastOrderCondition
  | CategorySpendCondition
  | DaysSinceLastEventCondition
  | AudienceCondition;

export type Condition = LeafCondition | ConditionGroup;
export type ConditionType = Condition['type'];
export type LeafConditionType = LeafCondition['type'];

export const LEAF_CONDITION_TYPES = [
  'field',
  'consent',
  'contact',
  'rfmSegment',
  'rfmScore',
  'lifecycle',
  'stage',
  'eventCount',
  'eventSinceEntry',
  'totalSpend',
  'orderCount',
  'daysSinceLastOrder',
  'categorySpend',
  'daysSinceLastEvent',
  'audience',
] as const satisfies readonly LeafConditionType[];

/** Groups nest at most this deep (the top group is depth 1): enough for (A and B) or (C and (D or E)). */
export const MAX_GROUP_DEPTH = 4;
export const MAX_CONDITION_VALUES = 500;

/** The profile fields a condition or a message may name, besides `attrs.<column>`. */
export const PROFILE_FIELDS = [
  'email',
  'phone',
  'telegramId',
  'pushToken',
  'firstName',
  'lastName',
  'city',
  'gender',
  'birthDate',
  'signupAt',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const ATTR_PREFIX = 'attrs.';
