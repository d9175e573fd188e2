import type { CustomerBlock, CustomerTimeline } from '../columnar';
import type { JourneyState } from '../journey/journeyIndex';
import type { RfmAsOf } from '../rfm/asOf';

/**
 * A customer at a moment, as condition evaluation sees it (types.ts states the semantics). The
 * simulator fills one of these per customer and moves `now` and `visible` forward as its clock
 * runs; a saved-audience count (issue 15) fills it once per customer with `visible` = the events
 * before the date. Nothing here is copied per evaluation: the fields point into the columnar data.
 */
export interface CustomerMoment {
  customer: number;
  /** the instant of evaluation (ms UTC) */
  now: number;
  /** IANA zone of "in the last N days" and "days since": the chain's (or the workspace's) */
  timeZone: string;
  /** the customer's imported events; rows [timeline.start, visible) are known at `now` (nothing later is read) */
  timeline: CustomerTimeline;
  visible: number;
  /** events that are not in the imported data (the projection's), time order; [0, extraVisible) known */
  extra: ExtraEvents;
  extraVisible: number;
  /** where the current chain visit began: timeline / extra rows from here on are "since entering"; −1 outside a chain */
  entryVisible: number;
  entryExtraVisible: number;
  /** the customer's profile row, or null for a customer known only from events */
  profile: CustomerBlock | null;
  profileRow: number;
  /** consent channels withdrawn during the run (bit i = CONSENT_CHANNELS[i]): they read as "no" */
  revokedConsents: number;
  /** RFM and journey state as of a moment; null when no condition needs them */
  segments: SegmentSource | null;
}

/** Events that live beside the imported data (the projection's synthetic events), in time order. */
export interface ExtraEvents {
  length: number;
  ts: number[];
  /** index into the event-type table the conditions were compiled with */
  type: number[];
  /** NaN = none */
  amount: number[];
  props: Record<string, string>[];
}

export function emptyExtraEvents(): ExtraEvents {
  return { length: 0, ts: [], type: [], amount: [], props: [] };
}

/**
 * A moment outside any chain visit, before its customer is filled in: the simulator and the
 * saved-audience count each keep one and move it from customer to customer (no per-customer
 * allocation). `timeline` is set by the caller before the first test.
 */
export function newCustomerMoment(timeZone: string, segments: SegmentSource | null, now = 0): CustomerMoment {
  return {
    customer: -1,
    now,
    timeZone,
    timeline: null as unknown as CustomerTimeline,
    visible: 0,
    extra: emptyExtraEvents(),
    extraVisible: 0,
    entryVisible: -1,
    entryExtraVisible: -1,
    profile: null,
    profileRow: 0,
    revokedConsents: 0,
    segments,
  };
}

/**
 * RFM segments and journey state as known at an instant (no look-ahead): the simulator passes
 * one built from `createRfmEvaluator` and `prepareJourney`.
 */
export interface SegmentSource {
  /** Scores as recomputed nightly (the end of the previous local day); null = no purchases. `out`: filled and returned instead of a new object. */
  rfmAt(customer: number, ts: number, out?: RfmAsOf): RfmAsOf | null;
  /** segment id of each segment index of RfmAsOf.segment (the map's segments, then "others") */
  segmentIds: readonly string[];
  /** stage and lifecycle from the events strictly before `ts` */
  journeyAt(customer: number, ts: number): JourneyState;
}

/** The id an RFM segment index stands for; the index after the map's segments is "others". */
export const OTHERS_SEGMENT_ID = 'others';
