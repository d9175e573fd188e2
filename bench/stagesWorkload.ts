/**
 * The journey-stages benchmark workload, shared by the Node suite and the browser page: a
 * seeded synthetic workspace written straight into event blocks (no per-event objects, so
 * 2 million events fit comfortably in a browser tab), the timed work and its baseline.
 */
import { createDictColumnBuilder, type DictColumn, type EventBlock } from '../src/domain/columnar';
import { createRandom, cumulative } from '../src/domain/random';
import {
  asOfInstant,
  buildJourneyData,
  cjmMatrix,
  defaultAsOfDate,
  defaultInactionSettings,
  defaultLifecycleSettings,
  INACTION_LISTS,
  inactionList,
  defaultStageMapping,
  journeyStateAt,
  prepareJourney,
  stagesByPeriod,
  stagesSummary,
  type JourneyInput,
  type StagesSummary,
} from '../src/domain/journey';

const EVENT_TYPES = ['page_view', 'product_view', 'category_view', 'search', 'email_open', 'email_click', 'cart_add', 'cart_view', 'checkout', 'order', 'return', 'review', 'nps', 'subscribe', 'registration', 'app_open', 'wishlist', 'referral'];
const WEIGHTS = [24, 20, 8, 5, 10, 3, 8, 4, 3, 6, 0.5, 1, 1, 1, 1, 3.5, 1.5, 0.5];
const CHANNELS = ['web', 'app', 'email', 'store'];
const BLOCK_SIZE = 32_768;
const PERIOD_START = Date.UTC(2025, 8, 1);
const PERIOD_MS = 425 * 86_400_000;
export const BENCH_TIME_ZONE = 'Europe/Moscow';

/** Events per customer: uniform 5–35, then nudged one by one until the total is exact. */
function eventCounts(customers: number, events: number, seed: number): Int32Array {
  const random = createRandom(seed, 1);
  const counts = Int32Array.from({ length: customers }, () => random.int(5, 35));
  let total = counts.reduce((sum, value) => sum + value, 0);
  while (total !== events) {
    const c = random.int(0, customers - 1);
    if (total < events) {
      counts[c]!++;
      total++;
    } else if (counts[c]! > 1) {
      counts[c]!--;
      total--;
    }
  }
  return counts;
}

interface BlockWriter {
  blocks: EventBlock[];
  block: EventBlock;
  row: number;
  channel: ReturnType<typeof createDictColumnBuilder>;
  score: ReturnType<typeof createDictColumnBuilder>;
}

function newBlock(size: number): EventBlock {
  return { count: size, ts: new Float64Array(size), amount: new Float64Array(size).fill(Number.NaN), customer: new Int32Array(size), type: new Uint16Array(size), props: {} };
}

function finishBlock(writer: BlockWriter): void {
  const props: Record<string, DictColumn> = { channel: writer.channel.finish(), score: writer.score.finish() };
  writer.blocks.push({ ...writer.block, props });
}

/** A synthetic workspace: `customers` customers, exactly `events` events sorted by (customer, ts). */
export function stagesBenchInput(customers: number, events: number, seed = 7): JourneyInput {
  const counts = eventCounts(customers, events, seed);
  const weights = cumulative(WEIGHTS);
  const order = EVENT_TYPES.indexOf('order');
  const nps = EVENT_TYPES.indexOf('nps');
  let size = Math.min(BLOCK_SIZE, events);
  const writer: BlockWriter = { blocks: [], block: newBlock(size), row: 0, channel: createDictColumnBuilder(size), score: createDictColumnBuilder(size) };
  let left = events;
  for (let c = 0; c < customers; c++) {
    const random = createRandom(seed, 2, c);
    let ts = PERIOD_START + random.next() * PERIOD_MS * 0.8;
    for (let i = 0; i < counts[c]!; i++) {
      if (writer.row === size) {
        finishBlock(writer);
        left -= size;
        size = Math.min(BLOCK_SIZE, left);
        Object.assign(writer, { block: newBlock(size), row: 0, channel: createDictColumnBuilder(size), score: createDictColumnBuilder(size) });
      }
      const type = random.cumulativeIndex(weights);
      ts += 1000 + random.exponential(86_400_000 * 4);
      const { block, row } = writer;
      block.ts[row] = Math.round(ts);
      block.customer[row] = c;
      block.type[row] = type;
      if (type === order) block.amount[row] = Math.round(random.uniform(500, 9000));
      writer.channel.add(row, random.pick(CHANNELS));
      if (type === nps) writer.score.add(row, String(random.int(0, 10)));
      writer.row++;
    }
  }
  finishBlock(writer);
  return { customerCount: customers, events: writer.blocks, eventTypes: EVENT_TYPES };
}

/** Baseline: one plain pass over the same event columns, summing the amounts. */
export function sumAmounts(input: JourneyInput): number {
  let sum = 0;
  for (const block of input.events) {
    const amounts = block.amount;
    for (let row = 0; row < block.count; row++) {
      const amount = amounts[row]!;
      if (amount === amount) sum += amount;
    }
  }
  return sum;
}

/** What `chainlab stages` computes once the files are read: regroup, index, funnel, lifecycle. */
export function computeStages(input: JourneyInput): StagesSummary {
  const data = buildJourneyData(input);
  const index = prepareJourney(data, defaultStageMapping(), defaultLifecycleSettings(), BENCH_TIME_ZONE);
  const asOf = defaultAsOfDate(data.lastTs, BENCH_TIME_ZONE)!;
  return stagesSummary(index, asOfInstant(asOf, BENCH_TIME_ZONE), asOf);
}

/** The chain-filter use: `journeyStateAt` for every customer at `dates` instants; returns the calls made and a checksum. */
export function stateCalls(input: JourneyInput, dates: number): { calls: number; seconds: number; checksum: number } {
  const data = buildJourneyData(input);
  const index = prepareJourney(data, defaultStageMapping(), defaultLifecycleSettings(), BENCH_TIME_ZONE);
  const step = (data.lastTs - data.firstTs) / dates;
  const startedAt = performance.now();
  let checksum = 0;
  for (let d = 1; d <= dates; d++) {
    const at = data.firstTs + step * d;
    for (let c = 0; c < data.customerCount; c++) checksum += journeyStateAt(index, c, at).stage + 1;
  }
  return { calls: dates * data.customerCount, seconds: (performance.now() - startedAt) / 1000, checksum };
}

/** Everything the Journey screen shows for one date: funnel, lifecycle, CJM, months, inaction lists. */
export function computeOverview(input: JourneyInput): number {
  const data = buildJourneyData(input);
  const index = prepareJourney(data, defaultStageMapping(), defaultLifecycleSettings(), BENCH_TIME_ZONE);
  const asOf = defaultAsOfDate(data.lastTs, BENCH_TIME_ZONE)!;
  const at = asOfInstant(asOf, BENCH_TIME_ZONE);
  const summary = stagesSummary(index, at, asOf);
  const cjm = cjmMatrix(index, at);
  const periods = stagesByPeriod(index, at, 'month');
  const lists = INACTION_LISTS.map((list) => inactionList(index, list, at, defaultInactionSettings()).customers.length);
  return summary.customers + cjm.byType.length + periods.periods.length + lists.reduce((a, b) => a + b, 0);
}
