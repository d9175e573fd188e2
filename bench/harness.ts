/**
 * The benchmark harness: suites return measurements, the runner prints one JSON line per
 * measurement and writes bench/results.md. Every figure is the median of several runs and,
 * where it makes sense, a ratio to a baseline measured in the same run on the same machine.
 */
export interface Measurement {
  suite: string;
  name: string;
  /** what `median` counts: 's', 'ms', 'customers/s', … */
  unit: string;
  median: number;
  runs: number[];
  /** The work this is compared with, measured in the same run. */
  baseline?: { name: string; median: number; unit: string };
  /** median / baseline.median for times (lower is better) unless stated in `ratioNote` */
  ratio?: number;
  ratioNote?: string;
  /** e.g. '≤ 0.5 s' or 'ratio ≤ 3' */
  target?: string;
  /** Whether the target is met; absent when no target. */
  isTargetMet?: boolean;
  notes?: string;
}

export interface SuiteContext {
  runs: number;
  /** Temporary directory for this suite's files (bench/tmp/<suite>). */
  tmpDir: string;
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<Measurement[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `work` `runs` times (after `warmups` unmeasured runs) and returns the seconds of each run. */
export async function timeRuns(runs: number, work: () => unknown | Promise<unknown>, warmups = 0): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work();
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startedAt = performance.now();
    await work();
    seconds.push((performance.now() - startedAt) / 1000);
  }
  return seconds;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A time measurement with its baseline and ratio filled in. */
export function compareTimes(
  fields: Omit<Measurement, 'median' | 'unit' | 'baseline' | 'ratio'>,
  baseline: { name: string; runs: number[] },
  targetRatio?: number,
): Measurement {
  const value = median(fields.runs);
  const base = median(baseline.runs);
  const ratio = value / base;
  const measurement: Measurement = {
    ...fields,
    unit: 's',
    median: round(value),
    runs: fields.runs.map((r) => round(r)),
    baseline: { name: baseline.name, median: round(base), unit: 's' },
    ratio: round(ratio, 2),
  };
  if (targetRatio !== undefined) {
    measurement.target = `ratio ≤ ${targetRatio}`;
    measurement.isTargetMet = ratio <= targetRatio;
  }
  return measurement;
}
