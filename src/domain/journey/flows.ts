import { localDayNumber } from '../time';
import { furthestStageAt, isKnownAt, lifecycleAt, type JourneyIndex } from './journeyIndex';
import { LIFECYCLE_STATUSES } from './lifecycle';

/**
 * How customers moved between two instants: a from-state × to-state count matrix of lifecycle
 * statuses or furthest stages. `not_known` = no event or sign-up yet at that instant (new
 * customers appear from it); `no_stage` = known but in no stage (stage flows only).
 */
export type FlowKind = 'lifecycle' | 'stage';
export const NOT_KNOWN = 'not_known';
export const NO_STAGE = 'no_stage';

export interface FlowMatrix {
  kind: FlowKind;
  from: number;
  to: number;
  states: string[];
  /** counts[fromState][toState] */
  counts: number[][];
  /** customers per state at `from` and at `to` */
  fromTotals: number[];
  toTotals: number[];
}

export function flowStates(index: JourneyIndex, kind: FlowKind): string[] {
  return kind === 'lifecycle' ? [NOT_KNOWN, ...LIFECYCLE_STATUSES] : [NOT_KNOWN, NO_STAGE, ...index.stageIds];
}

/** The state index (into flowStates) of one customer at an instant. */
function stateAt(index: JourneyIndex, kind: FlowKind, c: number, at: number, asOfDay: number): number {
  if (!isKnownAt(index, c, at)) return 0;
  if (kind === 'stage') return furthestStageAt(index, c, at) + 2;
  return LIFECYCLE_STATUSES.indexOf(lifecycleAt(index, c, at, asOfDay)!) + 1;
}

export function flowMatrix(index: JourneyIndex, kind: FlowKind, from: number, to: number): FlowMatrix {
  const states = flowStates(index, kind);
  const n = states.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const fromDay = localDayNumber(from, index.timeZone);
  const toDay = localDayNumber(to, index.timeZone);
  for (let c = 0; c < index.data.customerCount; c++) {
    counts[stateAt(index, kind, c, from, fromDay)]![stateAt(index, kind, c, to, toDay)]!++;
  }
  return {
    kind,
    from,
    to,
    states,
    counts,
    fromTotals: counts.map((row) => row.reduce((sum, value) => sum + value, 0)),
    toTotals: states.map((_, j) => counts.reduce((sum, row) => sum + row[j]!, 0)),
  };
}

/** Customers per lifecycle status as of an instant (customers not known yet are left out). */
export function lifecycleCounts(index: JourneyIndex, at: number): Record<(typeof LIFECYCLE_STATUSES)[number], number> {
  const counts = Object.fromEntries(LIFECYCLE_STATUSES.map((status) => [status, 0])) as Record<(typeof LIFECYCLE_STATUSES)[number], number>;
  const day = localDayNumber(at, index.timeZone);
  for (let c = 0; c < index.data.customerCount; c++) {
    const status = lifecycleAt(index, c, at, day);
    if (status) counts[status]++;
  }
  return counts;
}
