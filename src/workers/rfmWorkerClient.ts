import { createWorkerClient, type WorkerClient } from './rpc';
import type { RfmWorkerHandlers } from './rfmWorker';

let client: WorkerClient<RfmWorkerHandlers> | undefined;

/** The page's one RFM worker, started on first use. */
export function rfmWorker(): WorkerClient<RfmWorkerHandlers> {
  if (!client) {
    const worker = new Worker(new URL('./rfmWorker.ts', import.meta.url), { type: 'module', name: 'chainlab-rfm' });
    client = createWorkerClient<RfmWorkerHandlers>(worker);
  }
  return client;
}
