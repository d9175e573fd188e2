import { ORDER_EVENT, RETURN_EVENT, UserFacingError, type EventBlock, type ImportedColumns } from '../../domain';
import { computeRfmFromBlocks, orderBlockFromBlocks, orderBlockWriter, type EventsAsBlock, type RfmResult, type RfmScoring } from '../../domain/rfm';
import { IdIndex } from '../../domain/customers/idIndex';
import { addToSpan, emptySpan, isoDateToDayNumber, localDayNumber, type PlausibleWindow } from '../../domain/time';
import type { Dataset } from '../port';
import type { RfmMeta } from './rfmTypes';

/**
 * RFM's one path from orders to scores, for the Segments screen (rfmEngine.ts) and `chainlab
 * rfm` alike: the orders and returns as one compact block (type 0 order, 1 return), the default
 * analysis date (the day after the last order), and the scoring itself.
 */
export const RFM_ORDER_TYPES = [ORDER_EVENT, RETURN_EVENT];

/** Orders and returns of a workspace, customers numbered as in the workspace. */
export interface RfmOrders {
  block: EventBlock;
  customerCount: number;
}

export function rfmOrdersFromDataset(dataset: Dataset): RfmOrders {
  const customerCount = dataset.customers.reduce((max, block) => Math.max(max, block.start + block.count), 0);
  return { block: orderBlockFromBlocks(dataset.events, dataset.eventTypes).block, customerCount };
}

/**
 * The orders and returns of a file read as columns, as one block: the same block, customer
 * numbering included, as `rfmBlockFromEvents` makes from the file's CrmEvent records
 * (customers with profile data first, then in the order of their first event of any type),
 * without making a million records first.
 */
export function rfmBlockFromColumns(records: Pick<ImportedColumns, 'events' | 'customerIds' | 'customers'>): EventsAsBlock {
  const { events, customerIds: idOfSlot } = records;
  const ids = records.customers.map((customer) => customer.id);
  const indexOf = new IdIndex();
  ids.forEach((id, index) => indexOf.set(id, index));
  const indexOfSlot = new Int32Array(idOfSlot.length).fill(-1);
  const orderCode = events.types.indexOf(ORDER_EVENT);
  const returnCode = events.types.indexOf(RETURN_EVENT);
  const writer = orderBlockWriter(events.count);
  for (let i = 0; i < events.count; i++) {
    const slot = events.slot[i]!;
    let index = indexOfSlot[slot]!;
    if (index < 0) {
      const id = idOfSlot[slot]!;
      index = indexOf.get(id) ?? ids.length;
      if (index === ids.length) {
        indexOf.set(id, index);
        ids.push(id);
      }
      indexOfSlot[slot] = index;
    }
    const type = events.type[i]!;
    if (type === orderCode || type === returnCode) writer.add(index, events.ts[i]!, events.amount[i]!, type === returnCode);
  }
  return { block: writer.finish(), eventTypes: [ORDER_EVENT, RETURN_EVENT], customerIds: ids };
}

/**
 * First and last order day and the default analysis date (the day after the last order), in
 * `timeZone`, over the orders inside the plausible dates (time/plausibleDates.ts): one order
 * dated 2099 does not move the analysis date there. Orders outside are counted.
 */
export function rfmMeta(orders: EventBlock, timeZone: string, window: PlausibleWindow): RfmMeta {
  const span = emptySpan();
  for (let i = 0; i < orders.count; i++) if (orders.type[i] === 0) addToSpan(span, orders.ts[i]!, window);
  const hasOrders = !Number.isNaN(span.last);
  return {
    firstOrderDay: hasOrders ? localDayNumber(span.first, timeZone) : Number.NaN,
    lastOrderDay: hasOrders ? localDayNumber(span.last, timeZone) : Number.NaN,
    defaultAsOfDay: hasOrders ? localDayNumber(span.last, timeZone) + 1 : Number.NaN,
    outsideOrders: span.outside,
  };
}

export interface RfmScoreSettings extends RfmScoring {
  /** YYYY-MM-DD; null: the day after the last order */
  asOf: string | null;
  /** null: all history up to the analysis date */
  periodDays: number | null;
}

/** Scores every customer; a workspace without orders (and no date given) is a user-facing error. */
export function scoreRfm(orders: RfmOrders, meta: RfmMeta, timeZone: string, settings: RfmScoreSettings): RfmResult {
  const asOfDay = settings.asOf === null ? meta.defaultAsOfDay : isoDateToDayNumber(settings.asOf);
  if (Number.isNaN(asOfDay)) throw new UserFacingError('rfm.noOrders', 'this workspace has no orders');
  const { asOf: _asOf, periodDays, ...scoring } = settings;
  return computeRfmFromBlocks([orders.block], RFM_ORDER_TYPES, orders.customerCount, timeZone, { ...scoring, asOfDay, periodDays });
}
