/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexieRunStore, createDexieSimulatePort } from '../../db/enginePort';
import { createSimulateHandlers } from '../../engine/simulate/simulateHandlers';
import { serveHandlers } from '../rpc';
import { shardWorkerCount, webWorkerShardPool } from '../simulateShardPool';

const startShard = () => new Worker(new URL('./simulateShard.worker.ts', import.meta.url), { type: 'module', name: 'chainlab-simulate-shard' });
serveHandlers(self, createSimulateHandlers({ port: createDexieSimulatePort(), store: createDexieRunStore(), pool: webWorkerShardPool(startShard, shardWorkerCount(navigator.hardwareConcurrency || 2)) }));
