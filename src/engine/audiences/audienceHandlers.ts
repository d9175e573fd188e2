import { customerProfileAt } from '../../domain';
import { evaluateAudienceInChunks, prepareAudienceData, type AudienceEvaluation, type EvaluateOptions, type PreparedAudienceData } from '../../domain/audiences/evaluate';
import type { ConditionGroup } from '../../domain/conditions/types';
import { audienceExportColumns, audienceExportRows } from '../../domain/audiences/exportColumns';
import { audienceProfile } from '../../domain/audiences/profile';
import { formatEpochDay, localDayNumber } from '../../domain/time';
import { cancelledError, throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';
import { yieldToMessages } from '../yieldToMessages';
import type { AudienceColumnsRequest, AudienceCount, AudienceCountRequest, AudienceCustomersPage, AudienceCustomersRequest, AudienceDataRequest, AudienceExport, AudienceExportRequest, AudienceProfiles, AudienceSizesRequest } from './audienceTypes';

/**
 * The audiences use case (issue 15), served by its own Web Worker: the workspace's data is read
 * once per (data version, segment settings) and kept; each count walks the columnar store once
 * (domain/audiences/evaluate.ts). The last evaluation is kept too, so the customers table and
 * the export page through it without counting again. A count walks the customers in chunks and
 * lets the worker's messages in between them, so a call the screen no longer wants (its signal,
 * aborted by a "cancel" message) stops part-way: typing never queues stale counts, and a count
 * cut short is never kept or answered.
 */
interface Loaded {
  key: string;
  promise: Promise<PreparedAudienceData>;
}

function dataKey(request: AudienceDataRequest): string {
  return JSON.stringify([request.workspaceId, request.dataVersion, request.segments]);
}

function evaluationKey(request: AudienceCountRequest): string {
  return JSON.stringify([dataKey(request), request.condition, request.asOf, request.audiences, request.selfId ?? null]);
}

/** A count that gives way between chunks of customers; a cancelled one ends with the cancellation error. */
async function countInChunks(prepared: PreparedAudienceData, condition: ConditionGroup, options: EvaluateOptions, signal: AbortSignal, chunks: CountChunks): Promise<AudienceEvaluation> {
  const outcome = await evaluateAudienceInChunks(prepared, condition, { ...options, pause: chunks.pause ?? yieldToMessages, ...(chunks.chunkSize ? { chunkSize: chunks.chunkSize } : {}), isCancelled: () => signal.aborted });
  if (outcome.outcome === 'cancelled') throw cancelledError();
  return outcome.evaluation;
}

/** How a count gives way: the pause between chunks (default: let the worker's messages in) and the chunk's customers (tests choose their own). */
export interface CountChunks {
  pause?: () => Promise<void>;
  chunkSize?: number;
}

export function createAudienceHandlers(port: Pick<EnginePort, 'loadDataset'>, now: () => number = Date.now, chunks: CountChunks = {}) {
  let loaded: Loaded | undefined;
  let last: { key: string; evaluation: AudienceEvaluation } | undefined;

  function load(request: AudienceDataRequest, context: RunContext): Promise<PreparedAudienceData> {
    const key = dataKey(request);
    if (loaded?.key !== key) {
      context.progress({ done: 0, total: 2, phase: 'load' });
      const promise = port.loadDataset(request.workspaceId).then((dataset) => prepareAudienceData(dataset, request.segments, now()));
      loaded = { key, promise };
      promise.catch(() => {
        if (loaded?.key === key) loaded = undefined;
      });
    }
    return loaded.promise;
  }

  async function evaluate(request: AudienceCountRequest, context: RunContext): Promise<{ prepared: PreparedAudienceData; evaluation: AudienceEvaluation }> {
    const prepared = await load(request, context);
    throwIfCancelled(context.signal);
    const key = evaluationKey(request);
    if (last?.key === key) return { prepared, evaluation: last.evaluation };
    context.progress({ done: 1, total: 2, phase: 'count' });
    const options = { asOf: request.asOf, audiences: request.audiences, ...(request.selfId ? { selfId: request.selfId } : {}) };
    const evaluation = await countInChunks(prepared, request.condition, options, context.signal, chunks);
    last = { key, evaluation };
    return { prepared, evaluation };
  }

  async function count(request: AudienceCountRequest, context: RunContext): Promise<AudienceCount> {
    const { prepared, evaluation } = await evaluate(request, context);
    const defaultAsOf = Number.isFinite(prepared.lastEventTs) ? formatEpochDay(localDayNumber(prepared.lastEventTs, prepared.timeZone)) : null;
    return { asOf: evaluation.asOf, defaultAsOf, customerCount: evaluation.customerCount, size: evaluation.size, parts: evaluation.parts };
  }

  async function customers(request: AudienceCustomersRequest, context: RunContext): Promise<AudienceCustomersPage> {
    const { prepared, evaluation } = await evaluate(request, context);
    const from = Math.max(0, request.page) * request.pageSize;
    const rows = [];
    let seen = 0;
    for (let c = 0; c < evaluation.members.length && rows.length < request.pageSize; c++) {
      if (evaluation.members[c] !== 1) continue;
      if (seen++ < from) continue;
      rows.push({ index: c, ...customerProfileAt(prepared.data.customers, c) });
    }
    return { rows, matched: evaluation.size };
  }

  /** Each saved audience's size as of a date (the list screen): one walk per audience. */
  async function sizes(request: AudienceSizesRequest, context: RunContext): Promise<Record<string, { size: number; customerCount: number }>> {
    const prepared = await load(request, context);
    const result: Record<string, { size: number; customerCount: number }> = {};
    for (const [id, condition] of Object.entries(request.audiences)) {
      throwIfCancelled(context.signal);
      const evaluation = await countInChunks(prepared, condition, { asOf: request.asOf, audiences: request.audiences, selfId: id }, context.signal, chunks);
      result[id] = { size: evaluation.size, customerCount: evaluation.customerCount };
    }
    return result;
  }

  /** The export columns the data offers. */
  async function columns(request: AudienceColumnsRequest, context: RunContext): Promise<string[]> {
    return audienceExportColumns((await load(request, context)).data.customers);
  }

  /** The members' rows with the chosen columns (the screen writes the file: headers are in its language). */
  async function exportRows(request: AudienceExportRequest, context: RunContext): Promise<AudienceExport> {
    const { prepared, evaluation } = await evaluate(request, context);
    return { rows: audienceExportRows(prepared, evaluation.members, request.columns, request.asOf) };
  }

  /** The audience's profile next to the whole base's, as of its date. */
  async function profile(request: AudienceCountRequest, context: RunContext): Promise<AudienceProfiles> {
    const { prepared, evaluation } = await evaluate(request, context);
    throwIfCancelled(context.signal);
    return audienceProfile(prepared, evaluation.members, request.asOf);
  }

  return { count, customers, sizes, columns, exportRows, profile } satisfies HandlerMap;
}

export type AudienceHandlers = ReturnType<typeof createAudienceHandlers>;
