import type { CustomerBlock } from '../../domain';
import {
  asOfInstant,
  cjmMatrix,
  customersWithoutDate,
  defaultAsOfDate,
  flowMatrix,
  funnelAt,
  inactionCsv,
  inactionList,
  inactionRows,
  INACTION_LISTS,
  lifecycleCounts,
  localIsoDate,
  stagesByPeriod,
  type InactionPage,
  type JourneyData,
  type JourneyIndex,
} from '../../domain/journey';
import { throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { EnginePort, RunContext } from '../port';
import { journeyDataOf, journeyIndexOf, resolveAsOf } from './journeyStages';
import { plausibleWindow } from '../../domain/time';
import type { InactionExportRequest, InactionPageRequest, JourneyFlows, JourneyFlowsRequest, JourneyOverview, JourneyRequest } from './journeyTypes';

/**
 * The Journey screen's computations, served by the journey worker. The
 * workspace's events are regrouped per customer once per data version (JourneyData); the
 * per-customer index is rebuilt only when the mapping, lifecycle settings or time zone change;
 * each view is then one pass over it. Overviews are also kept in the database cache (a few slots
 * per workspace, checked against the exact settings and the data version) so that coming back to
 * the screen, even after a reload, is instant.
 */
const CACHE_SLOTS = 4;
/** Format of the cached overview entry: bump it when JourneyOverview changes shape. */
export const JOURNEY_OVERVIEW_FORMAT = 2;

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function dataRange(index: JourneyIndex) {
  const hasEvents = !Number.isNaN(index.data.firstTs);
  return {
    firstDate: hasEvents ? localIsoDate(index.data.firstTs, index.timeZone) : null,
    lastDate: hasEvents ? localIsoDate(index.data.lastTs, index.timeZone) : null,
    defaultAsOfDate: hasEvents ? defaultAsOfDate(index.data.lastTs, index.timeZone) : null,
    outsideEvents: index.data.outsideEvents,
  };
}

function computeOverview(index: JourneyIndex, request: JourneyRequest, asOf: { date: string; at: number }): JourneyOverview {
  const inactionCounts = {} as NonNullable<JourneyOverview['inactionCounts']>;
  for (const list of INACTION_LISTS) {
    const result = inactionList(index, list, asOf.at, request.settings.inaction);
    inactionCounts[list] = { count: result.customers.length, missingStage: result.missingStage ?? null };
  }
  return {
    ...dataRange(index),
    source: 'computed',
    asOfDate: asOf.date,
    stageIds: index.stageIds,
    funnel: funnelAt(index, asOf.at),
    periods: stagesByPeriod(index, asOf.at, request.unit),
    cjm: cjmMatrix(index, asOf.at, request.settings.inaction.stuckDays),
    lifecycle: lifecycleCounts(index, asOf.at),
    inactionCounts,
    customersWithoutDate: customersWithoutDate(index),
    totalCustomers: index.data.customerCount,
  };
}

function emptyOverview(index: JourneyIndex): JourneyOverview {
  return {
    ...dataRange(index),
    source: 'computed',
    asOfDate: null,
    stageIds: index.stageIds,
    funnel: null,
    periods: null,
    cjm: null,
    lifecycle: null,
    inactionCounts: null,
    customersWithoutDate: customersWithoutDate(index),
    totalCustomers: index.data.customerCount,
  };
}

/** `now` sets the plausible dates (time/plausibleDates.ts) the default as-of date is taken within. */
export function createJourneyHandlers(port: EnginePort, now: () => number = Date.now) {
  let loaded: { key: string; data: Promise<{ data: JourneyData; customers: CustomerBlock[] }> } | undefined;
  let prepared: { key: string; index: JourneyIndex } | undefined;

  function loadData(request: JourneyRequest) {
    const key = `${request.workspaceId}:${request.dataVersion}`;
    if (loaded?.key !== key) {
      prepared = undefined;
      const data = port.loadDataset(request.workspaceId).then((dataset) => ({ data: journeyDataOf(dataset, plausibleWindow(now())), customers: dataset.customers }));
      loaded = { key, data };
      data.catch(() => {
        if (loaded?.key === key) loaded = undefined;
      });
    }
    return loaded.data;
  }

  async function journeyIndex(request: JourneyRequest, context: RunContext): Promise<{ index: JourneyIndex; customers: CustomerBlock[] }> {
    context.progress({ done: 0, total: 3, phase: 'load' });
    const { data, customers } = await loadData(request);
    throwIfCancelled(context.signal);
    context.progress({ done: 1, total: 3, phase: 'prepare' });
    const key = JSON.stringify([request.workspaceId, request.dataVersion, request.timeZone, request.settings.mapping, request.settings.lifecycle]);
    if (prepared?.key !== key) prepared = { key, index: journeyIndexOf(data, request.settings, request.timeZone) };
    throwIfCancelled(context.signal);
    context.progress({ done: 2, total: 3, phase: 'compute' });
    return { index: prepared.index, customers };
  }

  async function overview(request: JourneyRequest, context: RunContext): Promise<JourneyOverview> {
    const settingsKey = JSON.stringify([request.timeZone, request.settings, request.asOfDate, request.unit]);
    const cacheKey = { workspaceId: request.workspaceId, name: `journey.overview.${hashText(settingsKey) % CACHE_SLOTS}`, dataVersion: request.dataVersion, format: JOURNEY_OVERVIEW_FORMAT };
    const cached = await port.cache.get<{ settingsKey: string; result: JourneyOverview }>(cacheKey);
    if (cached?.settingsKey === settingsKey) return { ...cached.result, source: 'database' };
    const { index } = await journeyIndex(request, context);
    const asOf = resolveAsOf(index, request.asOfDate);
    const result = asOf ? computeOverview(index, request, asOf) : emptyOverview(index);
    await port.cache.put(cacheKey, { settingsKey, result });
    context.progress({ done: 3, total: 3, phase: 'compute' });
    return result;
  }

  async function flows(request: JourneyFlowsRequest, context: RunContext): Promise<JourneyFlows> {
    const { index } = await journeyIndex(request, context);
    const matrix = flowMatrix(index, request.kind, asOfInstant(request.fromDate, index.timeZone), asOfInstant(request.toDate, index.timeZone));
    return { fromDate: request.fromDate, toDate: request.toDate, kind: request.kind, states: matrix.states, counts: matrix.counts, fromTotals: matrix.fromTotals, toTotals: matrix.toTotals };
  }

  async function inactionPage(request: InactionPageRequest, context: RunContext): Promise<InactionPage> {
    const { index, customers } = await journeyIndex(request, context);
    const asOf = resolveAsOf(index, request.asOfDate);
    if (!asOf) return { total: 0, rows: [], missingStage: null, asOfDate: null };
    return inactionRows(index, customers, request.list, asOf, request.settings.inaction, request.page, request.pageSize);
  }

  async function inactionExport(request: InactionExportRequest, context: RunContext): Promise<{ fileName: string; text: string; rows: number }> {
    const { index, customers } = await journeyIndex(request, context);
    const asOf = resolveAsOf(index, request.asOfDate);
    if (!asOf) return { fileName: `chainlab-${request.list}.csv`, text: '', rows: 0 };
    return inactionCsv(index, customers, request.list, asOf, request.settings.inaction, request.stageNames);
  }

  return { overview, flows, inactionPage, inactionExport } satisfies HandlerMap;
}

export type JourneyHandlers = ReturnType<typeof createJourneyHandlers>;
