import { DAY_MS } from '../time';
import { quantileSorted } from './funnel';
import { furthestStageAt, isKnownAt, type JourneyIndex } from './journeyIndex';

/**
 * The CJM map as of an instant: stages as columns, and for each event type, channel and
 * touchpoint (channel × event type, e.g. "email · email_open", "web · cart_add") how many
 * events happened, and how many distinct customers did them, while the customer was at each
 * stage. "At a stage" = the customer's furthest stage right after the event (the event that
 * moves a customer into a stage counts in that stage). Events before any stage (only with a
 * mapping that drops the first-event rule) go to the extra last column.
 *
 * Where customers get stuck: per stage, customers whose furthest stage it is, how long they
 * have been there (median days since they reached it) and how many have been there longer than
 * `stuckDays` without moving on ("stuck"; never counted for the last stage, which has no next
 * one). `bottleneck` is the stage with the most stuck customers.
 */
export interface CjmRow {
  /** event type, channel value ('' = no channel) or `${channel}\u0001${type}` */
  key: string;
  type?: string;
  channel?: string;
  /** per stage, then one extra slot for "before any stage" */
  events: number[];
  customers: number[];
  totalEvents: number;
}

export interface CjmMatrix {
  at: number;
  stageIds: string[];
  stuckDays: number;
  byType: CjmRow[];
  byChannel: CjmRow[];
  byTouchpoint: CjmRow[];
  atStage: number[];
  stuck: number[];
  medianDaysAtStage: (number | null)[];
  bottleneck: number | null;
  hasEventsBeforeStages: boolean;
}

export const DEFAULT_STUCK_DAYS = 30;
export const TOUCHPOINT_SEPARATOR = '\u0001';

interface CellSpace {
  events: Int32Array;
  customers: Int32Array;
  stamp: Int32Array;
}

function cellSpace(rows: number, columns: number): CellSpace {
  return { events: new Int32Array(rows * columns), customers: new Int32Array(rows * columns), stamp: new Int32Array(rows * columns).fill(-1) };
}

function count(space: CellSpace, cell: number, c: number): void {
  space.events[cell]!++;
  if (space.stamp[cell] !== c) {
    space.stamp[cell] = c;
    space.customers[cell]!++;
  }
}

export function cjmMatrix(index: JourneyIndex, at: number, stuckDays = DEFAULT_STUCK_DAYS): CjmMatrix {
  const { data } = index;
  const S = index.stageCount;
  const columns = S + 1;
  const T = data.eventTypes.length;
  const channelSlots = data.channels.length + 1;
  const types = cellSpace(T, columns);
  const channels = cellSpace(channelSlots, columns);
  const touchpoints = cellSpace(T * channelSlots, columns);
  for (let c = 0; c < data.customerCount; c++) {
    const base = c * S;
    for (let i = data.offsets[c]!, end = data.offsets[c + 1]!; i < end; i++) {
      const ts = data.ts[i]!;
      if (ts >= at) break;
      let stage = S;
      for (let s = S - 1; s >= 0; s--) {
        if (index.firstReach[base + s]! <= ts) {
          stage = s;
          break;
        }
      }
      const type = data.type[i]!;
      const channel = data.channel[i]!;
      count(types, type * columns + stage, c);
      count(channels, channel * columns + stage, c);
      count(touchpoints, (type * channelSlots + channel) * columns + stage, c);
    }
  }
  const stuck = stuckAtStages(index, at, stuckDays);
  const rowsOf = (space: CellSpace, rowCount: number, describe: (row: number) => Omit<CjmRow, 'events' | 'customers' | 'totalEvents'>) =>
    collectRows(space, rowCount, columns, describe);
  const channelName = (code: number) => (code === 0 ? '' : data.channels[code - 1]!);
  return {
    at,
    stageIds: index.stageIds,
    stuckDays,
    byType: rowsOf(types, T, (row) => ({ key: data.eventTypes[row]!, type: data.eventTypes[row]! })),
    byChannel: rowsOf(channels, channelSlots, (row) => ({ key: channelName(row), channel: channelName(row) })),
    byTouchpoint: rowsOf(touchpoints, T * channelSlots, (row) => {
      const type = data.eventTypes[Math.floor(row / channelSlots)]!;
      const channel = channelName(row % channelSlots);
      return { key: `${channel}${TOUCHPOINT_SEPARATOR}${type}`, type, channel };
    }),
    ...stuck,
    hasEventsBeforeStages: types.events.some((value, cell) => cell % columns === S && value > 0),
  };
}

/** Non-empty rows, most events first. */
function collectRows(
  space: CellSpace,
  rowCount: number,
  columns: number,
  describe: (row: number) => Omit<CjmRow, 'events' | 'customers' | 'totalEvents'>,
): CjmRow[] {
  const rows: CjmRow[] = [];
  for (let row = 0; row < rowCount; row++) {
    const events = Array.from(space.events.subarray(row * columns, (row + 1) * columns));
    const totalEvents = events.reduce((sum, value) => sum + value, 0);
    if (totalEvents === 0) continue;
    rows.push({ ...describe(row), events, customers: Array.from(space.customers.subarray(row * columns, (row + 1) * columns)), totalEvents });
  }
  return rows.sort((a, b) => b.totalEvents - a.totalEvents || a.key.localeCompare(b.key));
}

function stuckAtStages(index: JourneyIndex, at: number, stuckDays: number) {
  const S = index.stageCount;
  const atStage = new Array<number>(S).fill(0);
  const stuck = new Array<number>(S).fill(0);
  const daysAt: number[][] = Array.from({ length: S }, () => []);
  for (let c = 0; c < index.data.customerCount; c++) {
    if (!isKnownAt(index, c, at)) continue;
    const stage = furthestStageAt(index, c, at);
    if (stage < 0) continue;
    atStage[stage]!++;
    const days = (at - index.firstReach[c * S + stage]!) / DAY_MS;
    daysAt[stage]!.push(days);
    if (stage < S - 1 && days > stuckDays) stuck[stage]!++;
  }
  let bottleneck: number | null = null;
  for (let s = 0; s < S - 1; s++) if (stuck[s]! > 0 && (bottleneck === null || stuck[s]! > stuck[bottleneck]!)) bottleneck = s;
  const medianDaysAtStage = daysAt.map((values) => (values.length ? quantileSorted(Float64Array.from(values).sort(), 0.5) : null));
  return { atStage, stuck, medianDaysAtStage, bottleneck };
}
