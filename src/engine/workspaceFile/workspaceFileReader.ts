import { FrameError, FrameReader } from '../../domain/workspaceFile/frameCodec';
import {
  readBodyFrame,
  readHeader,
  WORKSPACE_FILE_MAGIC,
  WORKSPACE_FILE_RULES,
  WORKSPACE_FILE_TABLES,
  WorkspaceFileProblem,
  type WorkspaceFileHeader,
  type WorkspaceFileRules,
} from '../../domain/workspaceFile/workspaceFileFormat';
import { throwIfCancelled } from '../cancel';
import type { RunContext } from '../port';
import type { StagedWorkspace, WorkspaceRows } from './workspaceFileTypes';

const magicBytes = new TextEncoder().encode(WORKSPACE_FILE_MAGIC);

function emptyRows(): WorkspaceRows {
  return Object.fromEntries(WORKSPACE_FILE_TABLES.map((table) => [table, []])) as unknown as WorkspaceRows;
}

async function checkMagic(file: Blob): Promise<void> {
  if (file.size === 0) throw new WorkspaceFileProblem('empty', 'the file is empty');
  const head = new Uint8Array(await file.slice(0, magicBytes.length).arrayBuffer());
  if (head.length < magicBytes.length || head.some((byte, index) => byte !== magicBytes[index])) {
    throw new WorkspaceFileProblem('foreign', 'the file does not begin with the ChainLab workspace mark');
  }
}

/** Counts the compressed bytes read, for the progress bar. */
function countingStream(onBytes: (bytes: number) => void): TransformStream<Uint8Array, Uint8Array> {
  let bytes = 0;
  return new TransformStream({
    transform(chunk, controller) {
      bytes += chunk.length;
      onBytes(bytes);
      controller.enqueue(chunk);
    },
  });
}

interface StagingState {
  header: WorkspaceFileHeader | null;
  fromVersion: number;
  frames: number;
  isEnded: boolean;
  rows: WorkspaceRows;
}

function stageFrame(state: StagingState, raw: unknown, rules: WorkspaceFileRules): void {
  state.frames++;
  if (!state.header) {
    const { header, fromVersion } = readHeader(raw, rules);
    state.header = header;
    state.fromVersion = fromVersion;
    return;
  }
  if (state.isEnded) throw new WorkspaceFileProblem('corrupt', 'there is data after the end of the workspace');
  const frame = readBodyFrame(raw, state.fromVersion, rules);
  if (frame.kind === 'rows') {
    for (const row of frame.rows) state.rows[frame.table].push(row);
    return;
  }
  state.isEnded = true;
  if (frame.frames !== state.frames) throw new WorkspaceFileProblem('corrupt', `the file says ${frame.frames} frames; ${state.frames} were read`);
  for (const table of WORKSPACE_FILE_TABLES) {
    const expected = frame.rows[table] ?? 0;
    if (expected !== state.rows[table].length) throw new WorkspaceFileProblem('corrupt', `${table}: the file says ${expected} rows; ${state.rows[table].length} were read`);
  }
}

/**
 * Reads a whole workspace file into memory and checks its layout: the mark, the gzip stream,
 * every frame, and the end frame's counts. Nothing is written here; a file that fails any
 * check throws a WorkspaceFileProblem saying what is wrong. Progress: compressed bytes read.
 */
export async function readWorkspaceFile(file: Blob, context: RunContext, rules: WorkspaceFileRules = WORKSPACE_FILE_RULES): Promise<StagedWorkspace> {
  await checkMagic(file);
  const total = file.size;
  const counted = file
    .slice(magicBytes.length)
    .stream()
    .pipeThrough(countingStream((bytes) => context.progress({ done: magicBytes.length + bytes, total, phase: 'read' })));
  const reader = counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  const frames = new FrameReader();
  const state: StagingState = { header: null, fromVersion: 0, frames: 0, isEnded: false, rows: emptyRows() };
  try {
    for (;;) {
      if (context.signal.aborted) {
        await reader.cancel();
        throwIfCancelled(context.signal);
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new WorkspaceFileProblem('corrupt', `the compressed data is damaged or cut short (${error instanceof Error ? error.message : String(error)})`);
      }
      if (chunk.done) break;
      for (const raw of frames.push(chunk.value)) stageFrame(state, raw, rules);
    }
    frames.finish();
  } catch (error) {
    if (error instanceof FrameError) throw new WorkspaceFileProblem(error.reason, error.message);
    throw error;
  }
  if (!state.header) throw new WorkspaceFileProblem('truncated', 'the file holds no workspace header');
  if (!state.isEnded) throw new WorkspaceFileProblem('truncated', 'the file ends before the end of the workspace');
  return { header: state.header, rows: state.rows };
}
