import { resolve } from 'node:path';
import { blocksFromRecords, type CrmEvent, type Customer } from '../domain';
import { NO_CACHE, type Dataset, type EnginePort } from '../engine';
import { fileError } from './cliErrors';
import { createProgress, warn, type CliIo } from './output';
import { readRecordsFromFile } from './readRecords';

/**
 * The engine's port on the command line: the "workspace" is the files a command was given,
 * read with the app's import (readRecords.ts) into the same column blocks the app stores, so a
 * use case computes from them exactly as in the app. Nothing is cached: a command computes once.
 * Progress goes to stderr (output.ts); a rejected row is a warning, a file without a single
 * event an error naming it.
 */
export interface DatasetFile {
  /** as the user typed it (messages name it so) */
  path: string;
  kind: 'orders' | 'events';
}

export function createFilePort(files: readonly DatasetFile[], timeZone: string, io: CliIo): EnginePort {
  let dataset: Promise<Dataset> | undefined;
  function loadDataset(): Promise<Dataset> {
    dataset ??= readDataset(files, timeZone, io);
    return dataset;
  }
  return {
    loadDataset,
    loadCustomers: async () => (await loadDataset()).customers,
    cache: NO_CACHE,
  };
}

async function readDataset(files: readonly DatasetFile[], timeZone: string, io: CliIo): Promise<Dataset> {
  const customers: Customer[] = [];
  const events: CrmEvent[] = [];
  for (const file of files) {
    let progress: ReturnType<typeof createProgress> | undefined;
    const records = await readRecordsFromFile(resolve(file.path), { kind: file.kind, timeZone }, (done, total) => {
      progress ??= createProgress(io, `reading ${file.path}`, total);
      progress.update(done);
    });
    progress?.finish();
    const { report } = records;
    if (report.rejected > 0) warn(io, `${file.path}: ${report.rejected} of ${report.read} rows rejected (chainlab import ${file.path} --kind ${file.kind} shows why)`);
    if (records.events.length === 0) throw fileError(file.path, `no ${file.kind === 'orders' ? 'orders' : 'events'} could be read from it`);
    for (const customer of records.customers) customers.push(customer);
    for (const event of records.events) events.push(event);
  }
  return blocksFromRecords(customers, events);
}
