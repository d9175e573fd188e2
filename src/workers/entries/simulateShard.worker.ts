/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexieRunStore, createDexieSimulatePort } from '../../db/enginePort';
import { createSimulateHandlers } from '../../engine/simulate/simulateHandlers';
import { localShardPool } from '../../engine/simulate/shards';
import { serveHandlers } from '../rpc';

// A shard worker of the simulate worker's pool: it serves `runShard` over its own slice of the store.
const port = createDexieSimulatePort();
serveHandlers(self, createSimulateHandlers({ port, store: createDexieRunStore(), pool: localShardPool((task) => port.loadDatasetSlice(task.workspaceId, task.range ?? { from: 0, to: Number.MAX_SAFE_INTEGER })) }));
