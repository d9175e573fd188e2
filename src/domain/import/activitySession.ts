import { ORDER_EVENT, RETURN_EVENT } from '../model/event';
import { orderStatusOf, type ActivityRowReader } from './activityRows';
import type { CustomerDirectory } from './customerDirectory';
import type { CustomerRef, CustomerRowReader } from './customerRows';
import type { CanonicalField } from './fields';
import type { LineAggregator} from './lineOrders';
import { draftEvents, draftProps } from './lineOrders';
import type { ImportPlan } from './plan';
import { dateParams, type MessageParams, type RejectCode, type WarningCode } from './messages';
import type { Counts } from './sessionCounts';
import type { SlotSet } from './sinks';
import { roundMoney } from './values/numbers';
import { ORDER_ID_PROP } from './keys';

/**
 * Rows of orders, order-lines and events files (the customers kind is read by the session
 * itself). Each row is checked completely before its customer is looked up or created, so a
 * rejected row leaves no trace but its reject.
 */
export interface ActivityState {
  readonly plan: ImportPlan;
  readonly counts: Counts;
  readonly directory: CustomerDirectory;
  readonly customerRows: CustomerRowReader;
  readonly activity: ActivityRowReader | undefined;
  readonly lastSignature: Map<number, string>;
  readonly customersSeen: SlotSet;
  readonly lastKey: number;
  readonly lineOrders: LineAggregator;
  /** raw event type names already reported as renamed */
  readonly renamedTypes: Set<string>;
  /** the events' props are not kept and no key needs them but an order's id (see `orderProps`) */
  readonly isSkippingProps: boolean;
  /** when skipping props: the keys of this file's props the sink keeps all the same */
  readonly keptPropKeys: readonly string[];
  warn(code: WarningCode, line: number, params: MessageParams, column?: string): void;
  reject(line: number, code: RejectCode, params: MessageParams, fields: readonly string[], column?: string): void;
  addEvent(slot: number, type: string, ts: number, amount: number, props: Record<string, string>, hasExtraProps: boolean): boolean;
  amountOf(key: number): number;
  extraValues(fields: readonly string[]): [string, string][];
  noCustomerParams(fields: readonly string[]): MessageParams;
  futureCheck(ts: number, line: number, field: CanonicalField): void;
}

function resolveCustomer(state: ActivityState, reference: CustomerRef, fields: readonly string[], line: number): number {
  const slot = state.directory.resolve(reference.id, reference.email, reference.phone);
  if (state.customerRows.hasProfile) {
    const signature = state.customerRows.signature(fields);
    if (state.lastSignature.get(slot) !== signature) {
      state.lastSignature.set(slot, signature);
      state.directory.applyProfile(slot, state.customerRows.profile(fields, line));
    }
  }
  return slot;
}

/** Props of the row with extra values ("column N") added; tells whether there were any. */
function rowProps(state: ActivityState, fields: readonly string[]): [Record<string, string>, boolean] {
  const props = state.activity!.props(fields);
  if (fields.length <= state.plan.layout.columns.length) return [props, false];
  const extras = state.extraValues(fields);
  for (const [name, value] of extras) props[name] = value;
  return [props, extras.length > 0];
}

const NO_PROPS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The props an order needs when its sink keeps none: only the order id, which keys it (see
 * `ImportSession.addEvent`); the same value `rowProps` would give it. Saves a props object
 * and a string per column on each of a million rows (`chainlab rfm`).
 */
function orderProps(state: ActivityState, fields: readonly string[]): [Record<string, string>, boolean] {
  if (!state.isSkippingProps) return rowProps(state, fields);
  const orderId = state.activity!.propValue(fields, ORDER_ID_PROP);
  if (state.keptPropKeys.length === 0) return [orderId === undefined ? NO_PROPS : { [ORDER_ID_PROP]: orderId }, false];
  const props: Record<string, string> = orderId === undefined ? {} : { [ORDER_ID_PROP]: orderId };
  for (const key of state.keptPropKeys) {
    const value = state.activity!.propValue(fields, key);
    if (value !== undefined) props[key] = value;
  }
  return [props, false];
}

/** Reads one data row of an orders, lines or events file. */
export function readActivityRow(state: ActivityState, fields: string[], line: number): void {
  const activity = state.activity!;
  // Order-line exports (Shopify, 1C reports) often give the date and customer on an order's
  // first line only: later lines of the same order take them from it.
  const draft = state.plan.kind === 'lines' ? state.lineOrders.draftOf(activity.value(fields, 'orderId')) : undefined;
  const reference = state.customerRows.reference(fields);
  const hasReference = Boolean(reference.id || reference.email || reference.phone);
  if (!hasReference && !draft) {
    state.reject(line, 'no_customer', state.noCustomerParams(fields), fields);
    return;
  }
  const tsRaw = activity.value(fields, 'ts');
  const tsColumn = activity.columnName('ts');
  if (!tsRaw && !draft) {
    state.reject(line, 'empty', { column: tsColumn }, fields, tsColumn);
    return;
  }
  const ts = tsRaw ? activity.ts!.instant(tsRaw) : draft!.ts;
  if (Number.isNaN(ts)) {
    state.reject(line, 'date', { column: tsColumn, ...dateParams(activity.ts!.problem) }, fields, tsColumn);
    return;
  }
  if (state.plan.kind === 'orders') readOrder(state, fields, line, reference, ts);
  else if (state.plan.kind === 'events') readEvent(state, fields, line, reference, ts);
  else readLine(state, fields, line, hasReference ? reference : undefined, ts, draft?.slot);
}

function requiredNumber(state: ActivityState, fields: readonly string[], line: number, field: CanonicalField): number | undefined {
  const activity = state.activity!;
  const raw = activity.value(fields, field);
  const column = activity.columnName(field);
  if (!raw) {
    state.reject(line, 'empty', { column }, fields, column);
    return undefined;
  }
  const value = activity.money.read(raw);
  if (Number.isNaN(value)) {
    state.reject(line, 'not_number', { column, value: raw }, fields, column);
    return undefined;
  }
  return value;
}

function orderType(state: ActivityState, fields: readonly string[], line: number, orderId: string): string {
  const activity = state.activity!;
  const statusRaw = activity.value(fields, 'status');
  const status = orderStatusOf(statusRaw);
  if (status === 'cancelled') {
    const column = activity.columnName('status');
    state.warn('cancelled_order', line, { column, value: statusRaw }, column);
    return 'order_cancelled';
  }
  const prefix = state.plan.cancellationPrefix;
  return status === 'return' || (prefix !== undefined && orderId.startsWith(prefix)) ? RETURN_EVENT : ORDER_EVENT;
}

function readOrder(state: ActivityState, fields: string[], line: number, reference: CustomerRef, ts: number): void {
  const activity = state.activity!;
  const amount = requiredNumber(state, fields, line, 'amount');
  if (amount === undefined) return;
  const orderId = activity.value(fields, 'orderId');
  let type = orderType(state, fields, line, orderId);
  if (amount < 0 && type === ORDER_EVENT) {
    const column = activity.columnName('amount');
    state.warn('negative_amount', line, { column, amount }, column);
    type = RETURN_EVENT;
  }
  const value = roundMoney(Math.abs(amount));
  const [props, hasExtras] = orderProps(state, fields);
  const slot = resolveCustomer(state, reference, fields, line);
  state.futureCheck(ts, line, 'ts');
  if (state.addEvent(slot, type, ts, value, props, hasExtras)) {
    state.counts.accepted++;
    return;
  }
  state.counts.merged++;
  const first = state.amountOf(state.lastKey);
  if (orderId && !Number.isNaN(first) && first !== value) {
    const column = activity.columnName('orderId');
    state.warn('duplicate_conflict', line, { column, orderId, first, amount: value }, column);
  }
}

function readEvent(state: ActivityState, fields: string[], line: number, reference: CustomerRef, ts: number): void {
  const activity = state.activity!;
  const typeRaw = activity.value(fields, 'type');
  const typeColumn = activity.columnName('type');
  if (!typeRaw) return state.reject(line, 'empty', { column: typeColumn }, fields, typeColumn);
  let type = activity.types.read(typeRaw);
  if (!type) return state.reject(line, 'bad_event_type', { column: typeColumn, value: typeRaw }, fields, typeColumn);
  noteRenamed(state, typeRaw, type, line, typeColumn);
  const [props, hasExtras] = rowProps(state, fields);
  let amount = Number.NaN;
  const amountRaw = activity.value(fields, 'amount');
  if (amountRaw) {
    amount = activity.money.read(amountRaw);
    const column = activity.columnName('amount');
    if (Number.isNaN(amount)) {
      props[column] = amountRaw;
      state.warn('invalid_value', line, { column, value: amountRaw, what: 'number', keptAs: 'prop' }, column);
    } else if (amount < 0 && type === ORDER_EVENT) {
      state.warn('negative_amount', line, { column, amount }, column);
      type = RETURN_EVENT;
    }
    if (!Number.isNaN(amount)) amount = roundMoney(type === RETURN_EVENT ? Math.abs(amount) : amount);
  }
  const slot = resolveCustomer(state, reference, fields, line);
  state.futureCheck(ts, line, 'ts');
  if (state.addEvent(slot, type, ts, amount, props, hasExtras)) state.counts.accepted++;
  else state.counts.merged++;
}

function noteRenamed(state: ActivityState, raw: string, type: string, line: number, column: string): void {
  if (raw === type || state.renamedTypes.has(raw)) return;
  state.renamedTypes.add(raw);
  state.warn('event_type_renamed', line, { column, value: raw, type }, column);
}

function readLine(state: ActivityState, fields: string[], line: number, reference: CustomerRef | undefined, ts: number, orderSlot: number | undefined): void {
  const activity = state.activity!;
  const quantityRaw = activity.value(fields, 'quantity');
  let quantity = 1;
  if (quantityRaw) {
    quantity = activity.money.read(quantityRaw);
    const column = activity.columnName('quantity');
    if (Number.isNaN(quantity)) return state.reject(line, 'not_number', { column, value: quantityRaw }, fields, column);
  }
  let value: number;
  if (activity.value(fields, 'lineAmount') || state.plan.mapping.price === undefined) {
    const lineAmount = requiredNumber(state, fields, line, 'lineAmount');
    if (lineAmount === undefined) return;
    value = quantity < 0 && lineAmount > 0 ? -lineAmount : lineAmount;
  } else {
    const price = requiredNumber(state, fields, line, 'price');
    if (price === undefined) return;
    value = quantity * price;
  }
  const orderId = activity.value(fields, 'orderId');
  const type = orderType(state, fields, line, orderId);
  const [props] = rowProps(state, fields);
  const slot = reference ? resolveCustomer(state, reference, fields, line) : orderSlot!;
  state.futureCheck(ts, line, 'ts');
  const other = state.lineOrders.add({
    orderId, slot, ts, line, value, quantity, props,
    isReturn: type === RETURN_EVENT,
    isCancelled: type === 'order_cancelled',
    sku: activity.value(fields, 'sku'),
    product: activity.value(fields, 'productName'),
    category: activity.value(fields, 'category'),
  });
  if (other !== undefined) {
    const column = activity.columnName('orderId');
    state.warn('customer_conflict', line, { column, orderId, customer: state.directory.idOf(slot), other: state.directory.idOf(other) }, column);
  }
  state.counts.accepted++;
}

/** Turns the aggregated lines into order and return events (at the end of the file). */
export function finishLineOrders(state: ActivityState): void {
  for (const draft of state.lineOrders.values()) {
    let isDuplicate = false;
    for (const event of draftEvents(draft)) {
      if (!state.addEvent(draft.slot, event.type, draft.ts, event.amount, draftProps(draft, event.items), true)) isDuplicate = true;
    }
    if (isDuplicate) {
      state.counts.accepted -= draft.lines;
      state.counts.merged += draft.lines;
    }
  }
}
