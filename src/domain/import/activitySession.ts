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
import { hasOrderKey, ORDER_ID_PROP } from './keys';
import type { FloatIdTally, OrderLedger, UnusableIdTally } from './rowChecks';
import { formatUtcInstant } from '../time/isoFormat';

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
  readonly lineOrders: LineAggregator;
  /** raw event type names already reported as renamed */
  readonly renamedTypes: Set<string>;
  /** the events' props are not kept and no key needs them but an order's id (see `orderProps`) */
  readonly isSkippingProps: boolean;
  /** when skipping props: the keys of this file's props the sink keeps all the same */
  readonly keptPropKeys: readonly string[];
  warn(code: WarningCode, line: number, params: MessageParams, column?: string): void;
  reject(line: number, code: RejectCode, params: MessageParams, fields: readonly string[], column?: string): void;
  addEvent(slot: number, type: string, ts: number, amount: number, props: Record<string, string>, hasExtraProps: boolean, line: number): boolean;
  readonly ledger: OrderLedger;
  readonly unusableIds: UnusableIdTally;
  readonly floatIds: FloatIdTally;
  extraValues(fields: readonly string[]): [string, string][];
  rejectNoCustomer(reference: CustomerRef, fields: readonly string[], line: number): void;
  checkDate(ts: number, line: number, fields: readonly string[]): boolean;
}

function resolveCustomer(state: ActivityState, reference: CustomerRef, fields: readonly string[], line: number): number {
  const slot = state.directory.resolve(reference.id, reference.email, reference.phone);
  state.floatIds.note(reference, slot);
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
  const draft = state.plan.kind === 'lines' ? state.lineOrders.draftOf(activity.orderId(fields, 0)) : undefined;
  const reference = state.customerRows.reference(fields);
  if (reference.idIssue) state.unusableIds.note(reference, line);
  const hasReference = Boolean(reference.id || reference.email || reference.phone);
  if (!hasReference && !draft) {
    state.rejectNoCustomer(reference, fields, line);
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
  const orderId = activity.orderId(fields, line);
  let type = orderType(state, fields, line, orderId);
  if (amount < 0 && type === ORDER_EVENT) {
    const column = activity.columnName('amount');
    state.warn('negative_amount', line, { column, amount }, column);
    type = RETURN_EVENT;
  }
  const value = Math.abs(amount);
  if (!state.checkDate(ts, line, fields)) return;
  const [props, hasExtras] = orderProps(state, fields);
  if (isRepeatedOrder(state, type, props, reference, ts, value, fields, line)) return;
  const slot = resolveCustomer(state, reference, fields, line);
  if (state.addEvent(slot, type, ts, value, props, hasExtras, line)) state.counts.accepted++;
  else state.counts.merged++;
}

/**
 * An order id read before in this file: the same order again (same customer, time and amount:
 * merged) or a conflict (another customer, time or amount: rejected, naming the first line).
 * Returns whether the row was handled so.
 */
function isRepeatedOrder(state: ActivityState, type: string, props: Record<string, string>, reference: CustomerRef, ts: number, amount: number, fields: readonly string[], line: number): boolean {
  if (!hasOrderKey(type, props)) return false;
  const entry = state.ledger.entryOf(type, props[ORDER_ID_PROP]!);
  if (entry < 0) return false;
  const { ledger, directory } = state;
  const slot = directory.peek(reference.id, reference.email, reference.phone);
  const first: string[] = [];
  const current: string[] = [];
  // each difference also as its own params, so the app can word it in the user's language
  const differences: MessageParams = {};
  if (slot !== ledger.slotOf(entry)) {
    differences.firstCustomer = directory.idOf(ledger.slotOf(entry));
    differences.thisCustomer = reference.id || reference.email || reference.phone || '';
    first.push(`customer ${differences.firstCustomer}`);
    current.push(`customer ${differences.thisCustomer}`);
  }
  if (ts !== ledger.tsOf(entry)) {
    differences.firstTime = formatUtcInstant(ledger.tsOf(entry));
    differences.thisTime = formatUtcInstant(ts);
    first.push(differences.firstTime);
    current.push(differences.thisTime);
  }
  const firstAmount = ledger.amountOf(entry);
  if (amount !== firstAmount && !(Number.isNaN(amount) && Number.isNaN(firstAmount))) {
    differences.firstAmount = String(firstAmount);
    differences.thisAmount = String(amount);
    first.push(`amount ${firstAmount}`);
    current.push(`amount ${amount}`);
  }
  if (first.length === 0) {
    state.counts.merged++;
    return true;
  }
  const column = state.activity!.columnName('orderId');
  state.reject(line, 'order_conflict', { column, orderId: props[ORDER_ID_PROP]!, firstLine: ledger.lineOf(entry), first: first.join(', '), this: current.join(', '), ...differences }, fields, column);
  return true;
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
    if (!Number.isNaN(amount) && type === RETURN_EVENT) amount = Math.abs(amount);
  }
  if (!state.checkDate(ts, line, fields)) return;
  if (isRepeatedOrder(state, type, props, reference, ts, amount, fields, line)) return;
  const slot = resolveCustomer(state, reference, fields, line);
  if (state.addEvent(slot, type, ts, amount, props, hasExtras, line)) state.counts.accepted++;
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
  const orderId = activity.orderId(fields, line);
  const type = orderType(state, fields, line, orderId);
  if (!state.checkDate(ts, line, fields)) return;
  const [props] = rowProps(state, fields);
  const slot = reference ? resolveCustomer(state, reference, fields, line) : orderSlot!;
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
      if (!state.addEvent(draft.slot, event.type, draft.ts, event.amount, draftProps(draft, event.items), true, draft.firstLine)) isDuplicate = true;
    }
    if (isDuplicate) {
      state.counts.accepted -= draft.lines;
      state.counts.merged += draft.lines;
    }
  }
}
