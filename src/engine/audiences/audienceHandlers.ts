import { customerProfileAt } from '../../domain';
import { AudienceCancelled, evaluateAudience, prepareAudienceData, type AudienceEvaluation, type PreparedAudienceData } from '../../domain/audiences/evaluate';
import { audienceExportColumns, audienceExportRows } from '../../domain/audiences/exportColumns';
import { audienceProfile } from '../../domain/audiences/profile';
import { formatEpochDay, localDayNumber } from '../../domain/time';
import { throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';
import type { AudienceColumnsRequest, AudienceCount, AudienceCountRequest, AudienceCustomersPage, AudienceCustomersRequest, AudienceDataRequest, AudienceExport, AudienceExportRequest, AudienceProfiles, AudienceSizesRequest } from './audienceTypes';

/**
 * The audiences use case (issue 15), served by its own Web Worker: the workspace's data is read
 * once per (data version, segment settings) and kept; each count walks the columnar store once
 * (domain/audiences/evaluate.ts). The last evaluation is kept too, so the customers table and
 * the export page through it without counting again. A call the screen no longer wants is
 * stopped between customers (its signal), so typing never queues stale counts.
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

export function createAudienceHandlers(port: Pick<EnginePort, 'loadDataset'>, now: () => number = Date.now) {
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
    try {
      const evaluation = evaluateAudience(prepared, request.condition, {
        asOf: request.asOf,
        audiences: request.audiences,
        ...(request.selfId ? { selfId: request.selfId } : {}),
        isCancelled: () => Boolean(context.signal?.aborted),
      });
      last = { key, evaluation };
      return { prepared, evaluation };
    } catch (error) {
      if (error instanceof AudienceCancelled) throwIfCancelled(context.signal);
      throw error;
    }
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
      const evaluation = evaluateAudience(prepared, condition, { asOf: request.asOf, audiences: request.audiences, selfId: id, isCancelled: () => Boolean(context.signal?.aborted) });
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
