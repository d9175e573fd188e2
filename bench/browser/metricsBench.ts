import type { EventBlock } from '../../src/domain';
import { computeDashboard, defaultCrmChannelMapping, metricsHistoryFromBlocks, metricsJson } from '../../src/domain/metrics';
import { readRfmColumns, rfmBlocks } from './rfmColumns';

/** Metrics of the benchmark orders (orders.bin served next to the page) in the browser. */
let prepared: { blocks: EventBlock[]; customerCount: number } | undefined;

/** Fetches the orders and builds the event blocks once (not timed). */
async function metricsPrepare(url: string, customerCount: number): Promise<number> {
  prepared = { blocks: rfmBlocks(readRfmColumns(await (await fetch(url)).arrayBuffer())), customerCount };
  return prepared.blocks.length;
}

/** One run of the same work as in Node: history from the blocks, totals, comparisons, cohorts. */
function metricsRun(asOfDay: number) {
  const { blocks, customerCount } = prepared!;
  const startedAt = performance.now();
  const history = metricsHistoryFromBlocks(blocks, ['order'], customerCount, 'UTC', defaultCrmChannelMapping());
  const dashboard = computeDashboard(history, { asOfDay, unit: 'month', period: 'all', churnDays: 365 });
  const seconds = (performance.now() - startedAt) / 1000;
  const json = metricsJson({ totals: dashboard.totals, cohorts: dashboard.cohorts, timeZone: 'UTC', churnDays: 365, ordersWithoutAmount: 0 });
  return { seconds, figures: { totals: json.totals, cohorts: json.cohorts.map(({ cohort, customers, retention, ltv }) => ({ cohort, customers, retention, ltv })) } };
}

export const metricsBenchmarks = { metricsPrepare, metricsRun };
