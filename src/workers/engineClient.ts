import type { HandlerMap } from '../engine/handlers';
import { createWorkerClient, type WorkerClient } from './rpc';
import { USE_CASE_WORKERS, type UseCaseHandlers, type UseCaseName } from './useCaseWorkers';

const clients = new Map<UseCaseName, WorkerClient<HandlerMap>>();

/**
 * The page's client of one use case, typed by its handler map; its worker starts on first use
 * and serves every later call (the use case keeps its caches between calls).
 */
export function engineWorker<N extends UseCaseName>(name: N): WorkerClient<UseCaseHandlers<N>> {
  let client = clients.get(name);
  if (!client) {
    client = createWorkerClient<HandlerMap>(USE_CASE_WORKERS[name].start());
    clients.set(name, client);
  }
  return client as WorkerClient<UseCaseHandlers<N>>;
}
