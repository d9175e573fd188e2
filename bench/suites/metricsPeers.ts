import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The pandas side of the metrics benchmark (bench/python/metrics_*.py) and the cell-by-cell
 * comparison of its figures with ours: the cohorts are checked, not just timed.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
export const PYTHON = '/usr/bin/python3';
export const PYTHON_DIR = join(ROOT, 'bench/python');

export interface CohortFigures {
  cohort: string;
  customers: number;
  retention: number[];
  ltv: number[];
}

export interface MetricsFigures {
  totals: { buyers: number; orders: number; grossRevenue: number; netRevenue: number; repeatRate: number | null; churnedShare: number | null };
  cohorts: CohortFigures[];
}

/** pandas as a peer process: loads the orders once, warms up, then times one run per request. */
export class PandasMetricsPeer {
  private readonly lines: AsyncIterator<string>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static async start(binPath: string, asOfDay: number, warmups: number): Promise<PandasMetricsPeer> {
    const child = spawn(PYTHON, [join(PYTHON_DIR, 'metrics_cohorts.py'), binPath, String(asOfDay), String(warmups)], { cwd: PYTHON_DIR });
    const peer = new PandasMetricsPeer(child);
    await peer.answer();
    return peer;
  }

  private async answer<T>(): Promise<T> {
    const next = await this.lines.next();
    if (next.done) throw new Error('the pandas metrics peer stopped');
    return JSON.parse(next.value) as T;
  }

  async run(): Promise<number> {
    this.child.stdin.write('run\n');
    return (await this.answer<{ seconds: number }>()).seconds;
  }

  async finish(): Promise<MetricsFigures> {
    this.child.stdin.write('done\n');
    const figures = await this.answer<MetricsFigures>();
    this.child.stdin.end();
    return figures;
  }
}

function isClose(a: number | null, b: number | null, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Our figures against pandas', cell by cell: the same cohorts with the same customers, every
 * retention and LTV cell within 1e-9 (relative), the totals likewise. Throws on the first
 * difference; returns what was compared.
 */
export function compareFigures(ours: MetricsFigures, theirs: MetricsFigures): string {
  const fail = (what: string) => {
    throw new Error(`metrics differ from pandas: ${what}`);
  };
  if (ours.cohorts.length !== theirs.cohorts.length) fail(`${ours.cohorts.length} cohorts vs ${theirs.cohorts.length}`);
  let cells = 0;
  ours.cohorts.forEach((row, i) => {
    const other = theirs.cohorts[i]!;
    if (row.cohort !== other.cohort || row.customers !== other.customers) fail(`cohort ${row.cohort} (${row.customers}) vs ${other.cohort} (${other.customers})`);
    if (row.retention.length !== other.retention.length) fail(`${row.cohort}: ${row.retention.length} periods vs ${other.retention.length}`);
    row.retention.forEach((value, k) => {
      if (!isClose(value, other.retention[k]!, 1e-12)) fail(`${row.cohort} retention[${k}] ${value} vs ${other.retention[k]}`);
      if (!isClose(row.ltv[k]!, other.ltv[k]!, 1e-9)) fail(`${row.cohort} ltv[${k}] ${row.ltv[k]} vs ${other.ltv[k]}`);
      cells += 2;
    });
  });
  for (const key of ['buyers', 'orders', 'grossRevenue', 'netRevenue', 'repeatRate', 'churnedShare'] as const) {
    if (!isClose(ours.totals[key], theirs.totals[key], 1e-9)) fail(`totals.${key} ${ours.totals[key]} vs ${theirs.totals[key]}`);
  }
  return `same ${ours.cohorts.length} cohorts, ${cells.toLocaleString('en-US')} retention and LTV cells and totals as pandas`;
}

/** Seconds of one process run from start to exit. */
export function timeProcess(command: string, args: string[], cwd: string): number {
  const startedAt = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - startedAt) / 1000;
}

export function readFigures(path: string): MetricsFigures {
  return JSON.parse(readFileSync(path, 'utf8')) as MetricsFigures;
}
