import { createTimelineReader, dictValue, timelineBlock, timelineRow, type CustomerBlock, type EventBlock } from '../columnar';
import { CONSENT_CHANNELS, unsubscribedChannel } from '../model';
import { UNSUBSCRIBE_EVENT } from '../simulation/plan';
import { compileConditionParts, eventTypeTable, newCustomerMoment, type AudienceConditions, type CustomerMoment, type EventTypeTable, type SegmentSource } from '../conditions';
import type { ConditionGroup } from '../conditions/types';
import { profileLocator } from '../simulation/runShard';
import { createSegmentSource, customerCountOf } from '../simulation/segmentSource';
import { lastPlausibleInstant, type SimulationSettings } from '../simulation/settings';
import { formatEpochDay, isoDateToDayNumber, localDayNumber, startOfLocalDay } from '../time';

/**
 * Who a saved audience keeps as of a date, over the columnar store directly: one timeline
 * reader walks the customers in index order (no per-event objects), each customer is one
 * `CustomerMoment` whose visible events end with the date, and the condition is THE evaluator
 * of the condition language — the same one the simulator runs, so a chain's audience trigger
 * at the end of a day keeps exactly these customers.
 *
 * "As of D" is the end of local day D in the workspace's zone: every event of D counts, "in
 * the last N days" is days D−N … D, "days since the last order" counts from D, and RFM reads
 * the nightly scores of the end of D−1 (the language's rule for segments). The default D is the
 * day of the last event (placeholders such as 9999-12-31 left out).
 */
export interface AudienceData {
  customers: readonly CustomerBlock[];
  events: readonly EventBlock[];
  eventTypes: readonly string[];
}

/** How RFM segments and journey stages are computed: the workspace's Segments and Journey settings. */
export type AudienceSegmentSettings = Pick<SimulationSettings, 'timeZone' | 'rfm' | 'journey'>;

/** The data read once for many counts: the event-type table, the customer count, RFM and journey state built on first need. */
export interface PreparedAudienceData {
  data: AudienceData;
  types: EventTypeTable;
  customerCount: number;
  timeZone: string;
  /** the last real event (NaN: no events) */
  lastEventTs: number;
  segments(): SegmentSource;
}

export function prepareAudienceData(data: AudienceData, settings: AudienceSegmentSettings, now: number = Date.now()): PreparedAudienceData {
  let segments: SegmentSource | null = null;
  const lastEventTs = lastPlausibleInstant(data.events.map((block) => block.ts.subarray(0, block.count)), now);
  return {
    data,
    types: eventTypeTable(data.eventTypes),
    customerCount: customerCountOf(data.customers, data.events),
    timeZone: settings.timeZone,
    lastEventTs: Number.isFinite(lastEventTs) ? lastEventTs : Number.NaN,
    segments: () => (segments ??= createSegmentSource(data.customers, data.events, data.eventTypes, settings, null)),
  };
}

/** The as-of day: the date asked for ('YYYY-MM-DD'), else the day of the last event, else null (no events, no date). */
export function audienceAsOfDay(prepared: PreparedAudienceData, asOf: string | null): number | null {
  if (asOf) {
    const day = isoDateToDayNumber(asOf);
    return Number.isFinite(day) ? day : null;
  }
  return Number.isFinite(prepared.lastEventTs) ? localDayNumber(prepared.lastEventTs, prepared.timeZone) : null;
}

/** The instant "as of the end of day D": the last millisecond of D in the zone. */
export function endOfLocalDay(day: number, timeZone: string): number {
  return startOfLocalDay(day + 1, timeZone) - 1;
}

export interface AudienceEvaluation {
  /** 'YYYY-MM-DD' of the as-of day */
  asOf: string;
  customerCount: number;
  size: number;
  /** 1 = member, by customer index */
  members: Uint8Array;
  /** how many customers each part keeps on its own (paths as in validation: `items.0`, `items.1.items.0`) */
  parts: { path: string; count: number }[];
}

export interface EvaluateOptions {
  /** 'YYYY-MM-DD'; null: the end of the data */
  asOf: string | null;
  /** the saved audiences `audience` conditions may name */
  audiences?: AudienceConditions;
  /** the id of the audience being evaluated (naming itself keeps nobody) */
  selfId?: string;
  /** called every few thousand customers; true stops (the answer is then not wanted) */
  isCancelled?: () => boolean;
}

export class AudienceCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Visits every customer as of `now` with one reused moment (visible events = those up to `now`,
 * the profile row found): the audience count, its export and its profile all read customers so.
 */
export function walkCustomersAsOf(prepared: PreparedAudienceData, now: number, segments: SegmentSource | null, visit: (moment: CustomerMoment) => void, isCancelled?: () => boolean): void {
  const moment = newCustomerMoment(prepared.timeZone, segments, now);
  const reader = createTimelineReader(prepared.data.events, prepared.data.eventTypes);
  const locate = profileLocator(prepared.data.customers);
  const unsubscribeType = prepared.types.indexOf(UNSUBSCRIBE_EVENT);
  for (let c = 0; c < prepared.customerCount; c++) {
    if ((c & 4095) === 4095 && isCancelled?.()) throw new AudienceCancelled();
    const timeline = reader.read(c);
    let visible = timeline.start;
    // an unsubscribe withdraws that channel's consent from then on, as it does in a chain run
    let revoked = 0;
    for (; visible < timeline.end && timeline.ts[visible]! <= now; visible++) {
      if (timeline.type[visible] !== unsubscribeType) continue;
      const column = timelineBlock(timeline, visible).props.channel;
      revoked |= 1 << CONSENT_CHANNELS.indexOf(unsubscribedChannel(column ? dictValue(column, timelineRow(timeline, visible)) : undefined));
    }
    moment.revokedConsents = revoked;
    const found = locate(c);
    moment.customer = c;
    moment.timeline = timeline;
    moment.visible = visible;
    moment.profile = found.block;
    moment.profileRow = found.row;
    visit(moment);
  }
}

/** The instant an evaluation as of `asOf` reads up to (the end of that day, else of the data's last day) and that day. */
export function asOfInstant(prepared: PreparedAudienceData, asOf: string | null): { day: number; now: number } {
  const day = audienceAsOfDay(prepared, asOf) ?? localDayNumber(Date.now(), prepared.timeZone);
  return { day, now: endOfLocalDay(day, prepared.timeZone) };
}

/** Members and per-part counts of `condition` as of a date (see the module's doc). */
export function evaluateAudience(prepared: PreparedAudienceData, condition: ConditionGroup, options: EvaluateOptions): AudienceEvaluation {
  const { day, now } = asOfInstant(prepared, options.asOf);
  const { whole, parts } = compileConditionParts(condition, prepared.types, { ...(options.audiences ? { audiences: options.audiences } : {}), ...(options.selfId ? { selfId: options.selfId } : {}) });
  const needsSegments = whole.needsSegments || parts.some((part) => part.condition.needsSegments);
  const members = new Uint8Array(prepared.customerCount);
  const counts = new Array<number>(parts.length).fill(0);
  let size = 0;
  walkCustomersAsOf(prepared, now, needsSegments ? prepared.segments() : null, (moment) => {
    if (whole.test(moment)) {
      members[moment.customer] = 1;
      size++;
    }
    for (let p = 0; p < parts.length; p++) if (parts[p]!.condition.test(moment)) counts[p]!++;
  }, options.isCancelled);
  return { asOf: formatEpochDay(day), customerCount: prepared.customerCount, size, members, parts: parts.map((part, index) => ({ path: part.path, count: counts[index]! })) };
}
