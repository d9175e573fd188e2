import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { UserFacingError } from '../domain/errors';
import { sliceSimulationData, type SimulationData } from '../domain/simulation';
import { CANCELLED } from '../engine/cancel';
import { localShardPool, runShardTask } from '../engine/simulate/shards';
import type { ShardPool, ShardResult, ShardTask } from '../engine/simulate/simulateTypes';

/**
 * `chainlab simulate` over worker threads. The main thread reads the files once; each shard's
 * worker receives only the blocks that hold its customers (sliceSimulationData), so the shards
 * copy the store once between them. A worker runs the bundled command itself (bin/chainlab.mjs)
 * started with `workerData.role` set: main.ts then serves one shard instead of parsing arguments.
 * Run from the TypeScript sources (no bundle, e.g. under the tests' tsx) the shards run one after
 * another in this thread: the same function, the same result.
 */
export const SHARD_WORKER_ROLE = 'chainlab-simulate-shard';

/** Fewer customers than this per thread are not worth starting a thread for. */
const MIN_CUSTOMERS_PER_THREAD = 20_000;

type ShardMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ShardResult } | { type: 'failed'; message: string; code: string | null };

export function isShardWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === SHARD_WORKER_ROLE;
}

/** The worker's side: one task with its data in, progress and the shard's result out. */
export function serveShard(): void {
  parentPort!.once('message', ({ task, data }: { task: ShardTask; data: SimulationData }) => {
    const post = (message: ShardMessage) => parentPort!.postMessage(message);
    try {
      const result = runShardTask(data, task, { signal: new AbortController().signal, progress: (update) => post({ type: 'progress', done: update.done, total: update.total }) });
      post({ type: 'done', result });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error), code: error instanceof UserFacingError ? error.code : null });
    }
  });
}

/** Threads to use when `--workers` is not given: one per core, but not for tiny data. */
export function defaultThreadCount(customers: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(customers / MIN_CUSTOMERS_PER_THREAD)));
}

/** Whether this code runs from the bundle (a worker can start it), not from TypeScript sources. */
function bundleUrl(): URL | null {
  const url = new URL(import.meta.url);
  return url.pathname.endsWith('.mjs') || url.pathname.endsWith('.js') ? url : null;
}

function runInThread(entry: URL, task: ShardTask, data: SimulationData, context: Parameters<ShardPool['runShard']>[1]): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { role: SHARD_WORKER_ROLE } });
    let isSettled = false;
    function settle(action: () => void): void {
      if (isSettled) return;
      isSettled = true;
      context.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      action();
    }
    function onAbort(): void {
      settle(() => reject(new UserFacingError(CANCELLED, 'Cancelled.')));
    }
    context.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: ShardMessage) => {
      if (message.type === 'progress') context.progress({ done: message.done, total: message.total, phase: 'simulate' });
      else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new UserFacingError(message.code ?? 'simulation.failed', message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`a simulation thread stopped (exit code ${code}) before it finished`))));
    worker.postMessage({ task, data });
  });
}

/** Shards on `size` worker threads over the data the command read. */
export function threadShardPool(data: SimulationData, size: number): ShardPool {
  const entry = bundleUrl();
  const sliceOf = (task: ShardTask) => (task.range ? sliceSimulationData(data, task.range) : data);
  if (!entry || size <= 1) return localShardPool(sliceOf, size);
  return {
    size,
    runShard: (task, context) => {
      // Each running thread listens for the run's abort: with more than Node's default of ten
      // threads, Node would print a (false) memory-leak warning on stderr, among the command's output.
      setMaxListeners(size + 10, context.signal);
      return runInThread(entry, task, sliceOf(task), context);
    },
  };
}
