import { customerAt, type CustomerBlock } from '../columnar';
import { csvLine, CSV_LINE_END } from '../csv';
import { customerDisplayName } from '../model';
import { formatEpochDay, localDayNumber } from '../time';
import { inactionList, type InactionListId, type InactionResult, type InactionSettings } from './inaction';
import { journeyStateAt, type JourneyIndex } from './journeyIndex';
import type { LifecycleStatus } from './lifecycle';

/** One customer of an inaction list as the screen and the CSV show it. */
export interface InactionRow {
  index: number;
  id: string;
  name: string;
  email: string;
  phone: string;
  stageId: string | null;
  lifecycle: LifecycleStatus | null;
  orders: number;
  /** instant of the key event (activity, subscription, order); null when unknown */
  since: number | null;
  days: number | null;
}

export interface InactionPage {
  asOfDate: string | null;
  total: number;
  rows: InactionRow[];
  missingStage: string | null;
}

/** The key event's column name in the CSV, per list. */
export const INACTION_KEY_COLUMN: Record<InactionListId, string> = {
  considered_not_bought: 'last_consideration_date',
  subscribed_no_order: 'subscribed_date',
  one_order_no_repeat: 'first_order_date',
};

function customerLookup(blocks: readonly CustomerBlock[]): (index: number) => { id: string; name: string; email: string; phone: string } {
  return (index) => {
    const block = blocks.find((candidate) => candidate.start <= index && index < candidate.start + candidate.count);
    if (!block) return { id: `#${index}`, name: '', email: '', phone: '' };
    const customer = customerAt(block, index - block.start);
    const name = customerDisplayName({ id: '', firstName: customer.firstName, lastName: customer.lastName });
    return { id: customer.id, name, email: customer.email ?? '', phone: customer.phone ?? '' };
  };
}

function rowAt(index: JourneyIndex, lookup: ReturnType<typeof customerLookup>, result: InactionResult, position: number, at: number): InactionRow {
  const c = result.customers[position]!;
  const state = journeyStateAt(index, c, at);
  const since = result.since[position]!;
  return {
    index: c,
    ...lookup(c),
    stageId: state.stageId,
    lifecycle: state.lifecycle,
    orders: state.orders,
    since: Number.isNaN(since) ? null : since,
    days: result.days[position]! < 0 ? null : result.days[position]!,
  };
}

let lastList: { index: JourneyIndex; key: string; result: InactionResult } | undefined;

/** The list, remembered for the last (index, list, date, settings) so paging does not recompute it. */
function cachedList(index: JourneyIndex, list: InactionListId, at: number, settings: InactionSettings): InactionResult {
  const key = JSON.stringify([list, at, settings]);
  if (lastList?.key !== key || lastList.index !== index) lastList = { index, key, result: inactionList(index, list, at, settings) };
  return lastList.result;
}

export function inactionRows(
  index: JourneyIndex,
  customers: readonly CustomerBlock[],
  list: InactionListId,
  asOf: { date: string; at: number },
  settings: InactionSettings,
  page: number,
  pageSize: number,
): InactionPage {
  const result = cachedList(index, list, asOf.at, settings);
  const lookup = customerLookup(customers);
  const from = Math.max(0, page * pageSize);
  const to = Math.min(result.customers.length, from + pageSize);
  const rows: InactionRow[] = [];
  for (let position = from; position < to; position++) rows.push(rowAt(index, lookup, result, position, asOf.at));
  return { asOfDate: asOf.date, total: result.customers.length, rows, missingStage: result.missingStage ?? null };
}

/**
 * The whole list as CSV (UTF-8 with a byte-order mark, so Excel reads Cyrillic names), every
 * text cell passed through formula neutralisation: a name like "=HYPERLINK(…)" stays text.
 */
export function inactionCsv(
  index: JourneyIndex,
  customers: readonly CustomerBlock[],
  list: InactionListId,
  asOf: { date: string; at: number },
  settings: InactionSettings,
  stageNames: readonly string[],
): { fileName: string; text: string; rows: number } {
  const result = cachedList(index, list, asOf.at, settings);
  const lookup = customerLookup(customers);
  const header = ['customer_id', 'name', 'email', 'phone', 'stage', 'stage_name', 'lifecycle_status', 'orders', INACTION_KEY_COLUMN[list], 'days_since'];
  const lines = [csvLine(header)];
  for (let position = 0; position < result.customers.length; position++) {
    const row = rowAt(index, lookup, result, position, asOf.at);
    const stage = row.stageId === null ? -1 : index.stageIds.indexOf(row.stageId);
    const date = row.since === null ? '' : formatEpochDay(localDayNumber(row.since, index.timeZone));
    lines.push(csvLine([row.id, row.name, row.email, row.phone, row.stageId ?? '', stage >= 0 ? stageNames[stage] ?? row.stageId : '', row.lifecycle ?? '', row.orders, date, row.days ?? ''], { neutralizeFormulas: true }));
  }
  return { fileName: `chainlab-${list.replace(/_/g, '-')}-${asOf.date}.csv`, text: `\uFEFF${lines.join(CSV_LINE_END)}${CSV_LINE_END}`, rows: result.customers.length };
}
