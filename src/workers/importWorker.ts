/// <reference lib="webworker" />
import { getDatabase } from '../db';
import { removeBatch } from '../db/repositories/importRepository';
import { planSource, runImport, type ImportChoices } from '../db/repositories/importRunner';
import { undoImportBatch, type UndoResult } from '../db/repositories/importUndo';
import { previewOf, UserFacingError, type ImportPreview, type ImportReport } from '../domain';
import { fileSource, withWorkspaceLock } from './importSource';
import { createProgressThrottle } from './progressThrottle';
import { serveHandlers, type HandlerContext, type HandlerMap } from './rpc';

/**
 * The import worker: reads the File, previews it, runs the import into IndexedDB with progress
 * and cancel, and undoes or removes batches — off the main thread, so the page stays
 * responsive while a million rows go in. Progress: `done` rows read of about `total`.
 */
function busy(): UserFacingError {
  return new UserFacingError('import.busy', 'Another import or undo is running in this workspace (maybe in another tab).');
}

async function inspect(args: { file: File; choices: ImportChoices }): Promise<ImportPreview> {
  const plan = await planSource(fileSource(args.file), { ...args.choices, allowIncomplete: true });
  return previewOf(plan);
}

export interface RunResult {
  batchId: string;
  report: ImportReport;
}

/** At most 10 progress messages a second reach the page (plus the switch to `commit`). */
const PROGRESS_INTERVAL_MS = 100;

async function run(args: { workspaceId: string; file: File; choices: ImportChoices }, context: HandlerContext): Promise<RunResult> {
  const sendProgress = createProgressThrottle(context.progress, PROGRESS_INTERVAL_MS);
  return withWorkspaceLock(args.workspaceId, busy, async () => {
    const { batch, report } = await runImport(getDatabase(), args.workspaceId, fileSource(args.file), args.choices, {
      signal: context.signal,
      onProgress: (progress) => {
        const share = progress.totalBytes ? progress.bytes / progress.totalBytes : 1;
        const total = progress.phase === 'commit' ? progress.rows : Math.max(progress.rows, Math.round(progress.rows / Math.max(share, 1e-6)));
        sendProgress({ done: progress.rows, total, phase: progress.phase });
      },
    });
    return { batchId: batch.id, report };
  });
}

async function undo(args: { workspaceId: string; batchId: string }): Promise<UndoResult> {
  return withWorkspaceLock(args.workspaceId, busy, () => undoImportBatch(getDatabase(), args.workspaceId, args.batchId));
}

async function remove(args: { workspaceId: string; batchId: string }): Promise<void> {
  return withWorkspaceLock(args.workspaceId, busy, () => removeBatch(getDatabase(), args.batchId));
}

const handlers = { inspect, run, undo, remove } satisfies HandlerMap;
export type ImportWorkerHandlers = typeof handlers;

serveHandlers(self, handlers);
