import { createWorkerClient, type WorkerClient } from './rpc';
import type { DataWorkerHandlers } from './dataWorker';

let client: WorkerClient<DataWorkerHandlers> | undefined;

/** The page's one data worker, started on first use. */
export function dataWorker(): WorkerClient<DataWorkerHandlers> {
  if (!client) {
    const worker = new Worker(new URL('./dataWorker.ts', import.meta.url), { type: 'module', name: 'chainlab-data' });
    client = createWorkerClient<DataWorkerHandlers>(worker);
  }
  return client;
}
