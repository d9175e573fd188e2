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
    zone = { chunks: new Map(), lastChunk: Number.NaN, lastOffsets: null, table: null, filled: null };
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
