import { launchChromium, openBenchPage, startBenchServer } from '../browserHarness';
import { compareTimes, median, round, timeRuns, type BenchSuite, type Measurement } from '../harness';
import { computeOverview, computeStages, stagesBenchInput, stateCalls, sumAmounts } from '../stagesWorkload';

const CUSTOMERS = 100_000;
const EVENTS = 2_000_000;
const SIZE = `${CUSTOMERS.toLocaleString('en-US')} customers / ${EVENTS.toLocaleString('en-US')} events`;
const BASELINE = 'one plain pass over the same event columns summing amounts';
const STATE_DATES = 10;

/**
 * Journey stages over a synthetic workspace (bench/stagesWorkload.ts), in Node and in headless
 * Chromium. "stages" is what `chainlab stages` computes after reading files: regroup events per
 * customer, index first reaches and orders, funnel and lifecycle counts as of the day after the
 * last event. "overview" adds what the Journey screen shows (CJM map, months, inaction lists).
 * Node runs are timed after one unmeasured warm-up; the first (cold) run is in the notes.
 */
async function nodeMeasurements(runs: number, log: (message: string) => void): Promise<Measurement[]> {
  const input = stagesBenchInput(CUSTOMERS, EVENTS);
  const coldStartedAt = performance.now();
  computeStages(input);
  const cold = (performance.now() - coldStartedAt) / 1000;
  const baseline = await timeRuns(runs, () => sumAmounts(input), 1);
  const stages = await timeRuns(runs, () => computeStages(input));
  const overview = await timeRuns(runs, () => computeOverview(input), 1);
  const calls = Array.from({ length: runs }, () => stateCalls(input, STATE_DATES));
  log(`node: baseline ${baseline.map((s) => round(s)).join(', ')} s; stages ${stages.map((s) => round(s)).join(', ')} s; cold ${round(cold)} s`);
  const callSeconds = calls.map((call) => call.seconds);
  const nsPerCall = (median(callSeconds) * 1e9) / calls[0]!.calls;
  return [
    { ...compareTimes({ suite: 'stages', name: `Node: stages (funnel + lifecycle) for ${SIZE}`, runs: stages }, { name: BASELINE, runs: baseline }), notes: `first (cold) run ${round(cold, 2)} s` },
    compareTimes({ suite: 'stages', name: `Node: Journey screen overview (funnel, lifecycle, CJM, months, inaction lists) for ${SIZE}`, runs: overview }, { name: BASELINE, runs: baseline }),
    {
      ...compareTimes(
        { suite: 'stages', name: `Node: journeyStateAt for every customer at ${STATE_DATES} dates (${calls[0]!.calls.toLocaleString('en-US')} calls, index prepared)`, runs: callSeconds },
        { name: BASELINE, runs: baseline },
      ),
      notes: `${round(nsPerCall, 0)} ns per call`,
    },
  ];
}

async function browserMeasurements(runs: number, log: (message: string) => void): Promise<Measurement[]> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const page = await openBenchPage(browser, server);
    const result = await page.evaluate((args) => window.chainlabBench.stagesRuns(args), { customers: CUSTOMERS, events: EVENTS, runs });
    await page.context().close();
    log(`chromium: baseline ${result.baselineSeconds.map((s) => round(s)).join(', ')} s; stages ${result.stagesSeconds.map((s) => round(s)).join(', ')} s; cold ${round(result.coldSeconds)} s`);
    return [
      {
        ...compareTimes({ suite: 'stages', name: `Chromium: stages (funnel + lifecycle) for ${SIZE}`, runs: result.stagesSeconds }, { name: BASELINE, runs: result.baselineSeconds }),
        notes: `first (cold) run ${round(result.coldSeconds, 2)} s`,
      },
      compareTimes({ suite: 'stages', name: `Chromium: Journey screen overview for ${SIZE}`, runs: result.overviewSeconds }, { name: BASELINE, runs: result.baselineSeconds }),
    ];
  } finally {
    await browser.close();
    server.stop();
  }
}

export const stagesSuite: BenchSuite = {
  name: 'stages',
  description: `journey stages and lifecycle for ${SIZE}, Node and headless Chromium`,
  async run({ runs, log }) {
    return [...(await nodeMeasurements(runs, log)), ...(await browserMeasurements(runs, log))];
  },
};
