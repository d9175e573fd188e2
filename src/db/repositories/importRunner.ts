import {
  ImportSession,
  TypeIndex,
  UserFacingError,
  eventBlocksFromRows,
  knownCustomersOf,
  storedEventKeys,
  type Customer,
  type EventRows,
  type ImportBatch,
  type ImportPlan,
  type ImportReport,
} from '../../domain';
import { isCancelled, throwIfCancelled } from '../../engine/cancel';
import { planSource, streamSource } from '../../engine/import/readSource';
import type { ImportChoices, ImportOutcome, ImportProgress } from '../../engine/import/importTypes';
import type { ByteSource } from '../../engine/port';
import type { ChainLabDatabase } from '../schema';
import { ImportBatchWriter, MAX_STORED_REJECTS, loadStoredCustomers, loadStoredEvents, type ImportSettings } from './importRepository';
import { loadEventTypes } from './datasetRepository';

/**
 * Runs one import from a byte source into the store: plan, stream-read (both in
 * engine/import/readSource.ts, shared with the command line), write event blocks as they fill,
 * commit. The Web Worker gives it a File; tests give it a string. Cancelling (the signal) or any
 * failure removes what was written.
 */
export type ImportSource = ByteSource;
export { bytesSource, planSource } from '../../engine/import/readSource';

export type { ImportChoices, ImportOutcome, ImportProgress } from '../../engine/import/importTypes';

export const EVENT_BLOCK_ROWS = 32_768;

function settingsOf(plan: ImportPlan, choices: ImportChoices): ImportSettings {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(plan.mapping)) mapping[field] = plan.layout.columns[column!]!;
  const settings: ImportSettings = { kind: plan.kind, timeZone: plan.timeZone, mapping, encoding: plan.encoding.label, delimiter: plan.layout.dialect.delimiter, hasHeader: plan.layout.hasHeader };
  if (choices.dateFormat) settings.dateFormat = choices.dateFormat;
  if (choices.placeholderIds) settings.placeholderIds = [...choices.placeholderIds];
  if (choices.farDates) settings.farDates = choices.farDates;
  return settings;
}

async function sessionFor(db: ChainLabDatabase, workspaceId: string, plan: ImportPlan, writer: ImportBatchWriter): Promise<ImportSession> {
  const { blocks } = await loadStoredCustomers(db, workspaceId);
  const knownCustomers = knownCustomersOf(blocks);
  const events = plan.kind === 'customers' ? [] : await loadStoredEvents(db, workspaceId);
  const ids = new Map(knownCustomers.map((customer) => [customer.index, customer.id]));
  const knownEventKeys = events.length ? storedEventKeys(events, await loadEventTypes(db, workspaceId), (index) => ids.get(index) ?? '') : undefined;
  const session = new ImportSession(plan, { knownCustomers, knownEventKeys, listedRejectsLimit: MAX_STORED_REJECTS });
  if (session.directory.firstNew !== writer.firstNewIndex) throw new UserFacingError('import.workspaceChanged', 'The workspace changed while the file was imported.');
  return session;
}

function concatRows(parts: EventRows[]): EventRows {
  if (parts.length === 1) return parts[0]!;
  return {
    slot: parts.flatMap((rows) => rows.slot),
    type: parts.flatMap((rows) => rows.type),
    ts: parts.flatMap((rows) => rows.ts),
    amount: parts.flatMap((rows) => rows.amount),
    props: parts.flatMap((rows) => rows.props),
  };
}

function sliceRows(rows: EventRows, from: number, to: number): EventRows {
  return { slot: rows.slot.slice(from, to), type: rows.type.slice(from, to), ts: rows.ts.slice(from, to), amount: rows.amount.slice(from, to), props: rows.props.slice(from, to) };
}

/**
 * Collects the session's events and writes them as full blocks while the file is still read,
 * one write in flight at a time (parsing the next megabyte overlaps with IndexedDB storing the
 * last blocks).
 */
class BlockPipeline {
  private pending: EventRows[] = [];
  private pendingCount = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: ImportBatchWriter,
    private readonly types: TypeIndex,
  ) {}

  async take(rows: EventRows, progress: { rows: number; bytes: number }, isLast: boolean): Promise<void> {
    if (rows.ts.length) {
      this.pending.push(rows);
      this.pendingCount += rows.ts.length;
    }
    if (this.pendingCount === 0 || (!isLast && this.pendingCount < EVENT_BLOCK_ROWS)) return;
    const all = concatRows(this.pending);
    const full = isLast ? all.ts.length : all.ts.length - (all.ts.length % EVENT_BLOCK_ROWS);
    const rest = sliceRows(all, full, all.ts.length);
    this.pending = rest.ts.length ? [rest] : [];
    this.pendingCount = rest.ts.length;
    const blocks = eventBlocksFromRows(full === all.ts.length ? all : sliceRows(all, 0, full), this.types, EVENT_BLOCK_ROWS);
    await this.inFlight;
    this.inFlight = this.writer.writeEvents(blocks, progress);
    // A failed write (a full disk) is thrown where the next take or settle awaits it; until then
    // it must not count as an unhandled rejection (the worker would report it as a crash).
    this.inFlight.catch(() => undefined);
    if (isLast) await this.inFlight;
  }

  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }
}

/** Reads the whole source into a running batch and commits it. */
export async function runImport(db: ChainLabDatabase, workspaceId: string, source: ImportSource, choices: ImportChoices, options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {}): Promise<ImportOutcome> {
  const plan = await planSource(source, choices);
  const settings = settingsOf(plan, choices);
  const writer = await ImportBatchWriter.begin(db, { workspaceId, sourceName: source.name, settings, file: { name: source.name, size: source.size, lastModified: source.lastModified }, columns: plan.layout.columns });
  let pipeline: BlockPipeline | undefined;
  try {
    const session = await sessionFor(db, workspaceId, plan, writer);
    const types = new TypeIndex([...writer.eventTypes]);
    const blocks = new BlockPipeline(writer, types);
    pipeline = blocks;
    const bytes = await streamSource(source, plan, session, {
      signal: options.signal,
      afterChunk: async (bytesRead) => {
        await blocks.take(session.drainEvents(), { rows: session.counts.read, bytes: bytesRead }, false);
        options.onProgress?.({ rows: session.counts.read, bytes: bytesRead, totalBytes: source.size, phase: 'read' });
      },
    });
    const report = session.finish();
    throwIfCancelled(options.signal);
    await pipeline.take(session.drainEvents(), { rows: report.read, bytes }, true);
    options.onProgress?.({ rows: report.read, bytes, totalBytes: source.size, phase: 'commit' });
    return { batch: await commit(writer, session, report, types), report };
  } catch (error) {
    await pipeline?.settle();
    await writer.abandon(error instanceof Error ? error.message : String(error), isCancelled(error));
    throw error;
  }
}

async function commit(writer: ImportBatchWriter, session: ImportSession, report: ImportReport, types: TypeIndex): Promise<ImportBatch> {
  const { directory } = session;
  const newCustomers: Customer[] = [];
  let minimalCustomers = 0;
  for (let slot = directory.firstNew; slot < directory.size; slot++) {
    if (!directory.hasProfile(slot)) minimalCustomers++;
    newCustomers.push(directory.recordOf(slot));
  }
  const { read, accepted, merged, rejected } = report;
  return writer.commit({
    counts: { read, accepted, merged, rejected },
    report,
    rejectedRows: session.rejectedRows,
    newCustomers,
    minimalCustomers,
    updates: directory.knownUpdates(),
    eventTypes: types.types,
  });
}
