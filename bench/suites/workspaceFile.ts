import { launchChromium, openBenchPage, startBenchServer } from '../browserHarness';
import { compareTimes, median, round, type BenchSuite } from '../harness';

const EVENTS = 1_000_000;

/**
 * Workspace files (issue 17) in headless Chromium: a workspace of a million demo events
 * exported to one file and that file imported as a new workspace, through the app's worker.
 * Baselines from the same page and run: reading every block back from the store (export), and
 * writing the same data as one import batch (import).
 */
export const workspaceFileSuite: BenchSuite = {
  name: 'workspace-file',
  description: `a workspace of ${EVENTS.toLocaleString('en-US')} events exported to a .chainlab file and imported as a new workspace, headless Chromium`,
  async run({ runs, log }) {
    const server = await startBenchServer();
    const browser = await launchChromium();
    const results = [];
    try {
      for (let i = 0; i < runs; i++) {
        const page = await openBenchPage(browser, server);
        const run = await page.evaluate((count) => window.chainlabBench.workspaceFileRoundTrip(count), EVENTS);
        if (run.importedEvents !== run.events) throw new Error(`imported ${run.importedEvents} of ${run.events} events`);
        results.push(run);
        log(`run ${i + 1}: ${JSON.stringify(run)}`);
        await page.context().close();
      }
    } finally {
      await browser.close();
      server.stop();
    }
    const megabytes = round(median(results.map((r) => r.fileBytes)) / 1e6, 1);
    const exported = compareTimes(
      { suite: 'workspace-file', name: `export ${EVENTS.toLocaleString('en-US')} events + ${results[0]!.customers.toLocaleString('en-US')} customers to one file`, runs: results.map((r) => r.exportSeconds) },
      { name: 'reading every block of the workspace back (loadDataset)', runs: results.map((r) => r.readSeconds) },
    );
    exported.target = '≤ 10 s';
    exported.isTargetMet = exported.median <= 10;
    exported.notes = `file ${megabytes} MB; pseudonymised export median ${round(median(results.map((r) => r.pseudonymisedExportSeconds)))} s`;
    const imported = compareTimes(
      { suite: 'workspace-file', name: 'import that file as a new workspace (decompress, check every row, write in one transaction)', runs: results.map((r) => r.importSeconds) },
      { name: 'writing the same data as one import batch (writeDataBatch)', runs: results.map((r) => r.writeSeconds) },
    );
    imported.target = '≤ 10 s';
    imported.isTargetMet = imported.median <= 10;
    return [exported, imported];
  },
};
