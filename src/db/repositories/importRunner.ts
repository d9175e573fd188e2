import {
  HEAD_BYTES,
  ImportSession,
  SAMPLE_WINDOW_BYTES,
  TypeIndex,
  UserFacingError,
  eventBlocksFromRows,
  knownCustomersOf,
  planImport,
  sampleWindowOffsets,
  storedEventKeys,
  type ColumnMapping,
  type CsvKind,
  type Customer,
  type EventRows,
  type ImportBatch,
  type ImportPlan,
  type ImportReport,
} from '../../domain';
import type { ChainLabDatabase } from '../schema';
import { ImportBatchWriter, MAX_STORED_REJECTS, loadStoredCustomers, loadStoredEvents, type ImportSettings } from './importRepository';
import { loadEventTypes } from './datasetRepository';

/**
 * Runs one import from a byte source into the store: plan, stream-read, write event blocks as
 * they fill, commit. The Web Worker gives it a File; tests give it a string. Cancelling (the
 * signal) or any failure removes what was written.
 */
export interface ImportSource {
  name: string;
  size: number;
  lastModified: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  chunks(): AsyncIterable<Uint8Array>;
}

export interface ImportChoices {
  kind?: CsvKind;
  encoding?: string;
  delimiter?: string;
  hasHeader?: boolean;
  dateFormat?: string;
  timeZone: string;
  /** an exact mapping (field → column index) the user confirmed; guessed when absent */
  mapping?: ColumnMapping;
  now?: number;
  /** plan a preview even when required fields are unmapped */
  allowIncomplete?: boolean;
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  phase: 'read' | 'commit';
}

export interface ImportOutcome {
  batch: ImportBatch;
  report: ImportReport;
}

export const EVENT_BLOCK_ROWS = 32_768;
const CHUNK_BYTES = 1 << 20;

/** The plan for a source, from its first bytes and a few windows further in. */
export async function planSource(source: ImportSource, choices: ImportChoices): Promise<ImportPlan> {
  const head = await source.read(0, HEAD_BYTES);
  const windows = await Promise.all(sampleWindowOffsets(source.size).map((offset) => source.read(offset, SAMPLE_WINDOW_BYTES)));
  return planImport({ sourceName: source.name, head, isWholeFile: source.size <= HEAD_BYTES, extraSamples: windows, totalBytes: source.size, ...choices });
}

/** A source over bytes in memory (tests, small texts). */
export function bytesSource(name: string, bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ImportSource {
  return {
    name,
    size: bytes.length,
    lastModified: 0,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    async *chunks() {
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) yield bytes.subarray(offset, offset + chunkBytes);
    },
  };
}

function settingsOf(plan: ImportPlan, choices: ImportChoices): ImportSettings {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(plan.mapping)) mapping[field] = plan.layout.columns[column!]!;
  const settings: ImportSettings = { kind: plan.kind, timeZone: plan.timeZone, mapping, encoding: plan.encoding.label, delimiter: plan.layout.dialect.delimiter, hasHeader: plan.layout.hasHeader };
  if (choices.dateFormat) settings.dateFormat = choices.dateFormat;
  return settings;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserFacingError('import.cancelled', 'The import was cancelled.');
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
    const decoder = new TextDecoder(plan.encoding.label);
    pipeline = new BlockPipeline(writer, types);
    let bytes = 0;
    for await (const chunk of source.chunks()) {
      checkCancelled(options.signal);
      session.pushText(decoder.decode(chunk, { stream: true }));
      bytes += chunk.length;
      await pipeline.take(session.drainEvents(), { rows: session.counts.read, bytes }, false);
      options.onProgress?.({ rows: session.counts.read, bytes, totalBytes: source.size, phase: 'read' });
    }
    session.pushText(decoder.decode());
    const report = session.finish();
    checkCancelled(options.signal);
    await pipeline.take(session.drainEvents(), { rows: report.read, bytes }, true);
    options.onProgress?.({ rows: report.read, bytes, totalBytes: source.size, phase: 'commit' });
    return { batch: await commit(writer, session, report, types), report };
  } catch (error) {
    await pipeline?.settle();
    const isCancel = error instanceof UserFacingError && error.code === 'import.cancelled';
    await writer.abandon(error instanceof Error ? error.message : String(error), isCancel);
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
