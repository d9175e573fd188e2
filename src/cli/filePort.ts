import { resolve } from 'node:path';
import { blocksFromColumns, type ColumnsFile } from '../domain';
import { JOURNEY_PROPS } from '../domain/journey';
import { NO_CACHE, type Dataset, type EnginePort } from '../engine';
import { fileError } from './cliErrors';
import { collectGarbage } from './collectGarbage';
import { createProgress, warn, type CliIo } from './output';
import { readEventColumnsFromFile, type ReadSettings } from './readRecords';

/**
 * The engine's port on the command line: the "workspace" is the files a command was given,
 * read with the app's import (readRecords.ts) into the same column blocks the app stores, so a
 * use case computes from them exactly as in the app. The events are read as columns, keeping
 * only the props the journey reads (channel, NPS score): a gigabyte of events fits in bounded
 * memory. Nothing is cached: a command computes once.
 * Progress goes to stderr (output.ts); a rejected row is a warning, a file without a single
 * event (a customers file: without a single customer) an error naming it.
 */
export interface DatasetFile {
  /** as the user typed it (messages name it so) */
  path: string;
  kind: 'orders' | 'events' | 'customers';
}

/** How the files are read besides their kind (zone, placeholders, plausible dates). */
export type DatasetReading = Omit<ReadSettings, 'kind'>;

/** `keepsProp`: which event props to keep (default: the journey's); the simulator keeps them all, conditions may read any. */
export function createFilePort(files: readonly DatasetFile[], reading: DatasetReading, io: CliIo, keepsProp: (key: string) => boolean = (key) => JOURNEY_PROPS.includes(key)): EnginePort {
  let dataset: Promise<Dataset> | undefined;
  function loadDataset(): Promise<Dataset> {
    dataset ??= readDataset(files, reading, io, keepsProp);
    return dataset;
  }
  return {
    loadDataset,
    loadCustomers: async () => (await loadDataset()).customers,
    cache: NO_CACHE,
  };
}

async function readDataset(files: readonly DatasetFile[], reading: DatasetReading, io: CliIo, keepsProp: (key: string) => boolean): Promise<Dataset> {
  const read: ColumnsFile[] = [];
  for (const file of files) {
    let progress: ReturnType<typeof createProgress> | undefined;
    const records = await readEventColumnsFromFile(resolve(file.path), { ...reading, kind: file.kind, ordersMayBeLines: file.kind === 'orders' }, {
      keepsProp,
      onProgress: (done, total) => {
        progress ??= createProgress(io, `reading ${file.path}`, total);
        progress.update(done);
      },
    });
    progress?.finish();
    const { report } = records;
    if (report.rejected > 0) warn(io, `${file.path}: ${report.rejected} of ${report.read} rows rejected (chainlab import ${file.path} --kind ${report.kind} shows why)`);
    if (file.kind === 'customers' ? records.customers.length === 0 : records.events.count === 0) throw fileError(file.path, `no ${file.kind} could be read from it`);
    read.push({ customers: records.customers, events: records.events, customerIds: records.customerIds });
  }
  // The reading's order ledger (24 bytes an order) is dead here, and the files' columns once the
  // blocks are made: each freed before the next copy is allocated, the peak holds two copies, not three.
  collectGarbage();
  const dataset = blocksFromColumns(read);
  read.length = 0;
  collectGarbage();
  return dataset;
}
