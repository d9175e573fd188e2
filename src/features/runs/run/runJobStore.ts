import { create } from 'zustand';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { isCancelled } from '../../../engine/cancel';
import type { SimulateRequest } from '../../../engine/simulate/simulateTypes';
import { engineWorker } from '../../../workers/engineClient';
import { trackedJob } from '../../interruptedJobs/trackedJob';

/**
 * The run in progress, app-wide: a run lives in the simulate worker, so the user may close the
 * Run dialog and go on working (another screen, another chain) while it runs; the progress panel
 * shows it with Cancel wherever they are. One run at a time: the worker's shards use every core.
 */
export type RunJob =
  | { status: 'running'; id: number; chainIds: string[]; name: string; done: number; total: number; phase: string | null }
  | { status: 'done'; id: number; chainIds: string[]; name: string; record: SimulationRunRecord }
  | { status: 'cancelled'; id: number; chainIds: string[]; name: string }
  | { status: 'failed'; id: number; chainIds: string[]; name: string; error: unknown };

/** Calls the engine; replaced in unit tests. */
export type RunSimulation = (request: SimulateRequest, options: { signal: AbortSignal; onProgress(update: { done: number; total: number; phase?: string }): void }) => Promise<SimulationRunRecord>;

/** The customer-day rows stay in the saved run, out of the answer: the page does not need them here, and unpacking them blocks it (SimulateRequest.answerCustomerDays). */
const workerSimulation: RunSimulation = (request, options) => engineWorker('simulate').call('simulate', { ...request, answerCustomerDays: false }, options);

interface RunJobState {
  job: RunJob | null;
  /** the dialog is showing the job (the floating panel is not needed) */
  isDialogOpen: boolean;
  start(request: SimulateRequest, onFinished?: (record: SimulationRunRecord) => void): Promise<void>;
  cancel(): void;
  /** forgets a finished, cancelled or failed job */
  dismiss(): void;
  setDialogOpen(isOpen: boolean): void;
}

let controller: AbortController | null = null;
let nextId = 1;
let simulation: RunSimulation = workerSimulation;

/** Tests: run simulations through `replacement` (null: the worker again). */
export function setRunSimulation(replacement: RunSimulation | null): void {
  simulation = replacement ?? workerSimulation;
}

export const useRunJob = create<RunJobState>((set, get) => ({
  job: null,
  isDialogOpen: false,
  async start(request, onFinished) {
    if (get().job?.status === 'running') return;
    const id = nextId++;
    const chainIds = request.chains.map((input) => input.chain.id);
    const name = request.name?.trim() || request.chains.map((input) => input.chain.name).join(' + ');
    const own = new AbortController();
    controller = own;
    set({ job: { status: 'running', id, chainIds, name, done: 0, total: 0, phase: null } });
    const isMine = () => get().job?.id === id;
    try {
      const record = await trackedJob({ kind: 'run', label: name, workspaceId: request.workspaceId }, () =>
        simulation(request, {
          signal: own.signal,
          onProgress: (update) => {
            const job = get().job;
            if (job?.id === id && job.status === 'running') set({ job: { ...job, done: update.done, total: update.total, phase: update.phase ?? null } });
          },
        }),
      );
      if (!isMine()) return;
      set({ job: { status: 'done', id, chainIds, name, record } });
      onFinished?.(record);
    } catch (error) {
      if (!isMine()) return;
      set({ job: own.signal.aborted || isCancelled(error) ? { status: 'cancelled', id, chainIds, name } : { status: 'failed', id, chainIds, name, error } });
    } finally {
      if (controller === own) controller = null;
    }
  },
  cancel() {
    controller?.abort();
  },
  dismiss() {
    if (get().job?.status !== 'running') set({ job: null });
  },
  setDialogOpen(isOpen) {
    set({ isDialogOpen: isOpen });
  },
}));

/** The share of the run done, 0…1, or null while it is preparing (no total yet). */
export function runShare(job: RunJob | null): number | null {
  if (!job || job.status !== 'running' || !(job.total > 0)) return null;
  return Math.min(1, job.done / job.total);
}
