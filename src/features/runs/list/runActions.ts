import { useCallback, useEffect, useState } from 'react';
import type { RunListItem } from '../../../engine/simulate/simulateTypes';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { engineWorker } from '../../../workers/engineClient';
import { useRunOverlay } from '../canvas/runOverlayStore';
import { trackedJob } from '../../interruptedJobs/trackedJob';

/**
 * The saved runs of a workspace and what the Runs screen does with them, through the simulate
 * worker (the use case reads and migrates the stored records; the page never touches them).
 */
export function useSavedRuns(workspaceId: string) {
  const [state, setState] = useState<{ items?: RunListItem[]; error?: unknown }>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    engineWorker('simulate')
      .call('listRuns', { workspaceId })
      .then((items) => isCurrent && setState({ items }))
      .catch((error: unknown) => isCurrent && setState({ error }));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}

export function renameRun(workspaceId: string, runId: string, name: string): Promise<void> {
  return engineWorker('simulate').call('renameRun', { workspaceId, runId, name });
}

/** Deletes a saved run, and the canvas forgets it wherever it showed its counts or deltas (the chain falls back to its newest run). */
export async function deleteRun(workspaceId: string, runId: string): Promise<void> {
  await engineWorker('simulate').call('deleteRun', { workspaceId, runId });
  useRunOverlay.getState().forgetRun(runId);
}

export function loadRun(workspaceId: string, runId: string): Promise<SimulationRunRecord> {
  return engineWorker('simulate').call('loadRun', { workspaceId, runId });
}

/**
 * A run again from its saved inputs (the chains as they were, the settings, the seed): a new
 * saved run. On the same data it gives the same figures (simulation.md invariant 5).
 */
export async function repeatRun(workspaceId: string, runId: string, name: (previous: string) => string, options: { signal: AbortSignal; onProgress?(progress: { done: number; total: number }): void }): Promise<SimulationRunRecord> {
  const record = await loadRun(workspaceId, runId);
  const runName = name(record.name);
  return trackedJob({ kind: 'run', label: runName, workspaceId }, () =>
    engineWorker('simulate').call('simulate', { workspaceId, chains: record.inputs.chains, settings: record.inputs.settings, workers: record.inputs.workers, name: runName }, { signal: options.signal, onProgress: options.onProgress }),
  );
}
