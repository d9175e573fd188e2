import type { createAudienceHandlers } from '../engine/audiences/audienceHandlers';
import type { createDataHandlers } from '../engine/data/dataHandlers';
import type { HandlerMap } from '../engine/handlers';
import type { createImportHandlers } from '../engine/import/importHandlers';
import type { createJourneyHandlers } from '../engine/journey/journeyHandlers';
import type { createMetricsHandlers } from '../engine/metrics/metricsHandlers';
import type { createQualityHandlers } from '../engine/quality/qualityHandlers';
import type { createRfmHandlers } from '../engine/rfm/rfmHandlers';
import type { createSimulateHandlers } from '../engine/simulate/simulateHandlers';
import type { createWorkspaceFileHandlers } from '../engine/workspaceFile/workspaceFileHandlers';

/**
 * Every use case the app serves in a Web Worker: one entry each, naming its handler factory (for
 * the types of `engineWorker(name).call` and `useEngineCall`) and starting its worker, whose
 * entry (entries/<name>.worker.ts, three lines) serves that factory over the Dexie port. Vite
 * bundles each entry on its own, so a worker loads only its use case's code.
 */
export const USE_CASE_WORKERS = {
  audiences: workerOf<typeof createAudienceHandlers>(() => new Worker(new URL('./entries/audiences.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-audiences' })),
  data: workerOf<typeof createDataHandlers>(() => new Worker(new URL('./entries/data.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-data' })),
  import: workerOf<typeof createImportHandlers>(() => new Worker(new URL('./entries/import.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-import' })),
  journey: workerOf<typeof createJourneyHandlers>(() => new Worker(new URL('./entries/journey.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-journey' })),
  metrics: workerOf<typeof createMetricsHandlers>(() => new Worker(new URL('./entries/metrics.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-metrics' })),
  quality: workerOf<typeof createQualityHandlers>(() => new Worker(new URL('./entries/quality.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-quality' })),
  rfm: workerOf<typeof createRfmHandlers>(() => new Worker(new URL('./entries/rfm.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-rfm' })),
  simulate: workerOf<typeof createSimulateHandlers>(() => new Worker(new URL('./entries/simulate.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-simulate' })),
  workspaceFile: workerOf<typeof createWorkspaceFileHandlers>(() => new Worker(new URL('./entries/workspaceFile.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-workspace-file' })),
};

/** A use case's handler factory, whatever part of the port it takes. */
type UseCaseFactory = (port: never) => HandlerMap;

export interface UseCaseWorker<Create extends UseCaseFactory> {
  start(): Worker;
  /** Type only: the handler map the worker serves. */
  handlers?: ReturnType<Create>;
}

function workerOf<Create extends UseCaseFactory>(start: () => Worker): UseCaseWorker<Create> {
  return { start };
}

export type UseCaseName = keyof typeof USE_CASE_WORKERS;

/** The handler map of a use case's worker: what `engineWorker(name).call(method, args)` is typed by. */
export type UseCaseHandlers<N extends UseCaseName> = NonNullable<(typeof USE_CASE_WORKERS)[N]['handlers']>;
