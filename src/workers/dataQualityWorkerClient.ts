import { createWorkerClient, type WorkerClient } from './rpc';
import type { DataQualityWorkerHandlers } from './dataQualityWorker';

let client: WorkerClient<DataQualityWorkerHandlers> | undefined;

/** The page's data-quality worker, started on first use. */
export function dataQualityWorker(): WorkerClient<DataQualityWorkerHandlers> {
  if (!client) {
    const worker = new Worker(new URL('./dataQualityWorker.ts', import.meta.url), { type: 'module', name: 'chainlab-data-quality' });
    client = createWorkerClient<DataQualityWorkerHandlers>(worker);
  }
  return client;
}
