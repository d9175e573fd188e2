import type { RecordStore } from '../engine/data/dataHandlers';
import type { ImportStore } from '../engine/import/importHandlers';
import type { EnginePort } from '../engine/port';
import { getDatabase } from './database';
import { loadCustomerBlocks, loadDataset, writeDataBatch } from './repositories/datasetRepository';
import { removeBatch } from './repositories/importRepository';
import { runImport } from './repositories/importRunner';
import { undoImportBatch } from './repositories/importUndo';
import { getCached, putCached } from './repositories/settingsRepository';
import type { ChainLabDatabase } from './schema';
import { withWorkspaceLock } from './workspaceLocks';

/**
 * The engine's port over the app's Dexie database: datasets from the column blocks, results in
 * the caches table, demo records written as one batch. The Web Workers serve the use cases over
 * this (src/workers/entries); tests pass their own database.
 */
export function createDexiePort(database: () => ChainLabDatabase = getDatabase): EnginePort & RecordStore {
  return {
    loadDataset: (workspaceId) => loadDataset(database(), workspaceId),
    loadCustomers: (workspaceId) => loadCustomerBlocks(database(), workspaceId),
    cache: {
      get: (key) => getCached(database(), key),
      put: (key, value) => putCached(database(), key, value),
    },
    writeRecords: async (batch) => {
      await writeDataBatch(database(), batch);
    },
  };
}

/** Where imports are stored: batches written while the file is read, undone, removed; one job per workspace at a time. */
export function createDexieImportStore(database: () => ChainLabDatabase = getDatabase): ImportStore {
  return {
    runImport: (workspaceId, source, choices, options) => runImport(database(), workspaceId, source, choices, options),
    undoImport: (workspaceId, batchId) => undoImportBatch(database(), workspaceId, batchId),
    removeImport: (_workspaceId, batchId) => removeBatch(database(), batchId),
    withWorkspaceLock,
  };
}
