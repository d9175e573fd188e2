import { useLiveQuery } from '../../db/react';
import { useEffect, useState } from 'react';
import { getDatabase } from '../../db';
import { listImportBatches, type StoredImport } from '../../db/repositories/importRepository';
import type { ImportBatch } from '../../domain';
import { isWorkspaceLocked } from '../../db';

export type HistoryStatus = 'running' | 'interrupted' | 'done' | 'failed' | 'rolled_back' | 'cancelled';

export interface HistoryEntry {
  batch: ImportBatch;
  status: HistoryStatus;
}

/** Never settles: a paused live query reads nothing, so it is never re-run and emits nothing. */
const PAUSED = new Promise<never>(() => undefined);

/**
 * The workspace's import batches, newest first, live. A `running` batch is really running only
 * while some tab holds the workspace's import lock; otherwise it was interrupted (a closed tab,
 * a crash) and the user is offered to remove or resume it.
 *
 * `isPaused` (while this tab runs an import, the history is under the progress overlay) keeps
 * the list as it was: the import rewrites its batch after every block it stores, and reloading
 * every batch with its report and re-rendering the table for each put long tasks on the main
 * thread. Resuming re-reads the batches once.
 */
export function useImportHistory(workspaceId: string | undefined, isPaused = false): HistoryEntry[] | undefined {
  const batches = useLiveQuery(() => (isPaused ? PAUSED : workspaceId ? listImportBatches(getDatabase(), workspaceId) : []), [workspaceId, isPaused]);
  const hasRunning = batches?.some((batch) => batch.status === 'running') ?? false;
  const [lockHeld, setLockHeld] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!workspaceId || !hasRunning) return;
    let isActive = true;
    const check = () => void isWorkspaceLocked(workspaceId).then((held) => isActive && setLockHeld(held));
    check();
    const timer = setInterval(check, 2000);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [workspaceId, hasRunning]);
  if (!batches) return undefined;
  return batches.map((batch) => ({ batch, status: statusOf(batch, lockHeld) }));
}

function statusOf(batch: ImportBatch, lockHeld: boolean | undefined): HistoryStatus {
  if (batch.status === 'running') return lockHeld === false ? 'interrupted' : 'running';
  // A batch rolled back before it finished was cancelled or removed; one rolled back after, undone.
  if (batch.status === 'rolled_back' && !(batch.report as StoredImport | undefined)?.undo && batch.kind !== 'demo') return 'cancelled';
  return batch.status;
}
