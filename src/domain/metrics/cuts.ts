import { journeyStateAt, type JourneyIndex } from '../journey/journeyIndex';
import { LIFECYCLE_STATUSES } from '../journey/lifecycle';
import type { RfmAsOf, RfmEvaluator } from '../rfm/asOf';
import { noPurchasesCode } from '../rfm/summary';
import type { MetricsHistory } from './history';
import { computeTotals, ratio, type CustomerGrouping, type MetricsTotals, type MetricsWindow } from './totals';

/**
 * Cuts (metrics.md: "every figure can be cut by RFM segment, lifecycle status and journey stage
 * (as of D), and by a saved audience"): a cut is a `CustomerGrouping` — one group index per
 * customer, −1 for customers the cut leaves out — so any source of groups plugs in:
 * - `rfmSegmentGrouping`: the segment as of D from the RFM as-of evaluator;
 * - `lifecycleGrouping`, `journeyStageGrouping`: the status / furthest stage before D from the
 *   journey index (`journeyStateAt`);
 * - `membershipGrouping`: in / not in a set of customers — a saved audience (issue 15) is a set
 *   of customer indexes and needs nothing else.
 * `cutTotals` then totals every group in one pass and gives each group's share of buyers and
 * of net revenue ("Champions bring 48 % of revenue with 2 % of buyers"); `groupMembers` turns
 * one group into the `members` mask the cohort table takes.
 *
 * No look-ahead: "as of D" counts what happened before the start of D. RFM segments are
 * recomputed nightly, so the segment as of D is the one at the end of D − 1 (`scoreAsOfDay(c,
 * D − 1)`, i.e. `scoreAt(c, start of D)`); the journey functions take the instant of the start
 * of D directly.
 */
export interface Cut {
  grouping: CustomerGrouping;
  /** a stable key per group (segment id, status, stage id, `in` / `out`) */
  groupKeys: string[];
}

/** Segment codes as the RFM summary numbers them: the map's S segments, then Others, then No purchases. */
export function rfmSegmentGrouping(evaluator: RfmEvaluator, asOfDay: number, segmentCount: number): CustomerGrouping {
  const customerCount = evaluator.history.customerCount;
  const groupOf = new Int32Array(customerCount);
  const none = noPurchasesCode(segmentCount);
  const score = {} as RfmAsOf;
  for (let c = 0; c < customerCount; c++) {
    const result = evaluator.scoreAsOfDay(c, asOfDay - 1, score);
    groupOf[c] = result === null ? none : result.segment;
  }
  return { groupCount: segmentCount + 2, groupOf };
}

/** Lifecycle status (LIFECYCLE_STATUSES order) before the instant `at`; customers not known yet are left out. */
export function lifecycleGrouping(index: JourneyIndex, at: number): CustomerGrouping {
  const groupOf = new Int32Array(index.data.customerCount);
  for (let c = 0; c < groupOf.length; c++) {
    const status = journeyStateAt(index, c, at).lifecycle;
    groupOf[c] = status === null ? -1 : LIFECYCLE_STATUSES.indexOf(status);
  }
  return { groupCount: LIFECYCLE_STATUSES.length, groupOf };
}

/** Furthest journey stage before `at` (mapping order); known customers in no stage are group `stageCount`. */
export function journeyStageGrouping(index: JourneyIndex, at: number): CustomerGrouping {
  const groupOf = new Int32Array(index.data.customerCount);
  for (let c = 0; c < groupOf.length; c++) {
    const state = journeyStateAt(index, c, at);
    groupOf[c] = !state.isKnown ? -1 : state.stage < 0 ? index.stageCount : state.stage;
  }
  return { groupCount: index.stageCount + 1, groupOf };
}

/** Group 0: the members (customer indexes), group 1: everyone else. */
export function membershipGrouping(customerCount: number, members: Iterable<number>): CustomerGrouping {
  const groupOf = new Int32Array(customerCount).fill(1);
  for (const c of members) if (c >= 0 && c < customerCount) groupOf[c] = 0;
  return { groupCount: 2, groupOf };
}

/** The mask of one group, for `CohortOptions.members`. */
export function groupMembers(grouping: CustomerGrouping, group: number): Uint8Array {
  const members = new Uint8Array(grouping.groupOf.length);
  for (let c = 0; c < members.length; c++) if (grouping.groupOf[c] === group) members[c] = 1;
  return members;
}

/** A grouping sized for the history (customers beyond the cut's list are left out). */
export function fitGrouping(grouping: CustomerGrouping, customerCount: number): CustomerGrouping {
  if (grouping.groupOf.length === customerCount) return grouping;
  const groupOf = new Int32Array(customerCount).fill(-1);
  groupOf.set(grouping.groupOf.subarray(0, customerCount));
  return { groupCount: grouping.groupCount, groupOf };
}

export interface GroupTotals {
  group: number;
  totals: MetricsTotals;
  /** the group's buyers ÷ buyers of every group of the cut */
  shareOfBuyers: number | null;
  /** the group's net revenue ÷ net revenue of every group */
  shareOfRevenue: number | null;
  shareOfCustomers: number | null;
}

export interface CutTotals {
  groups: GroupTotals[];
  /** every customer the cut places in a group */
  all: MetricsTotals;
}

export function cutTotals(history: MetricsHistory, window: MetricsWindow, grouping: CustomerGrouping, churnDays: number): CutTotals {
  const fitted = fitGrouping(grouping, history.customerCount);
  const perGroup = computeTotals(history, window, { churnDays, grouping: fitted });
  const inCut = Int32Array.from(fitted.groupOf, (group) => (group >= 0 ? 0 : -1));
  const [all] = computeTotals(history, window, { churnDays, grouping: { groupCount: 1, groupOf: inCut } });
  return {
    all: all!,
    groups: perGroup.map((totals, group) => ({
      group,
      totals,
      shareOfBuyers: ratio(totals.buyers, all!.buyers),
      shareOfRevenue: ratio(totals.netRevenue, all!.netRevenue),
      shareOfCustomers: ratio(totals.customers, all!.customers),
    })),
  };
}
