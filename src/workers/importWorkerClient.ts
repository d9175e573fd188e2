import { createWorkerClient, type WorkerClient } from './rpc';
import type { ImportWorkerHandlers } from './importWorker';

let client: WorkerClient<ImportWorkerHandlers> | undefined;

/** The page's import worker, started on first use. */
export function importWorker(): WorkerClient<ImportWorkerHandlers> {
  if (!client) {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'chainlab-import' });
    client = createWorkerClient<ImportWorkerHandlers>(worker);
  }
  return client;
}
