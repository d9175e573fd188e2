import { createWorkerClient, type WorkerClient } from './rpc';
import type { JourneyWorkerHandlers } from './journeyWorker';

let client: WorkerClient<JourneyWorkerHandlers> | undefined;

/** The page's one journey worker, started on first use. */
export function journeyWorker(): WorkerClient<JourneyWorkerHandlers> {
  if (!client) {
    const worker = new Worker(new URL('./journeyWorker.ts', import.meta.url), { type: 'module', name: 'chainlab-journey' });
    client = createWorkerClient<JourneyWorkerHandlers>(worker);
  }
  return client;
}
