import Papa from 'papaparse';
import { getDatabase } from '../../src/db';
import { createWorkspace } from '../../src/db/repositories/workspaceRepository';
import { loadWorkspaceStats } from '../../src/db/repositories/datasetRepository';
import { engineWorker } from '../../src/workers/engineClient';
import type { CsvKind } from '../../src/domain';

/**
 * CSV import in the browser, end to end, from a File chosen in an <input> (the Node side puts
 * the file there with Playwright): plan, parse in the import worker, normalise, de-duplicate,
 * write event blocks to IndexedDB, commit, report. In the same page, the floor it cannot beat:
 * papaparse parsing the same File into rows and doing nothing with them. While the import runs,
 * a PerformanceObserver records the main thread's long tasks (responsiveness).
 */
const INPUT_ID = 'bench-import-file';

export function fileOf(): File {
  const input = document.getElementById(INPUT_ID) as HTMLInputElement | null;
  const file = input?.files?.[0];
  if (!file) throw new Error('No file in the bench input');
  return file;
}

/** Adds the file input the Node side fills; returns its selector. */
function addFileInput(): string {
  if (!document.getElementById(INPUT_ID)) {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = INPUT_ID;
    document.body.append(input);
  }
  return `#${INPUT_ID}`;
}

/** papaparse reading the File in 1 MiB chunks into rows (header row included), discarding them. */
async function papaparseFile(): Promise<{ seconds: number; rows: number }> {
  const file = fileOf();
  const startedAt = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(file, {
      chunkSize: 1 << 20,
      chunk: (result) => {
        rows += result.data.length;
      },
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
  return { seconds: (performance.now() - startedAt) / 1000, rows };
}

export interface ImportRun {
  seconds: number;
  rows: number;
  accepted: number;
  storedEvents: number;
  longestTaskMs: number;
  tasksOver100Ms: number;
  /** a deliberate 150 ms task before the import was seen: the observer works in this browser */
  isObserverWorking: boolean;
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a deliberate long task
  }
}

/** Imports the File into a new workspace of the app's database through the import worker. */
async function importFile(kind: CsvKind = 'events'): Promise<ImportRun> {
  const file = fileOf();
  const db = getDatabase();
  const workspace = await createWorkspace(db, { name: `bench ${Math.random()}`, timeZone: 'UTC' });
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  busyFor(150);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const isObserverWorking = durations.some((duration) => duration >= 140);
  durations.length = 0;
  const startedAt = performance.now();
  const { report } = await engineWorker('import').call('run', { workspaceId: workspace.id, file, choices: { timeZone: 'UTC', kind } });
  const seconds = (performance.now() - startedAt) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const stats = await loadWorkspaceStats(db, workspace.id);
  return {
    seconds,
    rows: report.read,
    accepted: report.accepted,
    storedEvents: stats.events,
    longestTaskMs: durations.length ? Math.max(...durations) : 0,
    tasksOver100Ms: durations.filter((duration) => duration > 100).length,
    isObserverWorking,
  };
}

export const importBenchmarks = { addFileInput, papaparseFile, importFile };
