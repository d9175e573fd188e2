import { encodeFrame } from '../../domain/workspaceFile/frameCodec';
import { createPseudonymiser, pseudonymiseBatchRow, pseudonymiseCustomerBlock, pseudonymiseEventBlock, pseudonymiseRunRow, type PseudonymKey, type Pseudonymiser } from '../../domain/workspaceFile/pseudonymise';
import { WORKSPACE_FILE_MAGIC, WORKSPACE_FILE_TABLES, WORKSPACE_FILE_VERSION, type WorkspaceFileHeader } from '../../domain/workspaceFile/workspaceFileFormat';
import type { CustomerBlock, EventBlock } from '../../domain';
import { throwIfCancelled } from '../cancel';
import type { RunContext } from '../port';
import type { WorkspaceExportSource } from './workspaceFileTypes';

/** Rows of the small tables go out in frames of at most this many. */
const ROWS_PER_FRAME = 500;

export interface WriteOptions {
  /** null: as stored; a key: pseudonymised (domain/workspaceFile/pseudonymise.ts) */
  pseudonymKey: PseudonymKey | null;
  now: number;
}

/**
 * The frames of a workspace file, one at a time (the blocks are read as they are written, so
 * a big workspace is never in memory twice). Progress counts frames.
 */
async function* workspaceFrames(source: WorkspaceExportSource, options: WriteOptions, context: RunContext): AsyncGenerator<Uint8Array> {
  const pseudonyms = options.pseudonymKey ? createPseudonymiser(options.pseudonymKey) : null;
  const header: WorkspaceFileHeader = {
    kind: 'header',
    fileVersion: WORKSPACE_FILE_VERSION,
    app: 'ChainLab',
    exportedAt: options.now,
    workspaceName: source.workspaceName,
    isPseudonymised: pseudonyms !== null,
    counts: { customers: source.customers, events: source.events },
  };
  yield encodeFrame(header);
  const rowCounts: Record<string, number> = {};
  let frames = 1;
  const total = 2 + source.blockIds.length + WORKSPACE_FILE_TABLES.length;
  for (const table of WORKSPACE_FILE_TABLES) {
    if (table === 'blocks') {
      for (const id of source.blockIds) {
        throwIfCancelled(context.signal);
        const row = await source.readBlock(id);
        yield encodeFrame({ kind: 'rows', table, rows: [pseudonyms ? pseudonymiseBlockRow(row, pseudonyms) : row] });
        frames++;
        rowCounts[table] = (rowCounts[table] ?? 0) + 1;
        context.progress({ done: frames, total, phase: 'write' });
      }
      continue;
    }
    let rows = source.tables[table];
    if (pseudonyms && table === 'runs') rows = rows.map((row) => pseudonymiseRunRow(row, pseudonyms));
    if (pseudonyms && table === 'importBatches') rows = rows.map(pseudonymiseBatchRow);
    for (let start = 0; start < rows.length; start += ROWS_PER_FRAME) {
      throwIfCancelled(context.signal);
      yield encodeFrame({ kind: 'rows', table, rows: rows.slice(start, start + ROWS_PER_FRAME) });
      frames++;
    }
    rowCounts[table] = rows.length;
    context.progress({ done: frames, total, phase: 'write' });
  }
  yield encodeFrame({ kind: 'end', frames: frames + 1, rows: rowCounts });
  context.progress({ done: total, total, phase: 'write' });
}

function pseudonymiseBlockRow(row: Record<string, unknown>, pseudonyms: Pseudonymiser): Record<string, unknown> {
  if (row.kind === 'customers') return { ...row, columns: pseudonymiseCustomerBlock(row.columns as CustomerBlock, pseudonyms) };
  if (row.kind === 'events') return { ...row, columns: pseudonymiseEventBlock(row.columns as EventBlock, pseudonyms) };
  return row;
}

function streamOf(frames: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await frames.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await frames.return(undefined);
    },
  });
}

/** The whole file: the magic line, then the frames compressed with gzip (the platform's own, off the JavaScript thread). */
export async function writeWorkspaceFile(source: WorkspaceExportSource, options: WriteOptions, context: RunContext): Promise<Blob> {
  const compressed = streamOf(workspaceFrames(source, options, context)).pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  const body = await new Response(compressed).blob();
  throwIfCancelled(context.signal);
  return new Blob([new TextEncoder().encode(WORKSPACE_FILE_MAGIC), body], { type: 'application/octet-stream' });
}
