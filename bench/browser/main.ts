/**
 * Entry of the benchmark page. Each browser benchmark module exports functions that the
 * Node side calls through `page.evaluate(() => window.chainlabBench.<name>(…))`.
 */
import { importBenchmarks } from './importBench';
import { metricsBenchmarks } from './metricsBench';
import { rfmBenchmarks } from './rfmBench';
import { runsBenchmarks } from './runsBench';
import { simulateBenchmarks } from './simulateBench';
import { storeBenchmarks } from './storeBench';
import { stagesBenchmarks } from './stagesBench';
import { workspaceFileBenchmarks } from './workspaceFileBench';

const benchmarks = { ...importBenchmarks, ...metricsBenchmarks, ...rfmBenchmarks, ...runsBenchmarks, ...simulateBenchmarks, ...stagesBenchmarks, ...storeBenchmarks, ...workspaceFileBenchmarks };
export type BrowserBenchmarks = typeof benchmarks;

declare global {
  interface Window {
    chainlabBench: BrowserBenchmarks;
  }
}

window.chainlabBench = benchmarks;
