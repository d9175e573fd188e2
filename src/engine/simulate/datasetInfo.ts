import { customerCountOf, sliceSimulationData } from '../../domain/simulation';
import { plausibleSpan, plausibleWindow } from '../../domain/time';
import type { Dataset, EnginePort } from '../port';
import type { DatasetInfo, SimulatePort } from './simulateTypes';

/** What a run needs to know about data already in memory (the command line's files, tests). */
export function datasetInfoOf(dataset: Dataset, timeZone: string, version: { dataVersion: number; batchIds: string[] }, now: number): DatasetInfo {
  return {
    customerCount: customerCountOf(dataset.customers, dataset.events),
    dataVersion: version.dataVersion,
    batchIds: version.batchIds,
    timeZone,
    eventSpan: plausibleSpan(
      dataset.events.map((block) => block.ts.subarray(0, block.count)),
      plausibleWindow(now),
    ),
    eventTypes: dataset.eventTypes,
  };
}

/** The simulate port over a port whose whole dataset fits in memory: slices are views of its blocks. */
export function inMemorySimulatePort(port: EnginePort, timeZone: string, version: { dataVersion: number; batchIds: string[] }, now: () => number = Date.now): SimulatePort {
  return {
    ...port,
    datasetInfo: async (workspaceId) => datasetInfoOf(await port.loadDataset(workspaceId), timeZone, version, now()),
    loadDatasetSlice: async (workspaceId, range) => sliceSimulationData(await port.loadDataset(workspaceId), range),
  };
}
