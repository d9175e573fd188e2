import { customerProfileAt, type CustomerBlock } from '../../domain';
import {
  assignSegments,
  sortByCustomerId,
  compileSegmentMap,
  filterCustomers,
  monetaryValueOf,
  noPurchasesCode,
  othersCode,
  rfHeatmap,
  rfmCsvHeader,
  rfmCsvRow,
  rfmHistoryFromBlocks,
  scoringKey,
  scoringOf,
  segmentTotals,
  sortCustomers,
  transitionMatrix,
  type RfmHistory,
  type RfmResult,
} from '../../domain/rfm';
import { createRfmEvaluator, type RfmEvaluator } from '../../domain/rfm/asOf';
import { plausibleWindow } from '../../domain/time';
import { throwIfCancelled } from '../cancel';
import type { EnginePort, RunContext } from '../port';
import { RFM_ORDER_TYPES, rfmMeta, rfmOrdersFromDataset, scoreRfm, type RfmOrders } from './rfmScores';
import type {
  RfmCustomerRequest,
  RfmCustomersPage,
  RfmCustomersRequest,
  RfmExportRequest,
  RfmFilter,
  RfmMeta,
  RfmRequest,
  RfmSummary,
  RfmTransition,
  RfmTransitionRequest,
} from './rfmTypes';

/**
 * The Segments screen's computations, run in the RFM worker (and testable in Node). Results are
 * cached per (workspace, data version, scoring settings): in memory (a few recent ones) and, for
 * the main analysis, in the port's result cache, so revisiting the screen — even after a
 * reload — shows the last result without reading a single event. The segment map and display
 * options are applied on every request: cheap (one table lookup per customer).
 */
const CACHE_NAME = 'rfm:scores';
/** Format of the cached `Cached` value: bump it when RfmResult or RfmMeta change shape. */
export const RFM_RESULT_FORMAT = 1;
const MEMORY_RESULTS = 6;

interface Cached {
  key: string;
  result: RfmResult;
  meta: RfmMeta;
}

interface LoadedData {
  key: string;
  orders: RfmOrders;
  meta: RfmMeta;
  /** Built on first use, for one customer's scores as of past dates. */
  history?: RfmHistory;
}

export class RfmEngine {
  private data: { key: string; promise: Promise<LoadedData> } | undefined;
  private customerBlocks: { key: string; promise: Promise<CustomerBlock[]> } | undefined;
  private readonly results = new Map<string, Cached>();
  private evaluator: { key: string; evaluator: RfmEvaluator } | undefined;
  private saving: Promise<unknown> = Promise.resolve();

  /** `now` sets the plausible dates the default analysis date is taken within. */
  constructor(
    private readonly port: EnginePort,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once the last result is saved in the cache (tests and benchmarks wait for it). */
  saved(): Promise<unknown> {
    return this.saving;
  }

  async summary(request: RfmRequest, context?: RunContext): Promise<RfmSummary> {
    const { cached, source } = await this.result(request, request.settings.asOf, true, context);
    const map = compileSegmentMap(request.map);
    const codes = assignSegments(cached.result, map);
    return {
      params: cached.result.params,
      meta: cached.meta,
      customers: cached.result.customerCount,
      scored: cached.result.scored,
      breaks: cached.result.breaks,
      segments: segmentTotals(cached.result, codes, map.segmentCount),
      heatmap: rfHeatmap(cached.result, codes, map.segmentCount),
      map: request.map,
      source,
    };
  }

  /** One page of the customers matching `filter`, with their measures and scores. */
  async customers(request: RfmCustomersRequest): Promise<RfmCustomersPage> {
    const { cached } = await this.result(request, request.settings.asOf, true);
    const result = cached.result;
    const codes = assignSegments(result, compileSegmentMap(request.map));
    let indexes = await this.select(request, codes, request.filter);
    if (request.sort) indexes = sortCustomers(result, indexes, request.sort.field, request.sort.isDescending);
    const blocks = await this.blocks(request);
    const from = request.page * request.pageSize;
    const rows = Array.from(indexes.subarray(from, from + request.pageSize), (c) => {
      const profile = customerProfileAt(blocks, c);
      const isScored = result.frequency[c]! > 0;
      return {
        index: c,
        id: profile.id,
        name: profile.name,
        email: profile.email,
        segment: codes[c]!,
        recency: isScored ? result.recency[c]! : null,
        frequency: result.frequency[c]!,
        revenue: result.revenue[c]!,
        monetary: isScored ? monetaryValueOf(result, c) : null,
        r: result.r[c]!,
        f: result.f[c]!,
        m: result.m[c]!,
      };
    });
    return { rows, matched: indexes.length };
  }

  /** The customers matching `filter` as CSV (columns of cli.md, then name, email and phone). */
  async exportCsv(request: RfmExportRequest): Promise<{ csv: string; rows: number }> {
    const { cached } = await this.result(request, request.settings.asOf, true);
    const result = cached.result;
    const map = compileSegmentMap(request.map);
    const codes = assignSegments(result, map);
    const indexes = await this.select(request, codes, request.filter);
    const blocks = await this.blocks(request);
    const profiles = Array.from(indexes, (c) => customerProfileAt(blocks, c));
    const byIndex = new Map(Array.from(indexes, (c, i) => [c, profiles[i]!]));
    const order = sortByCustomerId(Array.from(indexes), (index) => byIndex.get(index)!.id);
    const segmentName = (c: number) => {
      const code = codes[c]!;
      if (code === othersCode(map.segmentCount)) return request.names.others;
      if (code === noPurchasesCode(map.segmentCount)) return request.names.noPurchases;
      return request.map.segments[code]!.name;
    };
    const extraColumns = [
      { header: 'name', value: (c: number) => byIndex.get(c)!.name },
      { header: 'email', value: (c: number) => byIndex.get(c)!.email },
      { header: 'phone', value: (c: number) => byIndex.get(c)!.phone },
    ];
    const options = { customerId: (c: number) => byIndex.get(c)!.id, segmentName, direction: request.direction, extraColumns };
    const lines = [rfmCsvHeader(options), ...order.map((c) => rfmCsvRow(result, c, options))];
    return { csv: `${lines.join('\n')}\n`, rows: order.length };
  }

  /** Customers by segment at `fromAsOf` (rows) and at the analysis date (columns). */
  async transition(request: RfmTransitionRequest, context?: RunContext): Promise<RfmTransition> {
    const [from, to] = [await this.result(request, request.fromAsOf, false, context), await this.result(request, request.settings.asOf, true, context)];
    const map = compileSegmentMap(request.map);
    const matrix = transitionMatrix(assignSegments(from.cached.result, map), assignSegments(to.cached.result, map), map.segmentCount);
    return { fromAsOfDay: from.cached.result.params.asOfDay, toAsOfDay: to.cached.result.params.asOfDay, matrix };
  }

  /** One customer's scores as of the analysis date and at the end of each of the 6 months before it. */
  async customer(request: RfmCustomerRequest) {
    const data = await this.load(request);
    const { cached } = await this.result(request, request.settings.asOf, true);
    const asOfDay = cached.result.params.asOfDay;
    const evaluator = this.evaluatorFor(data, request);
    const days = monthEnds(asOfDay, 6);
    return {
      asOfDay,
      now: evaluator.scoreAsOfDay(request.customerIndex, asOfDay),
      history: days.map((day) => ({ day, score: evaluator.scoreAsOfDay(request.customerIndex, day) })),
    };
  }

  /** Customer indexes matching the filter at the analysis date (and, when asked, at an earlier one). */
  private async select(request: RfmRequest, codes: Uint16Array, filter: RfmFilter): Promise<Int32Array> {
    const { cached } = await this.result(request, request.settings.asOf, true);
    const indexes = filterCustomers(cached.result, codes, filter);
    if (!filter.previous) return indexes;
    const earlier = await this.result(request, filter.previous.asOf, false);
    const earlierCodes = assignSegments(earlier.cached.result, compileSegmentMap(request.map));
    return indexes.filter((c) => earlierCodes[c] === filter.previous!.segment);
  }

  private evaluatorFor(data: LoadedData, request: RfmRequest): RfmEvaluator {
    const key = JSON.stringify([data.key, scoringKey({ ...request.settings, asOf: null }), request.map]);
    if (this.evaluator?.key !== key) {
      const map = compileSegmentMap(request.map);
      data.history ??= rfmHistoryFromBlocks([data.orders.block], RFM_ORDER_TYPES, data.orders.customerCount, request.timeZone);
      const evaluator = createRfmEvaluator(data.history, { scoring: scoringOf(request.settings), periodDays: request.settings.periodDays, map, cacheDays: 8 });
      this.evaluator = { key, evaluator };
    }
    return this.evaluator.evaluator;
  }

  private async result(request: RfmRequest, asOf: string | null, isMain: boolean, context?: RunContext): Promise<{ cached: Cached; source: RfmSummary['source'] }> {
    const settings = { ...request.settings, asOf };
    const key = `${request.workspaceId}:${request.dataVersion}:${request.timeZone}:${scoringKey(settings)}`;
    const inMemory = this.results.get(key);
    if (inMemory) {
      this.results.delete(key);
      this.results.set(key, inMemory);
      return { cached: inMemory, source: 'memory' };
    }
    const cacheKey = { workspaceId: request.workspaceId, name: CACHE_NAME, dataVersion: request.dataVersion, format: RFM_RESULT_FORMAT };
    if (isMain) {
      const stored = await this.port.cache.get<Cached>(cacheKey);
      if (stored?.key === key) {
        this.remember(stored);
        return { cached: stored, source: 'database' };
      }
    }
    const data = await this.load(request, context);
    throwIfCancelled(context?.signal);
    context?.progress({ done: 2, total: 3, phase: 'score' });
    const result = scoreRfm(data.orders, data.meta, request.timeZone, { ...scoringOf(settings), asOf, periodDays: settings.periodDays });
    const cached: Cached = { key, result, meta: data.meta };
    this.remember(cached);
    // The saved copy only makes the next visit instant: the answer does not wait for it, and a
    // failed write (storage full) costs nothing but that.
    if (isMain) this.saving = this.port.cache.put(cacheKey, cached).catch(() => undefined);
    context?.progress({ done: 3, total: 3, phase: 'score' });
    return { cached, source: 'computed' };
  }

  private remember(cached: Cached): void {
    this.results.set(cached.key, cached);
    if (this.results.size > MEMORY_RESULTS) this.results.delete(this.results.keys().next().value!);
  }

  private load(request: RfmRequest, context?: RunContext): Promise<LoadedData> {
    const key = `${request.workspaceId}:${request.dataVersion}:${request.timeZone}`;
    if (this.data?.key !== key) {
      const promise = (async () => {
        context?.progress({ done: 0, total: 3, phase: 'load' });
        const dataset = await this.port.loadDataset(request.workspaceId);
        context?.progress({ done: 1, total: 3, phase: 'prepare' });
        const orders = rfmOrdersFromDataset(dataset);
        this.customerBlocks = { key, promise: Promise.resolve([...dataset.customers].sort((a, b) => a.start - b.start)) };
        return { key, orders, meta: rfmMeta(orders.block, request.timeZone, plausibleWindow(this.now())) };
      })();
      this.data = { key, promise };
      promise.catch(() => {
        if (this.data?.key === key) this.data = undefined;
      });
    }
    return this.data.promise;
  }

  private blocks(request: RfmRequest): Promise<CustomerBlock[]> {
    const key = `${request.workspaceId}:${request.dataVersion}:${request.timeZone}`;
    if (this.customerBlocks?.key !== key) {
      const promise = this.port.loadCustomers(request.workspaceId).then((blocks) => [...blocks].sort((a, b) => a.start - b.start));
      this.customerBlocks = { key, promise };
    }
    return this.customerBlocks.promise;
  }
}

/** The last day of each of the `count` calendar months before the month of `day`, oldest first. */
function monthEnds(day: number, count: number): number[] {
  const date = new Date(day * 86_400_000);
  const days: number[] = [];
  for (let k = count; k >= 1; k--) {
    const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - k + 1, 0);
    days.push(end / 86_400_000);
  }
  return days;
}
