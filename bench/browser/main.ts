/**
 * Entry of the benchmark page. Each browser benchmark module exports functions that the
 * Node side calls through `page.evaluate(() => window.chainlabBench.<name>(…))`.
 */
import { storeBenchmarks } from './storeBench';

const benchmarks = { ...storeBenchmarks };
export type BrowserBenchmarks = typeof benchmarks;

declare global {
  interface Window {
    chainlabBench: BrowserBenchmarks;
  }
}

window.chainlabBench = benchmarks;
