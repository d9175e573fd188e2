import type { HandlerMap } from '../engine/handlers';
import type { RunContext } from '../engine/port';
import type { ShardPool, ShardResult, ShardTask } from '../engine/simulate/simulateTypes';
import { createWorkerClient, type WorkerClient } from './rpc';

/**
 * The simulate worker's pool of shard workers (docs/simulation.md "Running it"): as many Web
 * Workers as the machine offers (at most 8; one fewer than the cores, the page keeps one). Each
 * shard worker reads only the blocks of its customers from IndexedDB itself, so nothing of the
 * store is copied between workers, and a run's shards read the store once between them.
 * Workers start on first use and stay for the next run.
 */
const MAX_SHARD_WORKERS = 8;

type ShardHandlers = HandlerMap & { runShard(task: ShardTask, context: RunContext): Promise<ShardResult> };

export function shardWorkerCount(cores: number): number {
  return Math.max(1, Math.min(MAX_SHARD_WORKERS, cores - 1));
}

export function webWorkerShardPool(start: () => Worker, size: number): ShardPool {
  const clients: WorkerClient<ShardHandlers>[] = [];
  let next = 0;
  function client(): WorkerClient<ShardHandlers> {
    const index = next++ % size;
    clients[index] ??= createWorkerClient<ShardHandlers>(start());
    return clients[index]!;
  }
  return {
    size,
    runShard: (task, context) => client().call('runShard', task, { signal: context.signal, onProgress: (progress) => context.progress(progress) }),
  };
}
