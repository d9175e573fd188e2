import type { Condition, ConditionGroup } from '../conditions/types';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../journey/lifecycle';
import { consentState, hasContact, segmentIdAt, spendAndOrders } from '../conditions/evaluate';
import { CONSENT_CHANNELS, type ConsentChannel } from '../model/customer';
import { allOf, compare } from '../conditions/build';
import { asOfInstant, walkCustomersAsOf, type PreparedAudienceData } from './evaluate';

/**
 * An audience's profile next to the whole base (issue 15): how its members split by RFM
 * segment, lifecycle status and journey stage, how many each channel reaches (consent "yes" and
 * the contact the channel needs), and their orders, net revenue and average order value — all as
 * of the audience's date, read as the conditions read them (RFM from the nightly scores, stages
 * from the events before the moment). `NONE` counts those without a segment / status / stage.
 */
export const NONE = 'none';

export interface AudienceProfile {
  size: number;
  segments: Record<string, number>;
  lifecycle: Record<string, number>;
  stages: Record<string, number>;
  reachable: Record<ConsentChannel, number>;
  /** members with at least one order up to the date */
  buyers: number;
  orders: number;
  /** net of returns */
  revenue: number;
  /** revenue / orders; NaN without orders */
  averageOrder: number;
}

function emptyProfile(): AudienceProfile {
  return { size: 0, segments: {}, lifecycle: {}, stages: {}, reachable: Object.fromEntries(CONSENT_CHANNELS.map((channel) => [channel, 0])) as Record<ConsentChannel, number>, buyers: 0, orders: 0, revenue: 0, averageOrder: Number.NaN };
}

function add(counts: Record<string, number>, key: string | null): void {
  const name = key ?? NONE;
  counts[name] = (counts[name] ?? 0) + 1;
}

/** The profile of the members (1 = member, by customer index) and of the whole base, in one walk. */
export function audienceProfile(prepared: PreparedAudienceData, members: Uint8Array, asOf: string | null): { audience: AudienceProfile; base: AudienceProfile } {
  const { now } = asOfInstant(prepared, asOf);
  const audience = emptyProfile();
  const base = emptyProfile();
  walkCustomersAsOf(prepared, now, prepared.segments(), (moment) => {
    const journey = moment.segments!.journeyAt(moment.customer, now);
    const segment = segmentIdAt(moment);
    const purchases = spendAndOrders(moment, prepared.types, null);
    for (const profile of members[moment.customer] === 1 ? [audience, base] : [base]) {
      profile.size++;
      add(profile.segments, segment);
      add(profile.lifecycle, journey.lifecycle);
      add(profile.stages, journey.stageId);
      for (const channel of CONSENT_CHANNELS) if (consentState(moment, channel) === 'yes' && hasContact(moment, channel)) profile.reachable[channel]++;
      if (purchases.orders > 0) profile.buyers++;
      profile.orders += purchases.orders;
      profile.revenue += purchases.spend;
    }
  });
  for (const profile of [audience, base]) profile.averageOrder = profile.orders ? profile.revenue / profile.orders : Number.NaN;
  return { audience, base };
}

/** The three parts of two saved audiences' overlap, each a condition of the one language (so each can be opened as an audience): only A, both, only B. */
export function overlapConditions(a: { id: string; name: string }, b: { id: string; name: string }): { onlyA: ConditionGroup; both: ConditionGroup; onlyB: ConditionGroup } {
  const isIn = (audience: { id: string; name: string }) => ({ type: 'audience', op: 'in', audienceId: audience.id, name: audience.name }) as const;
  const isNotIn = (audience: { id: string; name: string }) => ({ type: 'audience', op: 'notIn', audienceId: audience.id, name: audience.name }) as const;
  return { onlyA: allOf(isIn(a), isNotIn(b)), both: allOf(isIn(a), isIn(b)), onlyB: allOf(isNotIn(a), isIn(b)) };
}

/** A row of the profile table that lists customers: buyers, a reachable channel, or one key of a breakdown. */
export type ProfileRow = { kind: 'buyers' } | { kind: 'reachable'; channel: ConsentChannel } | { kind: 'segments' | 'lifecycle' | 'stages'; key: string };

/**
 * The condition that keeps exactly the customers a profile row counts, in the one condition
 * language (so "the audience in this row" is the audience AND this, evaluated like any other).
 * The "none" row of a breakdown is "in none of the others the base has": a customer without a
 * segment / status / stage is in no set, and every member's key is one of the base's.
 */
export function profileRowCondition(row: ProfileRow, base: AudienceProfile): Condition {
  switch (row.kind) {
    case 'buyers':
      return { type: 'orderCount', compare: compare('gte', 1), days: null };
    case 'reachable':
      return allOf({ type: 'consent', channel: row.channel, states: ['yes'] }, { type: 'contact', channel: row.channel, isPresent: true });
    case 'segments':
    case 'lifecycle':
    case 'stages': {
      const isNone = row.key === NONE;
      const keys = isNone ? Object.keys(base[row.kind]).filter((key) => key !== NONE) : [row.key];
      const op = isNone ? 'notIn' : 'in';
      if (row.kind === 'segments') return { type: 'rfmSegment', op, segments: keys };
      if (row.kind === 'stages') return { type: 'stage', op, stages: keys };
      return { type: 'lifecycle', op, statuses: keys.filter(isLifecycleStatus) };
    }
  }
}

/** The audience's customers in a profile row: the audience's condition AND the row's. */
export function audienceInRow(audience: ConditionGroup, row: ProfileRow, base: AudienceProfile): ConditionGroup {
  return allOf(audience, profileRowCondition(row, base));
}

function isLifecycleStatus(key: string): key is LifecycleStatus {
  return (LIFECYCLE_STATUSES as readonly string[]).includes(key);
}
