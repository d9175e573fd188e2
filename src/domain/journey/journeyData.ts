import { plausibleSpan, type PlausibleWindow } from '../time/plausibleDates';
import { denseDictCodes, dictValue, type EventBlock } from '../columnar';
import { NPS_EVENT, NPS_PROMOTER_MAX, NPS_PROMOTER_MIN, NPS_SCORE_PROP } from './stageMapping';

/**
 * A workspace's events regrouped customer by customer, each customer's events in time order:
 * the one copy every journey computation (stages, lifecycle, CJM, inaction) reads. Blocks are
 * sorted by customer only within one import batch, so a customer's events may be spread over
 * several batches; a counting sort by customer index (linear) puts them together once.
 * It does not depend on the stage mapping or any setting: build it once per data version.
 */
export interface JourneyInput {
  /** Customers are indexes 0..customerCount-1 (events may only refer to those or beyond). */
  customerCount: number;
  events: readonly EventBlock[];
  eventTypes: readonly string[];
  /** Profile sign-up instant per customer index, NaN when unknown. */
  signupAt?: Float64Array;
  /** Profile e-mail consent per customer index: 0 unknown, 1 yes, 2 no. */
  emailConsent?: Uint8Array;
}

export const EVENT_FLAG_NPS_PROMOTER = 1;

export interface JourneyData {
  customerCount: number;
  /** customer c's events are rows offsets[c] .. offsets[c+1]-1, oldest first */
  offsets: Int32Array;
  ts: Float64Array;
  type: Uint16Array;
  /** 0 = no channel prop, k = channels[k-1] */
  channel: Uint16Array;
  /** EVENT_FLAG_* bits */
  flags: Uint8Array;
  eventTypes: readonly string[];
  channels: string[];
  signupAt: Float64Array | null;
  emailConsent: Uint8Array | null;
  /**
   * Earliest and latest event instant inside the plausible dates (time/plausibleDates.ts, when
   * a window was given): the default as-of date and the first period come from them, so one
   * event dated 2099 or 1900 moves neither. NaN when there is none.
   */
  firstTs: number;
  lastTs: number;
  /** events dated outside the plausible dates (0 without a window) */
  outsideEvents: number;
}

export const CHANNEL_PROP = 'channel';
/** The event props the journey reads (channel of touchpoints, NPS score); a reader may drop all others. */
export const JOURNEY_PROPS: readonly string[] = [CHANNEL_PROP, NPS_SCORE_PROP];
const MAX_CHANNELS = 1000;

export function buildJourneyData(input: JourneyInput, window?: PlausibleWindow): JourneyData {
  const customerCount = Math.max(input.customerCount, maxCustomer(input.events) + 1);
  const offsets = new Int32Array(customerCount + 1);
  let total = 0;
  for (const block of input.events) {
    const customers = block.customer;
    for (let row = 0; row < block.count; row++) offsets[customers[row]! + 1]! += 1;
    total += block.count;
  }
  for (let c = 0; c < customerCount; c++) offsets[c + 1]! += offsets[c]!;
  const data: JourneyData = {
    customerCount,
    offsets,
    ts: new Float64Array(total),
    type: new Uint16Array(total),
    channel: new Uint16Array(total),
    flags: new Uint8Array(total),
    eventTypes: input.eventTypes,
    channels: [],
    signupAt: input.signupAt ?? null,
    emailConsent: input.emailConsent ?? null,
    firstTs: Number.NaN,
    lastTs: Number.NaN,
    outsideEvents: 0,
  };
  const cursor = offsets.slice(0, customerCount);
  const channelCodes = new Map<string, number>();
  const npsType = input.eventTypes.indexOf(NPS_EVENT);
  for (const block of input.events) copyBlock(data, block, cursor, channelCodes, npsType);
  data.channels = [...channelCodes.keys()];
  sortRuns(data);
  if (window) setPlausibleRange(data, window);
  else setTimeRange(data);
  return data;
}

function maxCustomer(blocks: readonly EventBlock[]): number {
  let max = -1;
  for (const block of blocks) for (let row = 0; row < block.count; row++) if (block.customer[row]! > max) max = block.customer[row]!;
  return max;
}

/** Each row's workspace-wide channel code (1-based, 0 = none), or null when the block has no channel prop. */
function channelCodes(block: EventBlock, codes: Map<string, number>): Uint16Array | null {
  const column = block.props[CHANNEL_PROP];
  if (!column) return null;
  const global = new Uint16Array(column.values.length + 1);
  column.values.forEach((value, index) => {
    let code = codes.get(value);
    // A "channel" column with thousands of values is not a channel: the rest go uncoded.
    if (code === undefined && codes.size < MAX_CHANNELS) {
      code = codes.size + 1;
      codes.set(value, code);
    }
    global[index + 1] = code ?? 0;
  });
  const dense = denseDictCodes(column, block.count);
  const rows = new Uint16Array(block.count);
  for (let row = 0; row < block.count; row++) rows[row] = global[dense[row]!]!;
  return rows;
}

function isPromoter(block: EventBlock, row: number): boolean {
  const column = block.props[NPS_SCORE_PROP];
  const text = column ? dictValue(column, row) : undefined;
  if (text === undefined || text.trim() === '') return false;
  const score = Number(text.replace(',', '.'));
  return score >= NPS_PROMOTER_MIN && score <= NPS_PROMOTER_MAX;
}

function copyBlock(data: JourneyData, block: EventBlock, cursor: Int32Array, codes: Map<string, number>, npsType: number): void {
  const channels = channelCodes(block, codes) ?? new Uint16Array(block.count);
  const { ts, type, customer } = block;
  // Locals rather than `data.x` inside the loop: it runs once per event.
  const { ts: toTs, type: toType, channel: toChannel, flags } = data;
  for (let row = 0; row < block.count; row++) {
    const at = cursor[customer[row]!]!++;
    const eventType = type[row]!;
    toTs[at] = ts[row]!;
    toType[at] = eventType;
    toChannel[at] = channels[row]!;
    if (eventType === npsType && isPromoter(block, row)) flags[at] = EVENT_FLAG_NPS_PROMOTER;
  }
}

/** Each customer's rows in (ts, type) order; runs are nearly always sorted already. */
function sortRuns(data: JourneyData): void {
  const { offsets, ts, type } = data;
  for (let c = 0; c < data.customerCount; c++) {
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    let isSorted = true;
    for (let i = from + 1; i < to && isSorted; i++) isSorted = ts[i - 1]! < ts[i]! || (ts[i - 1] === ts[i] && type[i - 1]! <= type[i]!);
    if (!isSorted) sortRun(data, from, to);
  }
}
function sortRun(data: JourneyData, from: number, to: number): void {
  const rows = Array.from({ length: to - from }, (_, i) => from + i);
  rows.sort((a, b) => data.ts[a]! - data.ts[b]! || data.type[a]! - data.type[b]! || a - b);
  const ts = rows.map((row) => data.ts[row]!);
  const type = rows.map((row) => data.type[row]!);
  const channel = rows.map((row) => data.channel[row]!);
  const flags = rows.map((row) => data.flags[row]!);
  data.ts.set(ts, from);
  data.type.set(type, from);
  data.channel.set(channel, from);
  data.flags.set(flags, from);
}

function setPlausibleRange(data: JourneyData, window: PlausibleWindow): void {
  const span = plausibleSpan([data.ts], window);
  data.firstTs = span.first;
  data.lastTs = span.last;
  data.outsideEvents = span.outside;
}

function setTimeRange(data: JourneyData): void {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < data.customerCount; c++) {
    const from = data.offsets[c]!;
    const to = data.offsets[c + 1]!;
    if (from === to) continue;
    if (data.ts[from]! < first) first = data.ts[from]!;
    if (data.ts[to - 1]! > last) last = data.ts[to - 1]!;
  }
  data.firstTs = Number.isFinite(first) ? first : Number.NaN;
  data.lastTs = Number.isFinite(last) ? last : Number.NaN;
}
