import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { buildBenchApp, launchChromium, openBenchPage, startBenchServer } from '../browserHarness';
import { compareTimes, median, round, type BenchSuite, type Measurement } from '../harness';
import { assignSegments, compileSegmentMap, computeRfmFromBlocks, presetSegmentMap, segmentTotals } from '../../src/domain/rfm';
import { localDayNumber, plausibleWindow } from '../../src/domain/time';
import { readEventColumnsFromFile } from '../../src/cli/readRecords';
import { rfmJson, writeRfmCsv } from '../../src/cli/commands/rfm';
import { rfmBlockFromColumns, rfmMeta, scoreRfm } from '../../src/engine/rfm/rfmScores';
import { prepareRfmData, readRfmColumns, rfmBlocks, RFM_BENCH_CUSTOMERS, type RfmBenchData } from './rfmData';

/**
 * RFM for 100,000 customers / 1,000,000 orders (cli.md, issue 5): in Node and in headless
 * Chromium, against pandas computing the same scores and R-package segments in the same run
 * (the results are compared, not just timed), and end to end from the orders CSV to the
 * per-customer CSV: `chainlab rfm` against a pandas script (read_csv … to_csv).
 */
const ROOT = new URL('../..', import.meta.url).pathname;
export const PYTHON = '/usr/bin/python3';
export const PYTHON_DIR = join(ROOT, 'bench/python');
/** Unmeasured runs first (JIT, caches), the same for every contender. */
const WARMUPS = 2;

export function ensurePandas(log: (message: string) => void): void {
  if (spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0) return;
  log('installing python3-pandas with apt-get');
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'python3-pandas'], { stdio: 'ignore' });
}

interface RfmCheck {
  customers: number;
  scoreSum: number;
  segments: Record<string, number>;
}

/**
 * pandas as a peer process: it loads the same orders once, warms up, then times one run per
 * request, so its runs interleave with ours and both see the same machine load.
 */
class PandasPeer {
  private readonly lines: AsyncIterator<string>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static async start(data: RfmBenchData, asOfDay: number): Promise<PandasPeer> {
    const child = spawn(PYTHON, [join(PYTHON_DIR, 'rfm_scores.py'), data.binPath, String(asOfDay), String(WARMUPS)], { cwd: PYTHON_DIR });
    const peer = new PandasPeer(child);
    await peer.answer();
    return peer;
  }

  private async answer<T>(): Promise<T> {
    const next = await this.lines.next();
    if (next.done) throw new Error('the pandas peer stopped');
    return JSON.parse(next.value) as T;
  }

  async run(): Promise<number> {
    this.child.stdin.write('run\n');
    return (await this.answer<{ seconds: number }>()).seconds;
  }

  async finish(): Promise<RfmCheck> {
    this.child.stdin.write('done\n');
    const check = await this.answer<RfmCheck>();
    this.child.stdin.end();
    return check;
  }
}

/** Our work in Node on the blocks as stored: one run per call; the last result is kept for the check. */
function nodeRunner(data: RfmBenchData, asOfDay: number) {
  const blocks = rfmBlocks(readRfmColumns(new Uint8Array(readFileSync(data.binPath)).buffer));
  const map = presetSegmentMap('rfm-package', 5, 'en');
  const compiled = compileSegmentMap(map);
  let check = { scoreSum: 0, segments: {} as Record<string, number>, scored: 0 };
  return {
    run(): number {
      const startedAt = performance.now();
      const result = computeRfmFromBlocks(blocks, ['order'], RFM_BENCH_CUSTOMERS, 'UTC', { asOfDay, periodDays: null, levels: 5, method: 'quantile', monetary: 'total' });
      const codes = assignSegments(result, compiled);
      const totals = segmentTotals(result, codes, map.segments.length);
      const seconds = (performance.now() - startedAt) / 1000;
      let scoreSum = 0;
      for (let c = 0; c < RFM_BENCH_CUSTOMERS; c++) if (result.frequency[c]) scoreSum += result.r[c]! * 100 + result.f[c]! * 10 + result.m[c]!;
      const names = [...map.segments.map((segment) => segment.name), 'Others'];
      check = { scoreSum, scored: result.scored, segments: Object.fromEntries(totals.filter((t) => t.customers && t.code < names.length).map((t) => [names[t.code]!, t.customers])) };
      return seconds;
    },
    check: () => check,
  };
}

function sameScores(ours: { scoreSum: number; segments: Record<string, number>; scored: number }, theirs: RfmCheck): string {
  // pandas sees only customers with orders: "No purchases" has no counterpart there
  const segments = (all: Record<string, number>) => JSON.stringify(Object.entries(all).filter(([name]) => name !== 'No purchases').sort());
  const isSame = ours.scoreSum === theirs.scoreSum && ours.scored === theirs.customers && segments(ours.segments) === segments(theirs.segments);
  if (!isSame) throw new Error(`RFM results differ from pandas: ours ${JSON.stringify(ours)}, pandas ${JSON.stringify(theirs)}`);
  return `same ${theirs.customers.toLocaleString('en-US')} customers, scores and segments as pandas`;
}

/** In-memory runs: Node, pandas and Chromium take turns, so all three see the same machine load. */
async function interleavedRuns(data: RfmBenchData, asOfDay: number, runs: number, log: (message: string) => void) {
  buildBenchApp();
  copyFileSync(data.binPath, join(ROOT, 'bench/tmp/dist/rfm-orders.bin'));
  const server = await startBenchServer();
  const browser = await launchChromium();
  const pandas = await PandasPeer.start(data, asOfDay);
  try {
    const node = nodeRunner(data, asOfDay);
    const page = await openBenchPage(browser, server);
    await page.evaluate((customers) => window.chainlabBench.rfmPrepare('/rfm-orders.bin', customers), RFM_BENCH_CUSTOMERS);
    for (let i = 0; i < WARMUPS; i++) {
      node.run();
      await page.evaluate((day) => window.chainlabBench.rfmRun(day), asOfDay);
    }
    const times = { node: [] as number[], pandas: [] as number[], browser: [] as number[] };
    let browserCheck: Awaited<ReturnType<typeof window.chainlabBench.rfmRun>> | undefined;
    for (let i = 0; i < runs; i++) {
      times.node.push(node.run());
      times.pandas.push(await pandas.run());
      browserCheck = await page.evaluate((day) => window.chainlabBench.rfmRun(day), asOfDay);
      times.browser.push(browserCheck.seconds);
      log(`run ${i + 1}: node ${round(times.node.at(-1)!)} s, pandas ${round(times.pandas.at(-1)!)} s, chromium ${round(times.browser.at(-1)!)} s`);
    }
    await page.context().close();
    const screenPage = await openBenchPage(browser, server);
    const screen = await screenPage.evaluate(({ customers, count }) => window.chainlabBench.rfmScreen('/rfm-orders.bin', customers, count), { customers: RFM_BENCH_CUSTOMERS, count: runs });
    await screenPage.context().close();
    return { times, screen, nodeCheck: node.check(), browserCheck: browserCheck!, pandasCheck: await pandas.finish() };
  } finally {
    await browser.close();
    server.stop();
  }
}

export function timeProcess(command: string, args: string[], cwd: string): number {
  const startedAt = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - startedAt) / 1000;
}

/** Both CSVs must hold the same customers, segments and scores (amounts to 1e-6). */
export function compareCsv(ours: string, theirs: string): string {
  const parse = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').trim(), { header: true }).data;
  const a = parse(ours);
  const b = new Map(parse(theirs).map((row) => [row.customer_id, row]));
  if (a.length !== b.size) throw new Error(`CSV rows differ: ${a.length} vs pandas ${b.size}`);
  for (const row of a) {
    const other = b.get(row.customer_id!);
    if (!other || other.segment !== row.segment || other.rfm_score !== row.rfm_score || other.recency_days !== row.recency_days || Math.abs(Number(other.amount) - Number(row.amount)) > 1e-6) {
      throw new Error(`CSV differs for ${row.customer_id}: ${JSON.stringify(row)} vs pandas ${JSON.stringify(other)}`);
    }
  }
  return `same ${a.length.toLocaleString('en-US')} rows as pandas`;
}

/** Where the command line's time goes, in process, by the command's own path: reading the CSV (the importer, events as columns), RFM, writing. */
async function commandSplit(data: RfmBenchData, tmpDir: string) {
  let startedAt = performance.now();
  const records = await readEventColumnsFromFile(data.csvPath, { kind: 'orders', timeZone: 'UTC' });
  const read = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  const { block, customerIds } = rfmBlockFromColumns(records);
  const result = scoreRfm({ block, customerCount: customerIds.length }, rfmMeta(block, 'UTC', plausibleWindow(Date.now())), 'UTC', { asOf: null, periodDays: null, levels: 5, method: 'quantile', monetary: 'total' });
  const map = presetSegmentMap('rfm-package', 5, 'en');
  const fromFile = { result, customerIds, map, codes: assignSegments(result, compileSegmentMap(map)) };
  rfmJson(fromFile);
  const compute = (performance.now() - startedAt) / 1000;
  startedAt = performance.now();
  await writeRfmCsv(join(tmpDir, 'split.csv'), fromFile);
  const write = (performance.now() - startedAt) / 1000;
  return { read, compute, write };
}

async function endToEnd(data: RfmBenchData, runs: number, tmpDir: string, log: (message: string) => void): Promise<Measurement[]> {
  const ours = join(tmpDir, 'chainlab-rfm.csv');
  const theirs = join(tmpDir, 'pandas-rfm.csv');
  const bin = join(ROOT, 'bin/chainlab.mjs');
  const oursRuns: number[] = [];
  const pandasRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    oursRuns.push(timeProcess(process.execPath, [bin, 'rfm', '--orders', data.csvPath, '--map', 'rfm-package', '--out', ours, '--json'], tmpDir));
    pandasRuns.push(timeProcess(PYTHON, [join(PYTHON_DIR, 'rfm_e2e.py'), data.csvPath, theirs], PYTHON_DIR));
    log(`end to end run ${i + 1}: chainlab ${round(oursRuns.at(-1)!)} s, pandas ${round(pandasRuns.at(-1)!)} s`);
  }
  const check = compareCsv(ours, theirs);
  const startupRuns = Array.from({ length: runs }, () => timeProcess(process.execPath, [bin, '--version'], tmpDir));
  const splits = [];
  for (let i = 0; i < runs; i++) splits.push(await commandSplit(data, tmpDir));
  const split = { read: median(splits.map((s) => s.read)), compute: median(splits.map((s) => s.compute)), write: median(splits.map((s) => s.write)) };
  const e2e = compareTimes(
    { suite: 'rfm', name: `chainlab rfm: ${data.orders.toLocaleString('en-US')}-row orders CSV → per-customer CSV (rfm-package map)`, runs: oursRuns },
    { name: 'pandas script: read_csv, to_datetime, groupby, package breaks and map, to_csv', runs: pandasRuns },
    1,
  );
  e2e.notes = `${check}; split in process (medians): read CSV with the importer ${round(split.read, 2)} s, RFM ${round(split.compute, 2)} s, write CSV ${round(split.write, 2)} s; process start (node + esbuild bundle, --version) ${round(median(startupRuns), 2)} s`;
  return [e2e];
}

export const rfmSuite: BenchSuite = {
  name: 'rfm',
  description: `RFM scores and segments, ${RFM_BENCH_CUSTOMERS.toLocaleString('en-US')} customers / 1,000,000 orders: Node, Chromium and the command line against pandas`,
  async run({ runs, tmpDir, log }) {
    ensurePandas(log);
    const data = await prepareRfmData(tmpDir, log);
    log(`${data.orders.toLocaleString('en-US')} orders of ${data.customersWithOrders.toLocaleString('en-US')} customers (of ${data.customers.toLocaleString('en-US')})`);
    const columns = readRfmColumns(new Uint8Array(readFileSync(data.binPath)).buffer);
    let lastTs = 0;
    for (const ts of columns.ts) if (ts > lastTs) lastTs = ts;
    const asOfDay = localDayNumber(lastTs, 'UTC') + 1;

    const { times, screen: screenTimes, nodeCheck, browserCheck, pandasCheck } = await interleavedRuns(data, asOfDay, runs, log);
    const nodeMeasurement = compareTimes(
      { suite: 'rfm', name: 'RFM in Node: scan of the event blocks, package quantile scores, R-package segments, totals', runs: times.node },
      { name: 'pandas: groupby, numpy quantile breaks, searchsorted scores, np.select segments (DataFrame in memory)', runs: times.pandas },
      1,
    );
    nodeMeasurement.notes = `${sameScores(nodeCheck, pandasCheck)}; runs interleaved with pandas and Chromium after ${WARMUPS} warm-up runs each`;
    const browserMeasurement = compareTimes(
      { suite: 'rfm', name: 'RFM in Chromium: the same work on the page', runs: times.browser },
      { name: 'pandas, same runs (as above)', runs: times.pandas },
      1,
    );
    browserMeasurement.notes = sameScores(browserCheck, pandasCheck);
    const screen: Measurement = compareTimes(
      { suite: 'rfm', name: 'Segments screen in Chromium, first computation: read 1,000,000 orders from IndexedDB, RFM, summary', runs: screenTimes.firstSeconds },
      { name: 'pandas, same run (as above)', runs: times.pandas },
    );
    screen.notes = `revisit (result from the database cache, no events read): median ${round(median(screenTimes.revisitSeconds))} s`;
    const e2e = existsSync(data.csvPath) ? await endToEnd(data, runs, tmpDir, log) : [];
    return [nodeMeasurement, browserMeasurement, screen, ...e2e];
  },
};
