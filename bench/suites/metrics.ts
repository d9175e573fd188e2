import { closeSync, copyFileSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { computeDashboard, defaultCrmChannelMapping, metricsHistoryFromBlocks, metricsJson } from '../../src/domain/metrics';
import { localDayNumber } from '../../src/domain/time';
import type { Browser } from 'playwright-core';
import { buildBenchApp, launchChromium, openBenchPage, startBenchServer } from '../browserHarness';
import { compareTimes, median, round, type BenchSuite, type Measurement } from '../harness';
import { compareFigures, PandasMetricsPeer, PYTHON, PYTHON_DIR, readFigures, type MetricsFigures } from './metricsPeers';
import { prepareRfmData, readRfmColumns, rfmBlocks, RFM_BENCH_CUSTOMERS, type RfmBenchData } from './rfmData';

/**
 * Metrics (issue 16) for 100,000 customers / 1,000,000 orders — the RFM benchmark's orders —
 * against pandas computing the same cohorts and totals in the same run (the figures are
 * compared cell by cell, not just timed):
 * - in memory, in Node and in headless Chromium: history from the event blocks, totals, cohorts,
 *   year/quarter comparisons;
 * - end to end: `chainlab metrics --json` on the orders CSV against a pandas script (read_csv,
 *   to_datetime, groupbys, JSON), on the demo's orders file and on the same orders written as a
 *   real export often is (no quotes, three columns, `YYYY-MM-DD HH:MM:SS` dates).
 */
const WARMUPS = 2;
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/chainlab.mjs');

function figuresOf(json: ReturnType<typeof metricsJson>): MetricsFigures {
  return { totals: json.totals, cohorts: json.cohorts };
}

/** Our in-memory run: one call per run, the last result kept for the check. */
function nodeRunner(data: RfmBenchData, asOfDay: number) {
  const blocks = rfmBlocks(readRfmColumns(new Uint8Array(readFileSync(data.binPath)).buffer));
  let figures: MetricsFigures | undefined;
  return {
    run(): number {
      const startedAt = performance.now();
      const history = metricsHistoryFromBlocks(blocks, ['order'], RFM_BENCH_CUSTOMERS, 'UTC', defaultCrmChannelMapping());
      const dashboard = computeDashboard(history, { asOfDay, unit: 'month', period: 'all', churnDays: 365 });
      const seconds = (performance.now() - startedAt) / 1000;
      figures = figuresOf(metricsJson({ totals: dashboard.totals, cohorts: dashboard.cohorts, timeZone: 'UTC', churnDays: 365, ordersWithoutAmount: 0 }));
      return seconds;
    },
    figures: () => figures!,
  };
}

async function inMemory(data: RfmBenchData, asOfDay: number, runs: number, log: (message: string) => void): Promise<Measurement[]> {
  buildBenchApp();
  copyFileSync(data.binPath, join(ROOT, 'bench/tmp/dist/metrics-orders.bin'));
  const server = await startBenchServer();
  const browser = await launchChromium();
  const pandas = await PandasMetricsPeer.start(data.binPath, asOfDay, WARMUPS);
  try {
    const node = nodeRunner(data, asOfDay);
    const page = await openBenchPage(browser, server);
    await page.evaluate((customers) => window.chainlabBench.metricsPrepare('/metrics-orders.bin', customers), RFM_BENCH_CUSTOMERS);
    for (let i = 0; i < WARMUPS; i++) {
      node.run();
      await page.evaluate((day) => window.chainlabBench.metricsRun(day), asOfDay);
    }
    const times = { node: [] as number[], pandas: [] as number[], browser: [] as number[] };
    let browserFigures: MetricsFigures | undefined;
    for (let i = 0; i < runs; i++) {
      times.node.push(node.run());
      times.pandas.push(await pandas.run());
      const answer = await page.evaluate((day) => window.chainlabBench.metricsRun(day), asOfDay);
      times.browser.push(answer.seconds);
      browserFigures = answer.figures;
      log(`in memory run ${i + 1}: node ${round(times.node.at(-1)!)} s, pandas ${round(times.pandas.at(-1)!)} s, chromium ${round(times.browser.at(-1)!)} s`);
    }
    const theirs = await pandas.finish();
    const nodeMeasurement = compareTimes(
      { suite: 'metrics', name: 'Metrics in Node: history from the event blocks, totals (now, a year and a quarter before), month cohorts with retention and LTV', runs: times.node },
      { name: 'pandas: day numbers, months, groupby cohorts, retention and cumulative LTV, totals (arrays in memory)', runs: times.pandas },
      1,
    );
    nodeMeasurement.notes = `${compareFigures(node.figures(), theirs)}; runs interleaved with pandas and Chromium after ${WARMUPS} warm-up runs each`;
    const browserMeasurement = compareTimes(
      { suite: 'metrics', name: 'Metrics in Chromium: the same work on the page', runs: times.browser },
      { name: 'pandas, same runs (as above)', runs: times.pandas },
      1,
    );
    browserMeasurement.notes = compareFigures(browserFigures!, theirs);
    await page.context().close();
    const screen = await screenRuns(browser, server.url, runs, log);
    const screenMeasurement = compareTimes(
      { suite: 'metrics', name: `Metrics screen in Chromium, ${RFM_BENCH_CUSTOMERS.toLocaleString('en-US')} customers / 1,000,000 orders: open /metrics → headline cards and cohort table shown (new as-of date: orders read from IndexedDB and computed in the worker)`, runs: screen.first },
      { name: 'the app starting on the same workspace, to its shell (a screen without data)', runs: screen.shell },
    );
    screenMeasurement.notes = `revisit (reload, result from the cache): median ${round(median(screen.revisit))} s; the computation alone in memory on the page: ${round(median(times.browser))} s`;
    return [nodeMeasurement, browserMeasurement, screenMeasurement];
  } finally {
    await browser.close();
    server.stop();
  }
}

/**
 * The real screen: the orders as a workspace of the app, /metrics opened with a new as-of date
 * each run (first: orders read from IndexedDB and computed in the worker), then reloaded
 * (revisit: the result comes from the cache). The app's own start — the shell shown — is timed
 * in the same runs, so the screen's share can be told from the app's.
 */
async function screenRuns(browser: Browser, url: string, runs: number, log: (message: string) => void): Promise<{ first: number[]; revisit: number[]; shell: number[] }> {
  const page = await (await browser.newContext()).newPage();
  const openBench = async () => {
    await page.goto(`${url}/bench/browser/index.html`);
    await page.waitForFunction(() => 'chainlabBench' in window);
  };
  await openBench();
  const { workspaceId, lastDay } = await page.evaluate((customers) => window.chainlabBench.metricsSeedWorkspace('/metrics-orders.bin', customers), RFM_BENCH_CUSTOMERS);
  const shown = async () => {
    await page.getByTestId('cohort-row').first().waitFor({ timeout: 300_000 });
    await page.locator('[data-testid="metrics-results"][aria-busy="false"]').waitFor({ timeout: 300_000 });
  };
  const times = { first: [] as number[], revisit: [] as number[], shell: [] as number[] };
  for (let run = 0; run < runs; run++) {
    await openBench();
    await page.evaluate(({ id, day }) => window.chainlabBench.metricsSetAsOf(id, day), { id: workspaceId, day: lastDay + 1 - run });
    let startedAt = performance.now();
    await page.goto(`${url}/metrics`);
    await shown();
    times.first.push((performance.now() - startedAt) / 1000);
    startedAt = performance.now();
    await page.reload();
    await shown();
    times.revisit.push((performance.now() - startedAt) / 1000);
    startedAt = performance.now();
    await page.goto(`${url}/runs`);
    await page.getByTestId('workspace-switcher').waitFor({ timeout: 300_000 });
    times.shell.push((performance.now() - startedAt) / 1000);
    log(`screen run ${run + 1}: first ${round(times.first.at(-1)!)} s, revisit ${round(times.revisit.at(-1)!)} s, app start ${round(times.shell.at(-1)!)} s`);
  }
  await page.context().close();
  return times;
}

/** The same orders as a plain export: customer_id,order_date,amount — no quotes, no order id, `YYYY-MM-DD HH:MM:SS`. */
function writePlainExport(data: RfmBenchData, path: string): void {
  if (existsSync(path)) return;
  const columns = readRfmColumns(new Uint8Array(readFileSync(data.binPath)).buffer);
  const lines = ['customer_id,order_date,amount'];
  for (let i = 0; i < columns.customer.length; i++) {
    const when = new Date(columns.ts[i]!).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`C${String(columns.customer[i]! + 1).padStart(6, '0')},${when},${columns.amount[i]!.toFixed(2)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function timeToFile(command: string, args: string[], outPath: string | null): number {
  const out = outPath ? openSync(outPath, 'w') : 'ignore';
  const startedAt = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - startedAt) / 1000;
  if (typeof out === 'number') closeSync(out);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return seconds;
}

async function endToEnd(csvPath: string, label: string, runs: number, tmpDir: string, log: (message: string) => void): Promise<Measurement> {
  const ours = join(tmpDir, 'chainlab-metrics.json');
  const theirs = join(tmpDir, 'pandas-metrics.json');
  const times = { ours: [] as number[], pandas: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.ours.push(timeToFile(process.execPath, [BIN, 'metrics', '--orders', csvPath, '--json'], ours));
    times.pandas.push(timeToFile(PYTHON, [join(PYTHON_DIR, 'metrics_e2e.py'), csvPath, theirs], null));
    log(`${label} run ${i + 1}: chainlab ${round(times.ours.at(-1)!)} s, pandas ${round(times.pandas.at(-1)!)} s`);
  }
  const check = compareFigures(readFigures(ours), readFigures(theirs));
  const startup = median(Array.from({ length: runs }, () => timeToFile(process.execPath, [BIN, '--version'], null)));
  const measurement = compareTimes(
    { suite: 'metrics', name: `chainlab metrics --json: ${label}`, runs: times.ours },
    { name: 'pandas script: read_csv, to_datetime, cohort groupbys, JSON', runs: times.pandas },
    1,
  );
  measurement.notes = `${check}; process start (node + bundle, --version) ${round(startup, 2)} s`;
  return measurement;
}

export const metricsSuite: BenchSuite = {
  name: 'metrics',
  description: `Metrics (cohorts, retention, LTV, totals), ${RFM_BENCH_CUSTOMERS.toLocaleString('en-US')} customers / 1,000,000 orders: Node and the command line against pandas`,
  async run({ runs, tmpDir, log }) {
    const data = await prepareRfmData(join(tmpDir, '../rfm'), log);
    const columns = readRfmColumns(new Uint8Array(readFileSync(data.binPath)).buffer);
    let lastTs = 0;
    for (const ts of columns.ts) if (ts > lastTs) lastTs = ts;
    const asOfDay = localDayNumber(lastTs, 'UTC') + 1;
    const measurements = await inMemory(data, asOfDay, runs, log);
    measurements.push(await endToEnd(data.csvPath, `the demo's ${data.orders.toLocaleString('en-US')}-row orders CSV`, runs, tmpDir, log));
    const plain = join(tmpDir, 'orders-plain.csv');
    writePlainExport(data, plain);
    measurements.push(await endToEnd(plain, 'the same orders as a plain 3-column export (no quotes)', runs, tmpDir, log));
    return measurements;
  },
};
