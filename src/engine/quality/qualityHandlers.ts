import { computeDataQuality, type DataQualityReport } from '../../domain/quality';
import { throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';

/**
 * The data-quality report of a workspace, computed off the main thread from every customer and
 * event block, and cached per data version (revisiting the view is instant).
 */
const CACHE_NAME = 'dataQuality:v1';
/** Format of the cached report: bump it when DataQualityReport changes shape. */
export const DATA_QUALITY_FORMAT = 1;

export interface DataQualityRequest {
  workspaceId: string;
  dataVersion: number;
  timeZone: string;
  /** YYYY-MM-DD in the workspace's zone: "future" dates are after it */
  today: string;
}

export function createQualityHandlers(port: EnginePort) {
  async function quality(args: DataQualityRequest, context: RunContext): Promise<DataQualityReport> {
    const key = { workspaceId: args.workspaceId, name: `${CACHE_NAME}:${args.timeZone}:${args.today}`, dataVersion: args.dataVersion, format: DATA_QUALITY_FORMAT };
    const cached = await port.cache.get<DataQualityReport>(key);
    if (cached) return cached;
    context.progress({ done: 0, total: 2, phase: 'load' });
    const dataset = await port.loadDataset(args.workspaceId);
    // The scan itself is one synchronous pass that no cancel can reach; a caller that left while
    // the data loaded (the chains list, as the editor opens and asks again) costs nothing more.
    throwIfCancelled(context.signal);
    context.progress({ done: 1, total: 2, phase: 'compute' });
    const report = computeDataQuality(dataset.customers, dataset.events, dataset.eventTypes, args.timeZone, args.today);
    await port.cache.put(key, report);
    return report;
  }

  return { quality } satisfies HandlerMap;
}

export type QualityHandlers = ReturnType<typeof createQualityHandlers>;
