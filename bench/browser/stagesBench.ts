import { computeOverview, computeStages, stagesBenchInput, sumAmounts } from '../stagesWorkload';

export interface StagesBrowserRuns {
  customers: number;
  events: number;
  /** the first, unwarmed stages run */
  coldSeconds: number;
  baselineSeconds: number[];
  stagesSeconds: number[];
  overviewSeconds: number[];
}

function seconds(work: () => unknown): number {
  const startedAt = performance.now();
  work();
  return (performance.now() - startedAt) / 1000;
}

/** The stages workload in the page's main thread (the journey worker runs the same code). */
async function stagesRuns(args: { customers: number; events: number; runs: number }): Promise<StagesBrowserRuns> {
  const input = stagesBenchInput(args.customers, args.events);
  const coldSeconds = seconds(() => computeStages(input));
  const result: StagesBrowserRuns = { customers: args.customers, events: args.events, coldSeconds, baselineSeconds: [], stagesSeconds: [], overviewSeconds: [] };
  for (let run = 0; run < args.runs; run++) {
    result.baselineSeconds.push(seconds(() => sumAmounts(input)));
    result.stagesSeconds.push(seconds(() => computeStages(input)));
    result.overviewSeconds.push(seconds(() => computeOverview(input)));
  }
  return result;
}

export const stagesBenchmarks = { stagesRuns };
