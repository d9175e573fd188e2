import { previewOf, UserFacingError, type ImportPreview } from '../../domain';
import type { HandlerMap } from '../handlers';
import type { ByteSource, RunContext } from '../port';
import { createProgressThrottle } from '../progressThrottle';
import type { ImportChoices, ImportOutcome, ImportProgress, RunResult, UndoResult } from './importTypes';
import { blobSource, planSource } from './readSource';

/**
 * The import worker's use case: previews a File, runs the import into the workspace with
 * progress and cancel, and undoes or removes batches — off the main thread, so the page stays
 * responsive while a million rows go in. Progress: `done` rows read of about `total`.
 * Storing is the app's (src/db implements ImportStore); reading the file is shared with the
 * command line (readSource.ts).
 */
export interface ImportStore {
  runImport(workspaceId: string, source: ByteSource, choices: ImportChoices, options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void }): Promise<ImportOutcome>;
  undoImport(workspaceId: string, batchId: string): Promise<UndoResult>;
  /** Deletes the blocks of a batch that never finished. */
  removeImport(workspaceId: string, batchId: string): Promise<void>;
  /** One data-changing job per workspace at a time, across tabs; `onBusy()` is thrown when another holds it. */
  withWorkspaceLock<T>(workspaceId: string, onBusy: () => Error, work: () => Promise<T>): Promise<T>;
}

function busy(): UserFacingError {
  return new UserFacingError('import.busy', 'Another import or undo is running in this workspace (maybe in another tab).');
}

/** At most 10 progress messages a second reach the page (plus the switch to `commit`). */
const PROGRESS_INTERVAL_MS = 100;

export function createImportHandlers(store: ImportStore) {
  async function inspect(args: { file: Blob; choices: ImportChoices }): Promise<ImportPreview> {
    const plan = await planSource(blobSource(args.file), { ...args.choices, allowIncomplete: true });
    return previewOf(plan);
  }

  async function run(args: { workspaceId: string; file: Blob; choices: ImportChoices }, context: RunContext): Promise<RunResult> {
    const sendProgress = createProgressThrottle(context.progress, PROGRESS_INTERVAL_MS);
    return store.withWorkspaceLock(args.workspaceId, busy, async () => {
      const { batch, report } = await store.runImport(args.workspaceId, blobSource(args.file), args.choices, {
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
    return store.withWorkspaceLock(args.workspaceId, busy, () => store.undoImport(args.workspaceId, args.batchId));
  }

  async function remove(args: { workspaceId: string; batchId: string }): Promise<void> {
    return store.withWorkspaceLock(args.workspaceId, busy, () => store.removeImport(args.workspaceId, args.batchId));
  }

  return { inspect, run, undo, remove } satisfies HandlerMap;
}

export type ImportHandlers = ReturnType<typeof createImportHandlers>;
