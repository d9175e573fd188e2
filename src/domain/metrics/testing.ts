/** Helpers for the metrics unit tests: small order histories written by hand. */
import { buildEventBlocks, type EventBlock, type IndexedEvent } from '../columnar';
import { isoDateToDayNumber } from '../time';
import { defaultCrmChannelMapping, type CrmChannelMapping } from './crmChannels';
import { metricsHistoryFromBlocks, type MetricsHistory } from './history';

/** [customer id, type, instant ("2026-01-31T23:30:00Z" or any Date.parse text), amount?, props?] */
export type TestRow = readonly [string, string, string, number?, Record<string, string>?];

export interface TestHistory {
  history: MetricsHistory;
  blocks: EventBlock[];
  eventTypes: string[];
  ids: string[];
  c(id: string): number;
}

export function testHistory(rows: readonly TestRow[], options: { timeZone?: string; ids?: string[]; mapping?: CrmChannelMapping; batches?: number } = {}): TestHistory {
  const ids = [...(options.ids ?? [])];
  const types: string[] = ['order', 'return'];
  const events: IndexedEvent[] = rows.map(([id, type, when, amount, props]) => {
    let customer = ids.indexOf(id);
    if (customer < 0) customer = ids.push(id) - 1;
    let typeIndex = types.indexOf(type);
    if (typeIndex < 0) typeIndex = types.push(type) - 1;
    const ts = Date.parse(when);
    if (Number.isNaN(ts)) throw new Error(`bad instant ${when}`);
    const event: IndexedEvent = { customer, type: typeIndex, ts, props: props ?? {} };
    if (amount !== undefined) event.amount = amount;
    return event;
  });
  // Several batches: rows dealt round-robin, so a customer's rows are spread over blocks.
  const batches = options.batches ?? 1;
  const blocks = Array.from({ length: batches }, (_, b) => buildEventBlocks(events.filter((_, i) => i % batches === b))).flat();
  const history = metricsHistoryFromBlocks(blocks, types, ids.length, options.timeZone ?? 'UTC', options.mapping ?? defaultCrmChannelMapping());
  return {
    history,
    blocks,
    eventTypes: types,
    ids,
    c(id) {
      const index = ids.indexOf(id);
      if (index < 0) throw new Error(`no customer ${id}`);
      return index;
    },
  };
}

/** Day number of `YYYY-MM-DD`. */
export function day(isoDate: string): number {
  const value = isoDateToDayNumber(isoDate);
  if (Number.isNaN(value)) throw new Error(`bad date ${isoDate}`);
  return value;
}
