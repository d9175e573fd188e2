import type { CrmEvent } from '../../../domain';
import { createRandom, hashString } from '../../../domain/random';
import type { TraceEntry } from '../../../domain/simulation';
import { formatLocalDate } from '../../../domain/time';

/**
 * The per-customer trace screen's view model (issue 14): the run's decisions about one customer
 * and their own imported events merged onto one time axis, the days they got two or more
 * messages, the path a chain took them along (for the canvas highlight), and the seeded pick of
 * "a random customer who got 2+ messages on one day". Pure, so it is tested without a browser.
 */
export interface TraceRow {
  ts: number;
  /** local date of the run's zone, 'YYYY-MM-DD' (rows are grouped by it) */
  date: string;
  /** a decision of the run (its position in the trace), or one of the customer's real events */
  step: { entry: TraceEntry; index: number } | null;
  event: CrmEvent | null;
}

export interface TraceTimeline {
  rows: TraceRow[];
  /** the customer's real events left out because they fall before / after the window */
  eventsBefore: number;
  eventsAfter: number;
  /** local dates on which the run sent the customer two or more messages */
  busyDays: Set<string>;
}

/** [fromTs, toTs) of the events shown; null shows the whole history. */
export type EventWindow = { fromTs: number; toTs: number } | null;

/**
 * Steps and events in time order. At one instant the real event comes first: in the replay the
 * event is what a step reacts to (a cart_add enters the chain, an order ends the wait).
 */
export function traceTimeline(trace: readonly TraceEntry[], events: readonly CrmEvent[], window: EventWindow, timeZone: string): TraceTimeline {
  const rows: TraceRow[] = [];
  let eventsBefore = 0;
  let eventsAfter = 0;
  for (const event of events) {
    if (window && event.ts < window.fromTs) eventsBefore++;
    else if (window && event.ts >= window.toTs) eventsAfter++;
    else rows.push({ ts: event.ts, date: formatLocalDate(event.ts, timeZone), step: null, event });
  }
  trace.forEach((entry, index) => rows.push({ ts: entry.ts, date: formatLocalDate(entry.ts, timeZone), step: { entry, index }, event: null }));
  rows.sort((a, b) => a.ts - b.ts || rank(a) - rank(b));
  return { rows, eventsBefore, eventsAfter, busyDays: busyDaysOf(trace, timeZone) };
}

function rank(row: TraceRow): number {
  return row.step ? 1 + row.step.index : 0;
}

/** Local dates with two or more messages sent to the customer (any chain). */
export function busyDaysOf(trace: readonly TraceEntry[], timeZone: string): Set<string> {
  const sentPerDay = new Map<string, number>();
  for (const entry of trace) {
    if (entry.decision !== 'sent') continue;
    const date = formatLocalDate(entry.ts, timeZone);
    sentPerDay.set(date, (sentPerDay.get(date) ?? 0) + 1);
  }
  return new Set([...sentPerDay].filter(([, count]) => count >= 2).map(([date]) => date));
}

/** The chains the customer went through, in the order they first appear. */
export function chainsOfTrace(trace: readonly TraceEntry[]): string[] {
  return [...new Set(trace.map((entry) => entry.chainId))];
}

/**
 * The nodes a chain took the customer along, in order, and for each trace entry of that chain
 * its step on the path. Consecutive entries at one node (waiting, then the timeout) are one
 * step; what the projection drew is not a move along the path.
 */
export function pathOfChain(trace: readonly TraceEntry[], chainId: string): { nodeIds: string[]; stepOfEntry: Map<number, number> } {
  const nodeIds: string[] = [];
  const stepOfEntry = new Map<number, number>();
  trace.forEach((entry, index) => {
    if (entry.chainId !== chainId || entry.decision === 'projected') return;
    if (nodeIds.at(-1) !== entry.nodeId) nodeIds.push(entry.nodeId);
    stepOfEntry.set(index, nodeIds.length - 1);
  });
  return { nodeIds, stepOfEntry };
}

/**
 * One of `ids`, drawn by `seed` and the run: the same seed on the same run gives the same
 * customer (a workshop can reopen "the random one"), another seed most likely another.
 */
export function pickSeededCustomer(ids: readonly string[], runId: string, seed: number): string | null {
  if (!ids.length) return null;
  return createRandom(seed, hashString(runId)).pick(ids);
}
