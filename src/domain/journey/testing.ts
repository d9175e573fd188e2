/** Helpers for the journey unit tests: small timelines written by hand. */
import { buildEventBlocks, type EventBlock, type IndexedEvent } from '../columnar';
import type { CrmEvent } from '../model';
import { DAY_MS } from '../time';
import { buildJourneyData, type JourneyInput } from './journeyData';
import { prepareJourney, type JourneyIndex } from './journeyIndex';
import { defaultLifecycleSettings, type LifecycleSettings } from './lifecycle';
import { defaultStageMapping, type StageMapping } from './stageMapping';

/** 2026-01-01T00:00Z; `at(day, hour)` counts from it. */
export const T0 = Date.UTC(2026, 0, 1);

export function at(day: number, hour = 12, minute = 0): number {
  return T0 + day * DAY_MS + hour * 3_600_000 + minute * 60_000;
}

/** Midnight UTC of day `day` (an as-of instant in UTC). */
export function startOf(day: number): number {
  return T0 + day * DAY_MS;
}

export function ev(customerId: string, type: string, ts: number, props: Record<string, string> = {}, amount?: number): CrmEvent {
  const event: CrmEvent = { customerId, type, ts, props };
  if (amount !== undefined) event.amount = amount;
  return event;
}

export interface TestOptions {
  mapping?: StageMapping;
  lifecycle?: LifecycleSettings;
  timeZone?: string;
  /** customer ids in index order; defaults to order of first appearance */
  ids?: string[];
  signups?: Record<string, number>;
  emailConsent?: Record<string, 0 | 1 | 2>;
  /** event types in index order (extra ones are appended as found) */
  eventTypes?: string[];
  /** split the events into one batch per listed customer group, to test cross-batch runs */
  batches?: CrmEvent[][];
}

export interface TestJourney {
  index: JourneyIndex;
  ids: string[];
  input: JourneyInput;
  c(id: string): number;
}

function indexEvents(events: readonly CrmEvent[], ids: string[], eventTypes: string[]): IndexedEvent[] {
  return events.map((event) => {
    let customer = ids.indexOf(event.customerId);
    if (customer < 0) customer = ids.push(event.customerId) - 1;
    let type = eventTypes.indexOf(event.type);
    if (type < 0) type = eventTypes.push(event.type) - 1;
    const row: IndexedEvent = { customer, type, ts: event.ts, props: event.props };
    if (event.amount !== undefined) row.amount = event.amount;
    return row;
  });
}

export function testInput(events: readonly CrmEvent[], options: TestOptions = {}): { input: JourneyInput; ids: string[] } {
  const ids = [...(options.ids ?? [])];
  const eventTypes = [...(options.eventTypes ?? [])];
  const groups = options.batches ?? [events];
  const blocks: EventBlock[] = groups.flatMap((group) => buildEventBlocks(indexEvents(group, ids, eventTypes)));
  const input: JourneyInput = { customerCount: ids.length, events: blocks, eventTypes };
  if (options.signups) input.signupAt = Float64Array.from(ids, (id) => options.signups![id] ?? Number.NaN);
  if (options.emailConsent) input.emailConsent = Uint8Array.from(ids, (id) => options.emailConsent![id] ?? 0);
  return { input, ids };
}

export function testJourney(events: readonly CrmEvent[], options: TestOptions = {}): TestJourney {
  const { input, ids } = testInput(events, options);
  const index = prepareJourney(
    buildJourneyData(input),
    options.mapping ?? defaultStageMapping(),
    options.lifecycle ?? defaultLifecycleSettings(),
    options.timeZone ?? 'UTC',
  );
  return {
    index,
    ids,
    input,
    c(id) {
      const position = ids.indexOf(id);
      if (position < 0) throw new Error(`no customer ${id}`);
      return position;
    },
  };
}
