import type { CustomerBlock, EventBlock } from '../columnar';
import { OTHERS_SEGMENT_ID, type SegmentSource } from '../conditions';
import { buildJourneyData, journeyInputFromColumns, journeyStateAt, prepareJourney, type JourneyIndex } from '../journey';
import { ORDER_EVENT, RETURN_EVENT } from '../model';
import { buildRfmHistory, compileSegmentMap, createRfmEvaluator, type AmountRows, type RfmDayScales, type RfmHistory } from '../rfm';
import type { SimulationSettings } from './settings';

/**
 * RFM and journey state for filters and segment triggers, built over the event blocks a shard
 * holds: a customer's stage and lifecycle come from their own events (`prepareJourney`,
 * `journeyStateAt`), their RFM scores from their own orders placed on the day's scales computed
 * from every customer (globals.ts), so the answers are the same in every shard.
 */
function amountRows(blocks: readonly EventBlock[], type: number): AmountRows {
  let count = 0;
  for (const block of blocks) for (let row = 0; row < block.count; row++) if (block.type[row] === type) count++;
  const rows: AmountRows = { customer: new Int32Array(count), ts: new Float64Array(count), amount: new Float64Array(count), count };
  let at = 0;
  for (const block of blocks) {
    for (let row = 0; row < block.count; row++) {
      if (block.type[row] !== type) continue;
      rows.customer[at] = block.customer[row]!;
      rows.ts[at] = block.ts[row]!;
      rows.amount[at++] = block.amount[row]!;
    }
  }
  return rows;
}

export function customerCountOf(customers: readonly CustomerBlock[], events: readonly EventBlock[]): number {
  let count = 0;
  for (const block of customers) count = Math.max(count, block.start + block.count);
  for (const block of events) if (block.count) count = Math.max(count, block.customer[block.count - 1]! + 1, block.customer[0]! + 1);
  return count;
}

/** The orders and returns of the blocks, for RFM (the whole data for the run's scales, a shard's for its scores). */
export function historyOf(blocks: readonly EventBlock[], eventTypes: readonly string[], customerCount: number, timeZone: string): RfmHistory {
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  const returnType = eventTypes.indexOf(RETURN_EVENT);
  const none: AmountRows = { customer: new Int32Array(0), ts: new Float64Array(0), amount: new Float64Array(0), count: 0 };
  return buildRfmHistory({
    customerCount,
    timeZone,
    orders: orderType >= 0 ? amountRows(blocks, orderType) : none,
    returns: returnType >= 0 ? amountRows(blocks, returnType) : none,
  });
}

export function createSegmentSource(customers: readonly CustomerBlock[], events: readonly EventBlock[], eventTypes: readonly string[], settings: Pick<SimulationSettings, 'timeZone' | 'rfm' | 'journey'>, scales: RfmDayScales | null): SegmentSource {
  const customerCount = customerCountOf(customers, events);
  const history = historyOf(events, eventTypes, customerCount, settings.timeZone);
  const { scoring, periodDays, map } = settings.rfm;
  const evaluator = createRfmEvaluator(history, { scoring, periodDays, map: compileSegmentMap(map), ...(scales ? { scales } : {}) });
  let journey: JourneyIndex | null = null;
  const journeyIndex = () => (journey ??= prepareJourney(buildJourneyData(journeyInputFromColumns(customers, events, eventTypes)), settings.journey.mapping, settings.journey.lifecycle, settings.timeZone));
  return {
    rfmAt: (customer, ts, out) => evaluator.scoreAt(customer, ts, out),
    segmentIds: [...map.segments.map((segment) => segment.id), OTHERS_SEGMENT_ID],
    journeyAt: (customer, ts) => journeyStateAt(journeyIndex(), customer, ts),
  };
}
