import type { CurrencyGuessSource, RecordStore } from '../engine/data/dataHandlers';
import type { ImportStore } from '../engine/import/importHandlers';
import type { EnginePort } from '../engine/port';
import type { RunStore, SimulatePort } from '../engine/simulate/simulateTypes';
import type { WorkspaceFileStore } from '../engine/workspaceFile/workspaceFileTypes';
import { getDatabase } from './database';
import { guessDataCurrency } from './repositories/currencyRepository';
import { loadCustomerBlocks, loadDataset, writeDataBatch } from './repositories/datasetRepository';
import { removeBatch } from './repositories/importRepository';
import { runImport } from './repositories/importRunner';
import { undoImportBatch } from './repositories/importUndo';
import { deleteStoredRun, listStoredRuns, renameStoredRun, loadDatasetInfo, loadDatasetSlice, loadStoredRun, saveRun } from './repositories/runRepository';
import { getCached, putCached } from './repositories/settingsRepository';
import type { ChainLabDatabase } from './schema';
import { readWorkspaceForExport, writeImportedWorkspace } from './repositories/workspaceFileRepository';
import { withWorkspaceLock } from './workspaceLocks';

/**
 * The engine's port over the app's Dexie database: datasets from the column blocks, results in
 * the caches table, demo records written as one batch. The Web Workers serve the use cases over
 * this (src/workers/entries); tests pass their own database.
 */
export function createDexiePort(database: () => ChainLabDatabase = getDatabase): EnginePort & RecordStore & CurrencyGuessSource {
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
    guessDataCurrency: (workspaceId, dataVersion) => guessDataCurrency(database(), workspaceId, dataVersion),
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

/** The simulate use case's port: dataset facts from block metadata and the blocks of a shard's customers. */
export function createDexieSimulatePort(database: () => ChainLabDatabase = getDatabase, now: () => number = Date.now): SimulatePort {
  return {
    ...createDexiePort(database),
    datasetInfo: (workspaceId) => loadDatasetInfo(database(), workspaceId, now()),
    loadDatasetSlice: (workspaceId, range) => loadDatasetSlice(database(), workspaceId, range),
  };
}

/** Saved simulation runs in the runs table. */
export function createDexieRunStore(database: () => ChainLabDatabase = getDatabase): RunStore {
  return {
    saveRun: (record) => saveRun(database(), record),
    loadRun: (workspaceId, runId) => loadStoredRun(database(), workspaceId, runId),
    listRuns: (workspaceId) => listStoredRuns(database(), workspaceId),
    deleteRun: (workspaceId, runId) => deleteStoredRun(database(), workspaceId, runId),
    renameRun: (workspaceId, runId, name) => renameStoredRun(database(), workspaceId, runId, name),
  };
}

/** Workspace files: read a workspace for export, write an imported one as a new workspace. */
export function createDexieWorkspaceFileStore(database: () => ChainLabDatabase = getDatabase): WorkspaceFileStore {
  return {
    readForExport: (workspaceId) => readWorkspaceForExport(database(), workspaceId),
    writeImported: (staged) => writeImportedWorkspace(database(), staged),
    withWorkspaceLock,
  };
}
