import { createWorkspace, getDatabase, setSetting, setWorkspaceSetting, SETTING_KEYS, writeDataBatch } from '../../src/db';
import { unknownConsents, type CrmEvent, type Customer, type EventBlock } from '../../src/domain';
import { computeDashboard, defaultCrmChannelMapping, defaultMetricsSettings, metricsHistoryFromBlocks, metricsJson } from '../../src/domain/metrics';
import { formatEpochDay } from '../../src/domain/time';
import { METRICS_SETTING_NAME } from '../../src/features/metrics/useMetrics';
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

/**
 * For the screen measurement: the benchmark orders as a workspace of the app's own database
 * (same origin as the app), opened next time the app starts. Returns its id and last order day.
 */
async function metricsSeedWorkspace(url: string, customerCount: number): Promise<{ workspaceId: string; lastDay: number }> {
  const columns = readRfmColumns(await (await fetch(url)).arrayBuffer());
  const customers: Customer[] = Array.from({ length: customerCount }, (_, i) => ({ id: `C${String(i + 1).padStart(6, '0')}`, consents: unknownConsents(), attrs: {} }));
  const events: CrmEvent[] = Array.from(columns.customer, (c, i) => ({ customerId: customers[c]!.id, type: 'order', ts: columns.ts[i]!, amount: columns.amount[i]!, props: {} }));
  const db = getDatabase();
  const workspace = await createWorkspace(db, { name: 'Bench 1M orders' });
  await writeDataBatch(db, { workspaceId: workspace.id, sourceName: 'bench', kind: 'demo', customers, events });
  await setSetting(db, SETTING_KEYS.activeWorkspaceId, workspace.id);
  let last = 0;
  for (const ts of columns.ts) if (ts > last) last = ts;
  return { workspaceId: workspace.id, lastDay: Math.floor(last / 86_400_000) };
}

/** Sets the Metrics screen's as-of date of a workspace (a new date: the next visit computes). */
async function metricsSetAsOf(workspaceId: string, day: number): Promise<void> {
  await setWorkspaceSetting(getDatabase(), workspaceId, METRICS_SETTING_NAME, { ...defaultMetricsSettings(), asOf: formatEpochDay(day) });
}

export const metricsBenchmarks = { metricsPrepare, metricsRun, metricsSeedWorkspace, metricsSetAsOf };
