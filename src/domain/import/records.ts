import type { CrmEvent } from '../model/event';
import type { Customer } from '../model/customer';
import { decodeWhole } from './encoding';
import { planImport, type ImportPlan, type PlanInput } from './plan';
import type { ImportReport } from './report';
import { ImportSession, type RejectedRow, type SessionOptions } from './session';
import { CrmEventSink, EventColumnsSink, type EventColumns, type EventRows } from './sinks';
import type { CustomerDirectory } from './customerDirectory';

/** Events of a session as CrmEvent records (customer ids resolved at the end, when they are final). */
export function toCrmEvents(rows: EventRows, directory: CustomerDirectory, into: CrmEvent[] = []): CrmEvent[] {
  for (let i = 0; i < rows.ts.length; i++) {
    const amount = rows.amount[i]!;
    const event: CrmEvent = { customerId: directory.idOf(rows.slot[i]!), type: rows.type[i]!, ts: rows.ts[i]!, props: rows.props[i]! };
    if (!Number.isNaN(amount)) event.amount = amount;
    into.push(event);
  }
  return into;
}

export interface ImportedRecords {
  report: ImportReport;
  customers: Customer[];
  events: CrmEvent[];
  rejectedRows: RejectedRow[];
}

/** The records of a finished session (one made with a CrmEventSink): customers with profile data from the file, and every event. */
export function sessionRecords(session: ImportSession): ImportedRecords {
  const report = session.finish();
  if (!(session.sink instanceof CrmEventSink)) throw new Error('sessionRecords needs a session with a CrmEventSink.');
  return { report, customers: session.directory.newProfiles(), events: session.sink.finish(), rejectedRows: session.rejectedRows };
}

/** A session that collects CrmEvent records. */
export function recordSession(plan: ImportPlan, options: Omit<SessionOptions, 'sink'> = {}): ImportSession {
  return new ImportSession(plan, { ...options, sink: (directory) => new CrmEventSink(directory) });
}

export interface ImportedColumns {
  report: ImportReport;
  /** as in `ImportedRecords` */
  customers: Customer[];
  /** every event as columns (no props), in the order `ImportedRecords.events` has them */
  events: EventColumns;
  /** customer id of each slot of `events.slot`, as final at the end of the file */
  customerIds: string[];
  rejectedRows: RejectedRow[];
}

/** Columns made ready for at most this many events up front (22 bytes each); larger files grow them. */
const MAX_PRESIZED_EVENTS = 50_000_000;

/** A session that keeps events as typed columns without props, but those `keepsProp` names (`sessionColumns`). */
export function columnSession(plan: ImportPlan, options: Omit<SessionOptions, 'sink'> & { keepsProp?: (key: string) => boolean } = {}): ImportSession {
  const { keepsProp, ...sessionOptions } = options;
  return new ImportSession(plan, { ...sessionOptions, sink: () => new EventColumnsSink(keepsProp, Math.min(plan.estimatedRows, MAX_PRESIZED_EVENTS)) });
}

/** What `sessionRecords` gives, with the events as columns: for callers that need no props. */
export function sessionColumns(session: ImportSession): ImportedColumns {
  const report = session.finish();
  if (!(session.sink instanceof EventColumnsSink)) throw new Error('sessionColumns needs a session made with columnSession.');
  const { directory } = session;
  const customerIds = Array.from({ length: directory.size }, (_, slot) => directory.idOf(slot));
  // profile data for customers the session was told of (the command line's other files) first, under their ids; none without `knownCustomers`
  const customers = [...directory.knownUpdates().values(), ...directory.newProfiles()];
  return { report, customers, events: session.sink.finish(), customerIds, rejectedRows: session.rejectedRows };
}

/**
 * The customer index of every event of a file read as columns, in an index space shared with
 * other files: `ids` (index → id) and `indexOf` are extended in place. New customers are
 * numbered as the CrmEvent path numbers them — those with profile data in the file first, then
 * in the order of their first event — so a file gives the same indexes either way.
 */
export function indexColumnCustomers(records: Pick<ImportedColumns, 'events' | 'customerIds' | 'customers'>, ids: string[], indexOf: Map<string, number>): Int32Array {
  for (const customer of records.customers) {
    if (!indexOf.has(customer.id)) indexOf.set(customer.id, ids.push(customer.id) - 1);
  }
  const { events, customerIds: idOfSlot } = records;
  const indexOfSlot = new Int32Array(idOfSlot.length).fill(-1);
  const indexes = new Int32Array(events.count);
  for (let i = 0; i < events.count; i++) {
    const slot = events.slot[i]!;
    let index = indexOfSlot[slot]!;
    if (index < 0) {
      const id = idOfSlot[slot]!;
      index = indexOf.get(id) ?? -1;
      if (index < 0) indexOf.set(id, (index = ids.push(id) - 1));
      indexOfSlot[slot] = index;
    }
    indexes[i] = index;
  }
  return indexes;
}

/** Imports a whole text at once (tests, small files): plan, read, report. */
export function importText(text: string, input: Omit<PlanInput, 'head' | 'isWholeFile'>, options: SessionOptions = {}): ImportedRecords {
  const bytes = new TextEncoder().encode(text);
  const plan = planImport({ ...input, head: bytes, isWholeFile: true });
  const session = recordSession(plan, options);
  session.pushText(decodeWhole(plan.encoding.label, bytes));
  return sessionRecords(session);
}
