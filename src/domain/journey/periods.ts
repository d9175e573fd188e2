import { formatEpochDay, localDayNumber, nextPeriodStartDay, startOfLocalDay, startOfPeriodDay, type CalendarUnit } from '../time';
import { isKnownAt, type JourneyIndex } from './journeyIndex';

/**
 * Stages over time, by calendar month or ISO week (Monday first) in the workspace's time zone:
 * - entered: customers who reached the stage for the first time during the period;
 * - furthestAtEnd: customers whose furthest stage was this one at the end of the period
 *   (for the last, partial period: as of `at`).
 * Periods run from the one holding the first event to the one holding `at`'s previous moment,
 * at most MAX_PERIODS (the latest ones); first reaches before the first period (a sign-up years
 * before the data starts) are counted in `enteredBefore`.
 */
export type PeriodUnit = CalendarUnit;
export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'week'];
export const MAX_PERIODS = 260;

export interface PeriodRow {
  /** first day of the period, YYYY-MM-DD */
  startDate: string;
  /** last day counted, YYYY-MM-DD */
  endDate: string;
  isPartial: boolean;
  entered: number[];
  furthestAtEnd: number[];
}

export interface StagesByPeriod {
  unit: PeriodUnit;
  stageIds: string[];
  periods: PeriodRow[];
  enteredBefore: number[];
}

/** Start days of the periods from `firstTs` to the moment before `at`. */
function periodDays(firstTs: number, at: number, unit: PeriodUnit, timeZone: string): number[] {
  const lastDay = localDayNumber(at - 1, timeZone);
  const days: number[] = [];
  for (let day = startOfPeriodDay(localDayNumber(firstTs, timeZone), unit); day <= lastDay; day = nextPeriodStartDay(day, unit)) days.push(day);
  return days.slice(-MAX_PERIODS);
}

function periodIndex(starts: Float64Array, ts: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! <= ts) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

export function stagesByPeriod(index: JourneyIndex, at: number, unit: PeriodUnit): StagesByPeriod {
  const S = index.stageCount;
  const empty: StagesByPeriod = { unit, stageIds: index.stageIds, periods: [], enteredBefore: new Array<number>(S).fill(0) };
  if (Number.isNaN(index.data.firstTs) || index.data.firstTs >= at) return empty;
  const days = periodDays(index.data.firstTs, at, unit, index.timeZone);
  const starts = Float64Array.from(days, (day) => startOfLocalDay(day, index.timeZone));
  const P = days.length;
  const entered = new Int32Array(P * S);
  const diff = new Int32Array((P + 1) * S);
  const order = new Int32Array(S);
  for (let c = 0; c < index.data.customerCount; c++) {
    if (isKnownAt(index, c, at)) addCustomer(index, c, at, { starts, entered, diff, order, before: empty.enteredBefore });
  }
  const running = new Int32Array(S);
  empty.periods = days.map((day, p) => {
    for (let s = 0; s < S; s++) running[s]! += diff[p * S + s]!;
    const end = p + 1 < P ? starts[p + 1]! : at;
    const nextStart = startOfLocalDay(nextPeriodStartDay(day, unit), index.timeZone);
    return {
      startDate: formatEpochDay(day),
      endDate: formatEpochDay(localDayNumber(end - 1, index.timeZone)),
      isPartial: at < nextStart,
      entered: Array.from(entered.subarray(p * S, p * S + S)),
      furthestAtEnd: Array.from(running),
    };
  });
  return empty;
}

interface PeriodScratch {
  starts: Float64Array;
  entered: Int32Array;
  diff: Int32Array;
  order: Int32Array;
  before: number[];
}

function addCustomer(index: JourneyIndex, c: number, at: number, scratch: PeriodScratch): void {
  const S = index.stageCount;
  const base = c * S;
  const { order } = scratch;
  let n = 0;
  for (let s = 0; s < S; s++) {
    const ts = index.firstReach[base + s]!;
    if (!(ts < at)) continue;
    const p = periodIndex(scratch.starts, ts);
    if (p >= 0) scratch.entered[p * S + s]!++;
    else scratch.before[s]!++;
    // insertion by (time, stage): S is small
    let i = n++;
    while (i > 0 && index.firstReach[base + order[i - 1]!]! > ts) {
      order[i] = order[i - 1]!;
      i--;
    }
    order[i] = s;
  }
  let furthest = -1;
  let since = 0;
  for (let i = 0; i < n; i++) {
    const s = order[i]!;
    if (s <= furthest) continue;
    const p = Math.max(0, periodIndex(scratch.starts, index.firstReach[base + s]!));
    if (furthest >= 0) {
      scratch.diff[since * S + furthest]!++;
      scratch.diff[p * S + furthest]!--;
    }
    furthest = s;
    since = p;
  }
  if (furthest >= 0) scratch.diff[since * S + furthest]!++;
}
