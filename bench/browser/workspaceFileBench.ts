import { deleteWorkspace, getDatabase, createWorkspace, loadDataset, writeDataBatch, loadWorkspaceStats } from '../../src/db';
import { engineWorker } from '../../src/workers/engineClient';
import { demoData } from './storeBench';

export interface WorkspaceFileRun {
  events: number;
  customers: number;
  fileBytes: number;
  /** the workspace to one file, in the worker: read blocks, frame, gzip */
  exportSeconds: number;
  pseudonymisedExportSeconds: number;
  /** the file to a new workspace: decompress, check every row, write in one transaction */
  importSeconds: number;
  /** baselines in the same page: every block read back (loadDataset), and the same data written as one import batch */
  readSeconds: number;
  writeSeconds: number;
  importedEvents: number;
}

/** A workspace of `eventCount` demo events exported to a file and the file imported as a new workspace, through the app's worker. */
async function workspaceFileRoundTrip(eventCount: number): Promise<WorkspaceFileRun> {
  const { customers, events } = demoData(eventCount);
  const db = getDatabase();
  const workspace = await createWorkspace(db, { name: `bench ${Math.random()}`, timeZone: 'UTC' });
  let startedAt = performance.now();
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'bench', kind: 'demo', customers, events });
  const writeSeconds = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  await loadDataset(db, workspace.id);
  const readSeconds = (performance.now() - startedAt) / 1000;
  const worker = engineWorker('workspaceFile');
  startedAt = performance.now();
  const exported = await worker.call('exportWorkspace', { workspaceId: workspace.id, isPseudonymised: false });
  const exportSeconds = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  await worker.call('exportWorkspace', { workspaceId: workspace.id, isPseudonymised: true });
  const pseudonymisedExportSeconds = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  const imported = await worker.call('importWorkspace', { file: exported.file });
  const importSeconds = (performance.now() - startedAt) / 1000;
  const importedEvents = (await loadWorkspaceStats(db, imported.workspaceId)).events;
  await deleteWorkspace(db, imported.workspaceId);
  await deleteWorkspace(db, workspace.id);
  return { events: events.length, customers: customers.length, fileBytes: exported.bytes, exportSeconds, pseudonymisedExportSeconds, importSeconds, readSeconds, writeSeconds, importedEvents };
}

export const workspaceFileBenchmarks = { workspaceFileRoundTrip };
