import { customerProfileAt, type CustomerBlock } from '../../domain';
import { buildJourneyData, journeyInputFromColumns, LIFECYCLE_STATUSES, prepareJourney, type JourneyIndex } from '../../domain/journey';
import {
  cohortCellCustomers,
  computeDashboard,
  customerOrdersAsOf,
  cutTotals,
  defaultMetricsAsOfDay,
  groupMembers,
  journeyStageGrouping,
  lifecycleGrouping,
  membershipGrouping,
  metricsHistoryFromBlocks,
  periodWindow,
  rfmSegmentGrouping,
  type CustomerGrouping,
  type MetricsHistory,
} from '../../domain/metrics';
import { compileSegmentMap, rfmHistoryFromBlocks, scoringOf } from '../../domain/rfm';
import { createRfmEvaluator } from '../../domain/rfm/asOf';
import { evaluateAudience, prepareAudienceData } from '../../domain/audiences/evaluate';
import { formatEpochDay, isoDateToDayNumber, plausibleWindow, startOfLocalDay } from '../../domain/time';
import { throwIfCancelled } from '../cancel';
import type { HandlerMap } from '../handlers';
import type { Dataset, EnginePort, RunContext } from '../port';
import type { MetricsCellPage, MetricsCellRequest, MetricsCustomerRow, MetricsCut, MetricsCutRequest, MetricsCutResult, MetricsRequest, MetricsSummary } from './metricsTypes';

/**
 * The Metrics screen (issue 16) and `chainlab metrics` from one place: the workspace's orders
 * and returns are read once per data version into a metrics history (columnar, no per-event
 * objects), and every as-of date, period, cohort unit and cut is computed from it. A cut's
 * grouping (RFM segments, lifecycle statuses, journey stages as of D) is built once per
 * (data, settings, date) and kept for the next call. Summaries for a data version are kept in
 * the port's result cache, so a revisit — even after a reload — reads no event.
 */
const CACHE_NAME = 'metrics:summary';
/** Bump when MetricsSummary changes shape. */
export const METRICS_SUMMARY_FORMAT = 2;

interface Loaded {
  key: string;
  dataset: Dataset;
  history: MetricsHistory;
}

function dataKey(request: MetricsRequest): string {
  return JSON.stringify([request.workspaceId, request.dataVersion, request.timeZone, request.crmMapping]);
}

/** The as-of day the request asks for: its date, else the day after the last plausible order. */
export function requestedAsOfDay(request: Pick<MetricsRequest, 'asOf'>, history: MetricsHistory): number {
  return request.asOf ? isoDateToDayNumber(request.asOf) : defaultMetricsAsOfDay(history);
}

/** `now` sets the plausible dates (time/plausibleDates.ts) the default as-of date is taken within. */
export function createMetricsHandlers(port: EnginePort, now: () => number = Date.now) {
  let loaded: { key: string; promise: Promise<Loaded> } | undefined;
  let grouping: { key: string; grouping: CustomerGrouping; groupKeys: string[] } | undefined;

  function load(request: MetricsRequest, context: RunContext): Promise<Loaded> {
    const key = dataKey(request);
    if (loaded?.key !== key) {
      context.progress({ done: 0, total: 3, phase: 'load' });
      const promise = port.loadDataset(request.workspaceId).then((dataset) => {
        context.progress({ done: 1, total: 3, phase: 'prepare' });
        const customerCount = dataset.customers.reduce((max, block) => Math.max(max, block.start + block.count), 0);
        return { key, dataset, history: metricsHistoryFromBlocks(dataset.events, dataset.eventTypes, customerCount, request.timeZone, request.crmMapping, plausibleWindow(now())) };
      });
      loaded = { key, promise };
      promise.catch(() => {
        if (loaded?.key === key) loaded = undefined;
      });
    }
    return loaded.promise;
  }

  function cutGrouping(data: Loaded, cut: MetricsCut, asOfDay: number, timeZone: string): { grouping: CustomerGrouping; groupKeys: string[] } {
    const key = JSON.stringify([data.key, cut, asOfDay]);
    if (grouping?.key === key) return grouping;
    const { history, dataset } = data;
    let built: { grouping: CustomerGrouping; groupKeys: string[] };
    if (cut.kind === 'members') built = { grouping: membershipGrouping(history.customerCount, cut.customers), groupKeys: ['in', 'out'] };
    else if (cut.kind === 'audience') {
      const evaluation = evaluateAudience(prepareAudienceData(dataset, cut.segments), cut.condition, { asOf: formatEpochDay(asOfDay - 1), audiences: cut.audiences, selfId: cut.audienceId });
      const memberIndexes: number[] = [];
      for (let c = 0; c < evaluation.members.length; c++) if (evaluation.members[c] === 1) memberIndexes.push(c);
      built = { grouping: membershipGrouping(history.customerCount, memberIndexes), groupKeys: ['in', 'out'] };
    }
    else if (cut.kind === 'rfm') {
      const map = compileSegmentMap(cut.map);
      const customerCount = history.customerCount;
      const evaluator = createRfmEvaluator(rfmHistoryFromBlocks(dataset.events, dataset.eventTypes, customerCount, timeZone), { scoring: scoringOf(cut.settings), periodDays: cut.settings.periodDays, map });
      built = { grouping: rfmSegmentGrouping(evaluator, asOfDay, map.segmentCount), groupKeys: [...cut.map.segments.map((segment) => segment.id), 'others', 'no_purchases'] };
    } else {
      const index: JourneyIndex = prepareJourney(buildJourneyData(journeyInputFromColumns(dataset.customers, dataset.events, dataset.eventTypes)), cut.mapping, cut.lifecycle, timeZone);
      const at = startOfLocalDay(asOfDay, timeZone);
      built = cut.kind === 'lifecycle'
        ? { grouping: lifecycleGrouping(index, at), groupKeys: [...LIFECYCLE_STATUSES] }
        : { grouping: journeyStageGrouping(index, at), groupKeys: [...index.stageIds, 'none'] };
    }
    grouping = { key, ...built };
    return grouping;
  }

  function members(data: Loaded, request: MetricsRequest, asOfDay: number): Uint8Array | undefined {
    if (!request.scope) return undefined;
    return groupMembers(cutGrouping(data, request.scope.cut, asOfDay, request.timeZone).grouping, request.scope.group);
  }

  async function metricsSummary(request: MetricsRequest, context: RunContext): Promise<MetricsSummary> {
    const cacheKey = { workspaceId: request.workspaceId, name: `${CACHE_NAME}:${JSON.stringify(request)}`, dataVersion: request.dataVersion, format: METRICS_SUMMARY_FORMAT };
    const cached = await port.cache.get<MetricsSummary>(cacheKey);
    if (cached) return { ...cached, source: 'cache' };
    const data = await load(request, context);
    throwIfCancelled(context.signal);
    const { history } = data;
    const hasOrders = !Number.isNaN(history.lastOrderDay);
    const defaultAsOf = hasOrders ? formatEpochDay(defaultMetricsAsOfDay(history)) : null;
    if (!hasOrders) return { hasOrders, asOf: null, defaultAsOf, firstOrderDate: null, lastOrderDate: null, ordersOutsidePlausible: 0, dashboard: null, source: 'computed' };
    context.progress({ done: 2, total: 3, phase: 'compute' });
    const asOfDay = requestedAsOfDay(request, history);
    const dashboard = computeDashboard(history, { asOfDay, unit: request.unit, period: request.period, churnDays: request.churnDays, members: members(data, request, asOfDay) });
    const summary: MetricsSummary = {
      hasOrders,
      asOf: formatEpochDay(asOfDay),
      defaultAsOf,
      firstOrderDate: formatEpochDay(history.firstOrderDay),
      lastOrderDate: formatEpochDay(history.lastOrderDay),
      ordersOutsidePlausible: history.ordersOutsidePlausible,
      dashboard,
      source: 'computed',
    };
    await port.cache.put(cacheKey, summary);
    return summary;
  }

  async function metricsCut(request: MetricsCutRequest, context: RunContext): Promise<MetricsCutResult> {
    const data = await load(request, context);
    throwIfCancelled(context.signal);
    context.progress({ done: 2, total: 3, phase: 'cut' });
    const asOfDay = requestedAsOfDay(request, data.history);
    const { grouping: groups, groupKeys } = cutGrouping(data, request.cut, asOfDay, request.timeZone);
    return { kind: request.cut.kind, totals: cutTotals(data.history, periodWindow(asOfDay, request.period), groups, request.churnDays), groupKeys };
  }

  async function metricsCellCustomers(request: MetricsCellRequest, context: RunContext): Promise<MetricsCellPage> {
    const data = await load(request, context);
    const asOfDay = requestedAsOfDay(request, data.history);
    const options = { asOfDay, unit: request.unit, members: members(data, request, asOfDay) };
    const indexes = cohortCellCustomers(data.history, options, request.cohortPeriod, request.k);
    const from = request.page * request.pageSize;
    const rows = Array.from(indexes.subarray(from, from + request.pageSize), (c) => customerRow(data.dataset.customers, data.history, c, asOfDay));
    return { rows, matched: indexes.length };
  }

  return { metricsSummary, metricsCut, metricsCellCustomers } satisfies HandlerMap;
}

function customerRow(blocks: readonly CustomerBlock[], history: MetricsHistory, c: number, asOfDay: number): MetricsCustomerRow {
  const profile = customerProfileAt(blocks, c);
  const orders = customerOrdersAsOf(history, c, asOfDay);
  return {
    index: c,
    id: profile.id,
    name: profile.name,
    email: profile.email,
    firstOrder: formatEpochDay(orders.firstOrderDay),
    lastOrder: formatEpochDay(orders.lastOrderDay),
    orders: orders.orders,
    netRevenue: orders.netRevenue,
  };
}

export type MetricsHandlers = ReturnType<typeof createMetricsHandlers>;
