import type { ConditionGroup, EventMatch } from '../conditions/types';
import type { LifecycleStatus } from '../journey/lifecycle';

/**
 * The chain (journey) model — simulation.md is the spec. Everything here is plain JSON data:
 * a chain file's `chain`, a stored record and the editor's state are this same shape.
 */
export const NODE_KINDS = ['trigger', 'filter', 'split', 'timer', 'message', 'goal'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Canvas position of a node's top-left corner (React Flow coordinates, y grows downwards). */
export interface Position {
  x: number;
  y: number;
}

interface NodeBase {
  /** Unique in the chain; edges refer to it. */
  id: string;
  position: Position;
  /** The user's own title for the card; '' shows the plain-words summary instead. */
  label: string;
}

// ---------------------------------------------------------------- trigger

/** The customer does an event of `event.types` (at least one) that meets `event.where` (amount / props). */
export interface EventTrigger {
  type: 'event';
  event: EventMatch;
}

/**
 * No event of `event` for `days` days: enters when the days run out (N × 24 h after the last
 * matching event), re-armed by the next one. `event.types` empty = no activity of any kind. The
 * clock starts at the customer's last matching event: someone who never did it does not enter
 * (reach them with a segment or audience trigger).
 */
export interface InactivityTrigger {
  type: 'inactivity';
  event: EventMatch;
  days: number;
}

/**
 * Relative to a date field of the profile: `birthDate`, `signupAt` or `attrs.<column>` holding a
 * date. Enters on (date + offsetDays) at `localTime` in the chain's time zone; `yearly` repeats on
 * the anniversary (29 February → 28 February in other years), `once` uses the date itself.
 */
export interface DateTrigger {
  type: 'date';
  field: string;
  /** negative = days before, positive = days after */
  offsetDays: number;
  /** 'HH:mm', local */
  localTime: string;
  repeat: 'yearly' | 'once';
}

/** A segment a customer can enter: RFM segment (id in the workspace's map), lifecycle status or journey stage. */
export type SegmentRef =
  | { type: 'rfmSegment'; segment: string }
  | { type: 'lifecycle'; status: LifecycleStatus }
  | { type: 'stage'; stage: string };

/** Enters when the customer comes into the segment (membership re-evaluated daily). */
export interface SegmentTrigger {
  type: 'segment';
  segment: SegmentRef;
}

/**
 * Who a one-off send goes to: customers matching a condition, or (issue 15) a saved audience by
 * id — `name` is kept so a file stays readable where the audience does not exist.
 */
export type AudienceRef = { type: 'condition'; condition: ConditionGroup } | { type: 'saved'; audienceId: string; name: string };

/**
 * When an audience trigger lets customers in:
 * - `once`: a one-off send — everyone in the audience at `at` enters, once;
 * - `joins`: a customer enters when they join the audience. Membership is re-evaluated at every
 *   local midnight of the run (as a segment trigger's), as of the day that just ended — the same
 *   answer the Audiences screen gives for that date; whoever is in it when the period starts has
 *   not "joined".
 */
export const AUDIENCE_TRIGGER_MODES = ['once', 'joins'] as const;
export type AudienceTriggerMode = (typeof AUDIENCE_TRIGGER_MODES)[number];

/**
 * Customers of `audience` enter once at `at` or when they join it (`mode`). Chains written before
 * `mode` existed read as `once`, what they meant. `at` ('YYYY-MM-DDTHH:mm', local to the chain's
 * time zone) is the one-off send's time; a `joins` trigger keeps it unused, so switching back
 * restores it.
 */
export interface AudienceTrigger {
  type: 'audience';
  audience: AudienceRef;
  mode: AudienceTriggerMode;
  at: string;
}

export type TriggerRule = EventTrigger | InactivityTrigger | DateTrigger | SegmentTrigger | AudienceTrigger;
export type TriggerType = TriggerRule['type'];
export const TRIGGER_TYPES = ['event', 'inactivity', 'date', 'segment', 'audience'] as const satisfies readonly TriggerType[];

export interface TriggerNode extends NodeBase {
  kind: 'trigger';
  trigger: TriggerRule;
}

// ---------------------------------------------------------------- filter

/** Evaluated the moment the customer arrives; leaves by `yes` or `no`. */
export interface FilterNode extends NodeBase {
  kind: 'filter';
  condition: ConditionGroup;
}

// ---------------------------------------------------------------- split

/** One branch of a random split; its `id` is the port name. A holdout branch's customers receive nothing downstream. */
export interface SplitBranch {
  id: string;
  label: string;
  /** percent of the split's entrants; a valid split's weights add up to 100 */
  weight: number;
  isHoldout: boolean;
}

export interface SplitNode extends NodeBase {
  kind: 'split';
  branches: SplitBranch[];
}

// ---------------------------------------------------------------- timer

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Elapsed time: a day is 24 h (across a DST change the local clock moves by an hour; use `until` for local times). */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly Weekday[];

/** A local time window on some weekdays, `from` < `to` ('HH:mm', same day). */
export interface TimeWindow {
  from: string;
  to: string;
  weekdays: Weekday[];
}

/**
 * - delay: waits `duration`;
 * - until: leaves at once inside the window, else at the start of the next window;
 * - waitFor: leaves by `happened` at the time of the first matching event after arrival, or by
 *   `timeout` when `timeout` has passed without one.
 */
export type TimerRule =
  | { type: 'delay'; duration: Duration }
  | { type: 'until'; window: TimeWindow }
  | { type: 'waitFor'; event: EventMatch; timeout: Duration };
export type TimerType = TimerRule['type'];
export const TIMER_TYPES = ['delay', 'until', 'waitFor'] as const satisfies readonly TimerType[];

export interface TimerNode extends NodeBase {
  kind: 'timer';
  timer: TimerRule;
}

// ---------------------------------------------------------------- message

export const MESSAGE_CHANNELS = ['email', 'sms', 'push', 'whatsapp', 'telegram', 'in_app'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** `subject` is the email subject / push or in-app title (unused by SMS and messengers); fields as `{{firstName|friend}}`. */
export interface MessageContent {
  subject: string;
  body: string;
}

export const OFFER_TYPES = ['discount_percent', 'discount_amount', 'bonus_points', 'free_shipping', 'gift'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

/** What the message offers; `value` is a percent, a money amount or points (0 for free shipping / gift); `code` a promo code or ''. */
export interface Offer {
  type: OfferType;
  value: number;
  code: string;
}

/**
 * Projection assumptions, each a fraction 0…1 of the step before it: delivered of sent, opened
 * of delivered, clicked of opened (CTOR), converted (placed an order) of clicked, unsubscribed of
 * delivered. Channels without open tracking use opened = 1.
 */
export interface ResponseRates {
  delivered: number;
  opened: number;
  clicked: number;
  converted: number;
  unsubscribed: number;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  /** null until chosen (a finding says so) */
  channel: MessageChannel | null;
  content: MessageContent;
  offer: Offer | null;
  /** money per message sent */
  cost: number;
  /** null = the channel's defaults (CHANNEL_DEFAULT_RESPONSES) */
  responses: ResponseRates | null;
  /** projected order value for a customer without orders of their own; null = the workspace's average */
  orderValue: number | null;
  /** when a guard stops the message (no consent, no contact, cap, quiet hours drop): go on or leave the chain */
  onSuppressed: 'continue' | 'exit';
}

// ---------------------------------------------------------------- goal

/** Ends the path: `goal` counts as reaching the chain's purpose, `exit` just ends it. */
export interface GoalNode extends NodeBase {
  kind: 'goal';
  outcome: 'goal' | 'exit';
}

export type ChainNode = TriggerNode | FilterNode | SplitNode | TimerNode | MessageNode | GoalNode;
export type NodeOfKind<K extends NodeKind> = Extract<ChainNode, { kind: K }>;

// ---------------------------------------------------------------- edges, notes, settings

/** From an out-port of `source` to the (single) input of `target`. */
export interface ChainEdge {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
}

/** A sticky note on the canvas; it is not part of the graph. */
export interface CanvasNote {
  id: string;
  text: string;
  position: Position;
  width: number;
  height: number;
}

export const RE_ENTRY_MODES = ['once', 'afterExit', 'cooldown'] as const;
export type ReEntryMode = (typeof RE_ENTRY_MODES)[number];

export interface ChainSettings {
  /** once ever · again after leaving · again `cooldownDays` after leaving (kept while another mode is chosen) */
  reEntry: { mode: ReEntryMode; cooldownDays: number };
  /** the goal event (e.g. `order`), its attribution window after a message, and whether it ends the chain anywhere */
  goal: { isEnabled: boolean; event: EventMatch; attributionDays: number; exitOnGoal: boolean };
  /** percent of entrants who receive nothing and still walk the chain (for counting) */
  controlGroupPercent: number;
  /** at most `messages` per customer per `days` — rolling window, or calendar days in the time zone — across all chains of a run */
  frequencyCap: { isEnabled: boolean; messages: number; days: number; window: 'rolling' | 'calendar' };
  /** messages due between `from` and `to` (local, may wrap midnight: 22:00–09:00) wait until `to`, or are dropped */
  quietHours: { isEnabled: boolean; from: string; to: string; mode: 'wait' | 'drop' };
  /** IANA zone for local times; null = the workspace's zone */
  timeZone: string | null;
}

export interface Chain {
  id: string;
  name: string;
  /** the journey stage the chain serves (a stage id of the workspace's mapping), or null */
  stage: string | null;
  /** free text; templates put the textbook rule they follow here */
  description: string;
  /** the built-in template it was made from, or null */
  templateId: string | null;
  settings: ChainSettings;
  nodes: ChainNode[];
  edges: ChainEdge[];
  notes: CanvasNote[];
}
