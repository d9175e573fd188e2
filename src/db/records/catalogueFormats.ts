import { z } from 'zod';
import { CSV_KINDS, type ImportBatch, type MappingPreset, type Workspace } from '../../domain';
import type { BlockMeta, CacheRecord, WorkspaceDictionaries } from '../storedRecords';
import type { RecordFormat } from './recordFormat';

/**
 * The formats of the catalogue's records (one per table; settings in settingFormats.ts, chains
 * in chainFormats.ts, block columns in blockFormats.ts). All are at format 1: the shapes the
 * version-1 database stored, now stamped. Objects are loose: a field this build does not know
 * is kept, not dropped — a newer build's additions survive a round trip through this one.
 * To change a shape: bump `current`, add a numbered migration from the previous format, and add
 * a frozen fixture of the previous format (src/db/fixtures/README.md).
 */
const id = z.string().min(1);
const time = z.number();
const count = z.number().int().min(0);
const formatField = { format: z.number().int().optional() };

export const WORKSPACE_FORMAT: RecordFormat<Workspace> = {
  what: 'workspace',
  current: 1,
  migrations: [],
  schema: z.looseObject({
    id,
    name: z.string(),
    createdAt: time,
    updatedAt: time,
    timeZone: z.string().min(1),
    isDemo: z.boolean(),
    demo: z.object({ seed: z.number(), customers: count }).optional(),
    dataVersion: count,
    ...formatField,
  }),
};

const counts = z.object({ read: count, accepted: count, merged: count, rejected: count });

export const IMPORT_BATCH_FORMAT: RecordFormat<ImportBatch> = {
  what: 'importBatch',
  current: 1,
  migrations: [],
  schema: z.looseObject({
    id,
    workspaceId: id,
    sourceName: z.string(),
    kind: z.enum([...CSV_KINDS, 'demo']),
    mapping: z.record(z.string(), z.string()),
    counts,
    status: z.enum(['running', 'done', 'failed', 'rolled_back']),
    createdAt: time,
    finishedAt: time.optional(),
    // The stored import (settings, report, rejected rows) is read by importRepository's storedImportOf.
    report: z.unknown().optional(),
    ...formatField,
  }),
};

export const MAPPING_PRESET_FORMAT: RecordFormat<MappingPreset> = {
  what: 'mappingPreset',
  current: 1,
  migrations: [],
  schema: z.looseObject({ id, name: z.string(), kind: z.enum(CSV_KINDS), headerSignature: z.string(), mapping: z.record(z.string(), z.string()), createdAt: time, ...formatField }),
};

export const DICTIONARIES_FORMAT: RecordFormat<WorkspaceDictionaries> = {
  what: 'eventTypes',
  current: 1,
  migrations: [],
  schema: z.looseObject({ workspaceId: id, eventTypes: z.array(z.string()), ...formatField }),
};

const stats = z.looseObject({ count, minTs: z.number(), maxTs: z.number(), minCustomer: z.number().int(), maxCustomer: z.number().int(), typeCounts: z.record(z.string(), count), amountSum: z.number() });

export const BLOCK_META_FORMAT: RecordFormat<BlockMeta> = {
  what: 'block',
  current: 1,
  migrations: [],
  schema: z.looseObject({ id, workspaceId: id, batchId: id, kind: z.enum(['events', 'customers']), seq: z.number().int(), count, start: count.optional(), stats: stats.optional(), ...formatField }),
};

/**
 * A cached result: the envelope is format 1; its `format` field is the format of the value's
 * type (engine CachedResultKey.format), checked by the reader, which recomputes on a mismatch.
 */
export const CACHE_FORMAT: RecordFormat<CacheRecord> = {
  what: 'cachedResult',
  current: 1,
  migrations: [],
  formatOf: () => 1,
  schema: z.looseObject({ workspaceId: id, key: z.string(), dataVersion: count, format: z.number().int().optional(), value: z.unknown(), createdAt: time }),
};
