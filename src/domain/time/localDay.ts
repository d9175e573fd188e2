/**
 * Calendar days in a workspace's time zone, for recency, "days since", daily counts and
 * local-time windows. Zone offsets are kept per UTC hour in chunks of 64 hours: a chunk is
 * filled from the offsets at its two ends (two Intl calls), and only a chunk whose ends differ
 * — one holding a daylight-saving change — is bisected down to the hour of the change. So a
 * year of hours costs a few hundred Intl calls, and a lookup is two array reads (the simulator
 * asks millions of times). A zone that changed its offset twice within 64 hours would be missed
 * between the two changes; no zone does.
 */
import { formatEpochDay } from './isoFormat';

const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const CHUNK_HOURS = 64;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Hours 1970 … 2099 also have a flat table per zone (offset by hour, whole milliseconds, filled a
 * chunk at a time on first use): a lookup there is two typed-array reads, no Map. The simulator
 * asks for the day of every message and entry of customers whose events spread over a year, so
 * the last-chunk shortcut misses often. Other hours (birthdays before 1970) go through the Map.
 */
const TABLE_CHUNKS = Math.ceil((130 * 366 * 24) / CHUNK_HOURS);

interface ZoneOffsets {
  chunks: Map<number, Float64Array>;
  lastChunk: number;
  lastOffsets: Float64Array | null;
  /** offset of hour h since 1970 at [h], valid where the chunk's `filled` flag is set; made on first use */
  table: Int32Array | null;
  filled: Uint8Array | null;
  /** spans of equal offsets in the table, per chunk (see `SpanBounds`); made on the first `zoneOffsetSpan` */
  spans: SpanBounds | null;
}

const zones = new Map<string, ZoneOffsets>();
let lastZoneName = '';
let lastZone: ZoneOffsets | null = null;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function computeOffset(ts: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ts)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/** Offsets of hours lo … hi of a chunk starting at `firstHour`, knowing those at lo and hi. */
function fillOffsets(offsets: Float64Array, firstHour: number, lo: number, hi: number, atLo: number, atHi: number, timeZone: string): void {
  if (atLo === atHi) {
    offsets.fill(atLo, lo, hi + 1);
    return;
  }
  if (hi - lo <= 1) {
    offsets[lo] = atLo;
    offsets[hi] = atHi;
    return;
  }
  const mid = (lo + hi) >> 1;
  const atMid = computeOffset((firstHour + mid) * HOUR_MS, timeZone);
  fillOffsets(offsets, firstHour, lo, mid, atLo, atMid, timeZone);
  fillOffsets(offsets, firstHour, mid, hi, atMid, atHi, timeZone);
}

function chunkOffsets(zone: ZoneOffsets, chunk: number, timeZone: string): Float64Array {
  let offsets = zone.chunks.get(chunk);
  if (!offsets) {
    const firstHour = chunk * CHUNK_HOURS;
    offsets = new Float64Array(CHUNK_HOURS);
    const atFirst = computeOffset(firstHour * HOUR_MS, timeZone);
    const atLast = computeOffset((firstHour + CHUNK_HOURS - 1) * HOUR_MS, timeZone);
    fillOffsets(offsets, firstHour, 0, CHUNK_HOURS - 1, atFirst, atLast, timeZone);
    zone.chunks.set(chunk, offsets);
  }
  zone.lastChunk = chunk;
  zone.lastOffsets = offsets;
  return offsets;
}

function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = { chunks: new Map(), lastChunk: Number.NaN, lastOffsets: null, table: null, filled: null, spans: null };
    zones.set(timeZone, zone);
  }
  lastZoneName = timeZone;
  lastZone = zone;
  return zone;
}

/** Milliseconds to add to an instant to get the wall-clock time in `timeZone` (e.g. +3 h for Moscow). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const zone = timeZone === lastZoneName ? lastZone! : zoneOffsets(timeZone);
  const hour = Math.floor(ts / HOUR_MS);
  const chunk = Math.floor(hour / CHUNK_HOURS);
  if (chunk >= 0 && chunk < TABLE_CHUNKS) {
    if (zone.filled?.[chunk] !== 1) fillTableChunk(zone, chunk, timeZone);
    return zone.table![hour]!;
  }
  const offsets = chunk === zone.lastChunk ? zone.lastOffsets! : chunkOffsets(zone, chunk, timeZone);
  return offsets[hour - chunk * CHUNK_HOURS]!;
}

function fillTableChunk(zone: ZoneOffsets, chunk: number, timeZone: string): void {
  zone.table ??= new Int32Array(TABLE_CHUNKS * CHUNK_HOURS);
  zone.filled ??= new Uint8Array(TABLE_CHUNKS);
  zone.table.set(chunkOffsets(zone, chunk, timeZone), chunk * CHUNK_HOURS);
  zone.filled[chunk] = 1;
}

/** A zone's UTC offset and instants [fromTs, toTs) around the one asked over which it holds. */
export interface OffsetSpan {
  offsetMs: number;
  fromTs: number;
  toTs: number;
}

/**
 * Span bounds per table chunk, computed a block of chunks at a time: the offset holds for months
 * (Berlin between two daylight-saving changes, Moscow always), so a caller walking forward in
 * time (the simulator's customer clock) needs a new answer only at a change or a block's edge,
 * instead of a table lookup per instant. Hours are since 1970, as the table's index.
 * - `firstChange[c]` / `lastChange[c]`: the first and last hour of chunk c whose offset differs
 *   from the hour before it inside the chunk (the chunk's end when none; they are equal when the
 *   chunk holds one change, which is every change of every zone — see the chunks above);
 * - `headStart[c]`: where the span holding c's first hour starts, `tailEnd[c]`: where the one
 *   holding its last hour ends (exclusive) — both clamped to the chunk's block.
 */
interface SpanBounds {
  ready: Uint8Array;
  firstChange: Int32Array;
  lastChange: Int32Array;
  headStart: Int32Array;
  tailEnd: Int32Array;
}

/** Chunks per block of span bounds: 16,384 hours, about 683 days (filling one costs ~600 Intl calls, once per zone). */
export const SPAN_BLOCK_HOURS = 16_384;
const SPAN_BLOCK_CHUNKS = SPAN_BLOCK_HOURS / CHUNK_HOURS;

/**
 * `zoneOffsetMs(ts, timeZone)` into `span.offsetMs`, and into `span.fromTs`/`toTs` an interval
 * holding `ts` over which the offset is the same (not always the longest such interval: it ends
 * at least every ~683 days, and outside 1970 … 2099 it is the hour of `ts`).
 */
export function zoneOffsetSpan(ts: number, timeZone: string, span: OffsetSpan): void {
  span.offsetMs = zoneOffsetMs(ts, timeZone);
  if (timeZone === 'UTC') {
    span.fromTs = Number.NEGATIVE_INFINITY;
    span.toTs = Number.POSITIVE_INFINITY;
    return;
  }
  const hour = Math.floor(ts / HOUR_MS);
  const chunk = Math.floor(hour / CHUNK_HOURS);
  if (!(chunk >= 0 && chunk < TABLE_CHUNKS)) {
    span.fromTs = hour * HOUR_MS;
    span.toTs = (hour + 1) * HOUR_MS;
    return;
  }
  // zoneOffsetMs has just made this zone the last one asked
  const bounds = spanBounds(lastZone!, chunk, timeZone);
  const first = bounds.firstChange[chunk]!;
  const last = bounds.lastChange[chunk]!;
  let from = hour;
  let to = hour + 1;
  if (first === (chunk + 1) * CHUNK_HOURS) {
    from = bounds.headStart[chunk]!;
    to = bounds.tailEnd[chunk]!;
  } else if (hour < first) {
    from = bounds.headStart[chunk]!;
    to = first;
  } else if (hour >= last) {
    from = last;
    to = bounds.tailEnd[chunk]!;
  } // else between two changes of one chunk: no zone has those (see above), but the hour alone is still right
  span.fromTs = from * HOUR_MS;
  span.toTs = to * HOUR_MS;
}

function spanBounds(zone: ZoneOffsets, chunk: number, timeZone: string): SpanBounds {
  zone.spans ??= { ready: new Uint8Array(Math.ceil(TABLE_CHUNKS / SPAN_BLOCK_CHUNKS)), firstChange: new Int32Array(TABLE_CHUNKS), lastChange: new Int32Array(TABLE_CHUNKS), headStart: new Int32Array(TABLE_CHUNKS), tailEnd: new Int32Array(TABLE_CHUNKS) };
  const block = Math.floor(chunk / SPAN_BLOCK_CHUNKS);
  if (zone.spans.ready[block] !== 1) fillSpanBlock(zone, zone.spans, block, timeZone);
  return zone.spans;
}

function fillSpanBlock(zone: ZoneOffsets, bounds: SpanBounds, block: number, timeZone: string): void {
  const fromChunk = block * SPAN_BLOCK_CHUNKS;
  const toChunk = Math.min(fromChunk + SPAN_BLOCK_CHUNKS, TABLE_CHUNKS);
  for (let c = fromChunk; c < toChunk; c++) if (zone.filled?.[c] !== 1) fillTableChunk(zone, c, timeZone);
  const table = zone.table!;
  for (let c = fromChunk; c < toChunk; c++) {
    const start = c * CHUNK_HOURS;
    const end = start + CHUNK_HOURS;
    let first = end;
    let last = end;
    for (let h = start + 1; h < end; h++) {
      if (table[h] === table[h - 1]) continue;
      if (first === end) first = h;
      last = h;
    }
    bounds.firstChange[c] = first;
    bounds.lastChange[c] = last;
  }
  // forward: a span reaching into chunk c from before starts where the previous chunk's last span does
  for (let c = fromChunk; c < toChunk; c++) {
    const start = c * CHUNK_HOURS;
    const continues = c > fromChunk && table[start] === table[start - 1];
    bounds.headStart[c] = !continues ? start : bounds.lastChange[c - 1]! < start ? bounds.lastChange[c - 1]! : bounds.headStart[c - 1]!;
  }
  // backward: a span reaching past chunk c's end ends where the next chunk's first span does
  for (let c = toChunk - 1; c >= fromChunk; c--) {
    const end = (c + 1) * CHUNK_HOURS;
    const continues = c + 1 < toChunk && table[end] === table[end - 1];
    bounds.tailEnd[c] = !continues ? end : bounds.firstChange[c + 1]! < end + CHUNK_HOURS ? bounds.firstChange[c + 1]! : bounds.tailEnd[c + 1]!;
  }
  bounds.ready[block] = 1;
}

/** Where a zone's offsets come from: the table itself, or a ZoneOffsetCache in front of it (both give zoneOffsetMs's answer). */
export interface ZoneOffsetSource {
  offsetAt(ts: number, timeZone: string): number;
}

export const OFFSET_TABLE: ZoneOffsetSource = { offsetAt: zoneOffsetMs };

/**
 * A zone's offset for a caller whose instants move forward a little at a time (a simulated
 * customer's clock): answered from one of the last few spans asked while the instant is inside
 * it, so the table is consulted again only at a change of offset. A few spans, not one: every
 * customer's clock starts again at the period's start, and a year in Berlin is three spans.
 */
export class ZoneOffsetCache implements ZoneOffsetSource {
  private readonly spans: OffsetSpan[] = Array.from({ length: 4 }, () => ({ offsetMs: 0, fromTs: Number.NaN, toTs: Number.NaN }));
  private readonly zones: string[] = ['', '', '', ''];
  /** the span that answered last (asked first), and the one to refill at the next miss */
  private last = 0;
  private next = 0;

  offsetAt(ts: number, timeZone: string): number {
    let span = this.spans[this.last]!;
    if (ts >= span.fromTs && ts < span.toTs && timeZone === this.zones[this.last]) return span.offsetMs;
    for (let k = 0; k < this.spans.length; k++) {
      span = this.spans[k]!;
      if (ts >= span.fromTs && ts < span.toTs && timeZone === this.zones[k]) {
        this.last = k;
        return span.offsetMs;
      }
    }
    this.last = this.next;
    this.next = (this.next + 1) % this.spans.length;
    this.zones[this.last] = timeZone;
    span = this.spans[this.last]!;
    zoneOffsetSpan(ts, timeZone, span);
    return span.offsetMs;
  }
}

/** The local calendar day of an instant, as days since 1970-01-01. */
export function localDayNumber(ts: number, timeZone: string): number {
  return Math.floor((ts + zoneOffsetMs(ts, timeZone)) / DAY_MS);
}

/** The local calendar date of an instant, `YYYY-MM-DD`: how a date read from a file in that zone is shown back. */
export function formatLocalDate(ts: number, timeZone: string): string {
  return formatEpochDay(localDayNumber(ts, timeZone));
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; NaN when it is not a real date. */
export function isoDateToDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  return ms / DAY_MS;
}

/** The first instant of a local calendar day (handles DST: the offset at that moment is used). */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const guess = dayNumber * DAY_MS;
  const firstTry = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(firstTry, timeZone);
}
