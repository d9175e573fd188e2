import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineWriter } from '../../src/cli/fileOutput';
import { launchChromium, openBenchPage, startBenchServer } from '../browserHarness';
import { compareTimes, median, round, type BenchSuite, type Measurement } from '../harness';
import { compareCsv, ensurePandas, PYTHON, PYTHON_DIR, timeProcess } from './rfm';

/**
 * Files shaped like real exports (issue 10): few columns and no quote character anywhere — what
 * pandas, R, SQL clients and many shops write. A 1,000,000-row orders file (customer_id,
 * order_date, revenue, order_id; ~234,000 customers) quote-free and the same rows with every
 * field quoted:
 * - `chainlab import` in Node and the import in Chromium (File → IndexedDB, 200,000 rows),
 *   quote-free against quoted (target: no slower, ratio ≤ 1.1 to allow for noise);
 * - `chainlab rfm` on the quote-free file against the pandas script in the same run (≤ 1 ×);
 * - peak RSS of every command on a ~1 GB file (target < 1.5 GB), including a file whose rows are
 *   all rejected (it must end with a report). `BENCH_EXPORTS_BIG_MB` sets the size (default 1000).
 */
const ROWS = 1_000_000;
const BROWSER_ROWS = 200_000;
/** customer ids drawn uniformly from 1..N: 1,000,000 draws hit ~234,000 of 238,000 */
const ID_RANGE = 238_000;
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/chainlab.mjs');
const MAX_RSS_HOOK = join(ROOT, 'bench/node/maxRss.mjs');
const RSS_LIMIT_MB = 1536;

/** A small deterministic generator (mulberry32): the same file on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const START = Date.parse('2023-01-01T00:00:00Z');
const SPAN_SECONDS = 3 * 365 * 86_400;

function orderFields(next: () => number, order: number): string[] {
  const ts = new Date(START + Math.floor(next() * SPAN_SECONDS) * 1000).toISOString();
  return [String(1 + Math.floor(next() * ID_RANGE)), `${ts.slice(0, 10)} ${ts.slice(11, 19)}`, (1 + Math.floor(next() * 50_000) / 100).toFixed(2), `O${order}`];
}

interface OrdersFile {
  rows: number;
  /** every field quoted */
  isQuoted?: boolean;
  /** no customer id on any row but the last: every other row rejected (the file still plans, as such exports do) */
  isAllRejected?: boolean;
}

async function writeOrders(path: string, options: OrdersFile): Promise<void> {
  if (existsSync(path)) return;
  const writer = new LineWriter(path);
  const quote = (fields: string[]) => (options.isQuoted ? fields.map((field) => `"${field}"`) : fields).join(',');
  writer.write(`${quote(['customer_id', 'order_date', 'revenue', 'order_id'])}\n`);
  const next = random(10);
  for (let order = 1; order <= options.rows; order++) {
    const fields = orderFields(next, order);
    if (options.isAllRejected && order < options.rows) fields[0] = '';
    writer.writeLine(quote(fields));
    if (writer.isFull) await writer.flush();
  }
  await writer.close();
}

function megabytes(path: string): number {
  return round(statSync(path).size / 1e6, 1);
}

/** A command run to its end with its peak RSS (MB) and whether it printed a report. */
function measuredCommand(args: string[], cwd: string): { seconds: number; rssMb: number; hasReport: boolean } {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, ['--import', MAX_RSS_HOOK, BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - startedAt) / 1000;
  if (result.status !== 0) throw new Error(`chainlab ${args.join(' ')} exited with ${result.status}: ${result.stderr.slice(-2000)}`);
  const rss = /chainlab-bench-max-rss-kb (\d+)/.exec(result.stderr);
  if (!rss) throw new Error(`no peak RSS from chainlab ${args.join(' ')}`);
  let hasReport = false;
  try {
    hasReport = typeof JSON.parse(result.stdout) === 'object';
  } catch {
    hasReport = false;
  }
  return { seconds, rssMb: round(Number(rss[1]) / 1024, 0), hasReport };
}

function nodeImport(quoteFree: string, quoted: string, runs: number, tmpDir: string, log: (message: string) => void): Measurement {
  const free: number[] = [];
  const withQuotes: number[] = [];
  for (let i = 0; i < runs; i++) {
    free.push(timeProcess(process.execPath, [BIN, 'import', quoteFree, '--kind', 'orders', '--json'], tmpDir));
    withQuotes.push(timeProcess(process.execPath, [BIN, 'import', quoted, '--kind', 'orders', '--json'], tmpDir));
    log(`node import run ${i + 1}: quote-free ${round(free.at(-1)!)} s, quoted ${round(withQuotes.at(-1)!)} s`);
  }
  const measurement = compareTimes(
    { suite: 'import-exports', name: `node: chainlab import --kind orders, ${ROWS.toLocaleString('en-US')} rows × 4 columns, no quote character (${megabytes(quoteFree)} MB)`, runs: free },
    { name: `the same rows with every field quoted (${megabytes(quoted)} MB)`, runs: withQuotes },
    1.1,
  );
  measurement.notes = `${Math.round(ROWS / median(free)).toLocaleString('en-US')} rows/s quote-free, ${Math.round(ROWS / median(withQuotes)).toLocaleString('en-US')} rows/s quoted (process start to exit)`;
  return measurement;
}

async function browserImport(quoteFree: string, quoted: string, runs: number, log: (message: string) => void): Promise<Measurement> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  const free: number[] = [];
  const withQuotes: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      for (const [file, into] of [[quoteFree, free], [quoted, withQuotes]] as const) {
        const page = await openBenchPage(browser, server);
        const selector = await page.evaluate(() => window.chainlabBench.addFileInput());
        await page.setInputFiles(selector, file);
        const run = await page.evaluate(() => window.chainlabBench.importFile('orders'));
        if (run.rows !== BROWSER_ROWS) throw new Error(`the browser import read ${run.rows} of ${BROWSER_ROWS} rows`);
        into.push(run.seconds);
        await page.context().close();
      }
      log(`browser import run ${i + 1}: quote-free ${round(free.at(-1)!)} s, quoted ${round(withQuotes.at(-1)!)} s`);
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return compareTimes(
    { suite: 'import-exports', name: `browser: import ${BROWSER_ROWS.toLocaleString('en-US')} orders × 4 columns, no quote character, File → IndexedDB`, runs: free },
    { name: 'the same rows with every field quoted', runs: withQuotes },
    1.1,
  );
}

function rfmAgainstPandas(orders: string, runs: number, tmpDir: string, log: (message: string) => void): Measurement {
  const ours = join(tmpDir, 'chainlab-rfm.csv');
  const theirs = join(tmpDir, 'pandas-rfm.csv');
  const oursRuns: number[] = [];
  const pandasRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    oursRuns.push(timeProcess(process.execPath, [BIN, 'rfm', '--orders', orders, '--map', 'rfm-package', '--out', ours, '--json'], tmpDir));
    pandasRuns.push(timeProcess(PYTHON, [join(PYTHON_DIR, 'rfm_e2e.py'), orders, theirs], PYTHON_DIR));
    log(`rfm run ${i + 1}: chainlab ${round(oursRuns.at(-1)!)} s, pandas ${round(pandasRuns.at(-1)!)} s`);
  }
  const measurement = compareTimes(
    { suite: 'import-exports', name: `chainlab rfm: ${ROWS.toLocaleString('en-US')}-row quote-free orders CSV (4 columns) → per-customer CSV`, runs: oursRuns },
    { name: 'pandas script on the same file: read_csv … to_csv', runs: pandasRuns },
    1,
  );
  measurement.notes = compareCsv(ours, theirs, true);
  return measurement;
}

/** Peak RSS of every command that reads a file, on a ~1 GB file; each must end with its report. */
function peakRss(big: string, rejected: string, runs: number, tmpDir: string, log: (message: string) => void): Measurement[] {
  const commands: [string, string[]][] = [
    ['import --json', ['import', big, '--kind', 'orders', '--json']],
    ['import --out --rejects --json', ['import', big, '--kind', 'orders', '--out', join(tmpDir, 'records.jsonl'), '--rejects', join(tmpDir, 'rejects.csv'), '--json']],
    ['import --rejects --json, every row rejected', ['import', rejected, '--kind', 'orders', '--rejects', join(tmpDir, 'all-rejects.csv'), '--json']],
    ['rfm --out --json', ['rfm', '--orders', big, '--out', join(tmpDir, 'big-rfm.csv'), '--json']],
    ['stages --json', ['stages', '--orders', big, '--json']],
  ];
  return commands.map(([label, args]) => {
    const measured = Array.from({ length: runs }, () => measuredCommand(args, tmpDir));
    const rss = measured.map((run) => run.rssMb);
    log(`${label}: peak RSS ${rss.join(', ')} MB, ${measured.map((run) => round(run.seconds, 1)).join(', ')} s`);
    const file = args.includes(rejected) ? rejected : big;
    // The issue's target is for a 1 GB file. On a smaller file (BENCH_EXPORTS_BIG_MB) it is judged
    // on the peak scaled linearly to 1 GB — what a memory that grows with the rows would reach.
    const fileMb = megabytes(file);
    const judgedMb = fileMb >= 1000 ? Math.max(...rss) : Math.round((Math.max(...rss) * 1000) / fileMb);
    return {
      suite: 'import-exports',
      name: `peak RSS: chainlab ${label} on a ${fileMb} MB file`,
      unit: 'MB',
      median: median(rss),
      runs: rss,
      target: `< ${RSS_LIMIT_MB} MB for a 1 GB file, report printed`,
      isTargetMet: judgedMb < RSS_LIMIT_MB && measured.every((run) => run.hasReport),
      notes: `${round(median(measured.map((run) => run.seconds)), 1)} s per run${fileMb >= 1000 ? '' : `; scaled to 1 GB ≈ ${judgedMb} MB`}`,
    };
  });
}

export const importExportsSuite: BenchSuite = {
  name: 'import-exports',
  description: 'Real-export shapes: quote-free few-column files (Node and Chromium), chainlab rfm against pandas, peak RSS on a ~1 GB file',
  async run({ runs, tmpDir, log }) {
    ensurePandas(log);
    const quoteFree = join(tmpDir, 'orders-1m.csv');
    const quoted = join(tmpDir, 'orders-1m-quoted.csv');
    await writeOrders(quoteFree, { rows: ROWS });
    await writeOrders(quoted, { rows: ROWS, isQuoted: true });
    const node = nodeImport(quoteFree, quoted, runs, tmpDir, log);
    const smallFree = join(tmpDir, 'orders-200k.csv');
    const smallQuoted = join(tmpDir, 'orders-200k-quoted.csv');
    await writeOrders(smallFree, { rows: BROWSER_ROWS });
    await writeOrders(smallQuoted, { rows: BROWSER_ROWS, isQuoted: true });
    const browser = await browserImport(smallFree, smallQuoted, runs, log);
    const rfm = rfmAgainstPandas(quoteFree, runs, tmpDir, log);
    const bigMb = Number(process.env.BENCH_EXPORTS_BIG_MB ?? 1000);
    // ~43 bytes a row
    const bigRows = Math.round((bigMb * 1e6) / 43);
    const big = join(tmpDir, `orders-${bigMb}mb.csv`);
    const rejected = join(tmpDir, `orders-${bigMb}mb-no-ids.csv`);
    await writeOrders(big, { rows: bigRows });
    await writeOrders(rejected, { rows: bigRows, isAllRejected: true });
    const rssRuns = Number(process.env.BENCH_EXPORTS_RSS_RUNS ?? runs);
    return [node, browser, rfm, ...peakRss(big, rejected, rssRuns, tmpDir, log)];
  },
};
