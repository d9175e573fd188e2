/// <reference lib="webworker" />
import { getCached, getDatabase, loadDataset, putCached } from '../db';
import { computeDataQuality, type DataQualityReport } from '../domain/quality';
import { serveHandlers, type HandlerContext, type HandlerMap } from './rpc';

/**
 * The data-quality report of a workspace, computed off the main thread from every customer and
 * event block, and cached per data version (revisiting the view is instant).
 */
const CACHE_KEY = 'dataQuality:v1';

async function quality(args: { workspaceId: string; dataVersion: number; timeZone: string; today: string }, context: HandlerContext): Promise<DataQualityReport> {
  const db = getDatabase();
  const cached = await getCached<DataQualityReport>(db, args.workspaceId, `${CACHE_KEY}:${args.timeZone}:${args.today}`, args.dataVersion);
  if (cached) return cached;
  context.progress({ done: 0, total: 2, phase: 'load' });
  const dataset = await loadDataset(db, args.workspaceId);
  context.progress({ done: 1, total: 2, phase: 'compute' });
  const report = computeDataQuality(dataset.customers, dataset.events, dataset.eventTypes, args.timeZone, args.today);
  await putCached(db, args.workspaceId, `${CACHE_KEY}:${args.timeZone}:${args.today}`, args.dataVersion, report);
  return report;
}

const handlers = { quality } satisfies HandlerMap;
export type DataQualityWorkerHandlers = typeof handlers;

serveHandlers(self, handlers);
