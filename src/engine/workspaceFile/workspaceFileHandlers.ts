import { isQuotaError, UserFacingError } from '../../domain/errors';
import { pseudonymKeyFrom } from '../../domain/workspaceFile/pseudonymise';
import { workspaceFileName, WorkspaceFileProblem } from '../../domain/workspaceFile/workspaceFileFormat';
import type { HandlerMap } from '../handlers';
import type { RunContext } from '../port';
import { createProgressThrottle } from '../progressThrottle';
import { readWorkspaceFile } from './workspaceFileReader';
import type { ExportResult, ImportedWorkspace, WorkspaceFileStore } from './workspaceFileTypes';
import { writeWorkspaceFile } from './workspaceFileWriter';

function busy(): UserFacingError {
  return new UserFacingError('workspaceFile.busy', 'An import or another job is changing this workspace (maybe in another tab); export it when it has finished.');
}

/** A file problem as the error the screens translate (`errors.workspaceFile.<code>`). */
function userFacing(error: unknown): unknown {
  if (isQuotaError(error)) return new UserFacingError('workspaceFile.quota', 'There is not enough storage space in this browser for this workspace; nothing was saved.');
  if (!(error instanceof WorkspaceFileProblem)) return error;
  return new UserFacingError(`workspaceFile.${error.code}`, `This is not a workspace file ChainLab can open: ${error.detail}`, { detail: error.detail });
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * The workspace-file use case (issue 17): export a whole workspace to one file, and import such
 * a file as a new workspace. Both run in a Web Worker with progress and Cancel; an import reads
 * and checks the whole file before one row is written, and writes in one transaction.
 */
export function createWorkspaceFileHandlers(store: WorkspaceFileStore, now: () => number = Date.now) {
  async function exportWorkspace(args: { workspaceId: string; isPseudonymised: boolean }, context: RunContext): Promise<ExportResult> {
    const progress = createProgressThrottle(context.progress, PROGRESS_INTERVAL_MS);
    return store.withWorkspaceLock(args.workspaceId, busy, async () => {
      const source = await store.readForExport(args.workspaceId);
      const pseudonymKey = args.isPseudonymised ? pseudonymKeyFrom(crypto.getRandomValues(new Uint32Array(4))) : null;
      const file = await writeWorkspaceFile(source, { pseudonymKey, now: now() }, { ...context, progress });
      context.progress({ done: 1, total: 1, phase: 'done' });
      return { file, fileName: workspaceFileName(source.workspaceName, args.isPseudonymised), bytes: file.size };
    });
  }

  async function importWorkspace(args: { file: Blob }, context: RunContext): Promise<ImportedWorkspace> {
    const progress = createProgressThrottle(context.progress, PROGRESS_INTERVAL_MS);
    try {
      const staged = await readWorkspaceFile(args.file, { ...context, progress });
      context.progress({ done: args.file.size, total: args.file.size, phase: 'commit' });
      return await store.writeImported(staged);
    } catch (error) {
      throw userFacing(error);
    }
  }

  return { exportWorkspace, importWorkspace } satisfies HandlerMap;
}

export type WorkspaceFileHandlers = ReturnType<typeof createWorkspaceFileHandlers>;
