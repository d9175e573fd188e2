import type { Browser } from 'playwright-core';
import { launchChromium, openBenchPage, startBenchServer, type BenchServer } from '../browserHarness';
import { compareTimes, median, round, type BenchSuite, type Measurement } from '../harness';

const STORE_EVENTS = 1_000_000;

async function withBrowser<T>(work: (browser: Browser, server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    return await work(browser, server);
  } finally {
    await browser.close();
    server.stop();
  }
}

interface StartTimes {
  firstPaint: number;
  interactive: number;
  reload: number;
}

/** Empty storage → boot screen → demo generated and written → customers table shows rows. */
async function measureColdStart(browser: Browser, server: BenchServer): Promise<StartTimes> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const startedAt = performance.now();
  await page.goto(server.url);
  await page.getByRole('status').first().waitFor();
  const firstPaint = (performance.now() - startedAt) / 1000;
  await page.locator('.MuiDataGrid-row [data-field="id"]').first().filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 });
  const interactive = (performance.now() - startedAt) / 1000;
  const reloadStartedAt = performance.now();
  await page.reload();
  await page.locator('.MuiDataGrid-row [data-field="id"]').first().filter({ hasText: /\S/ }).waitFor({ timeout: 120_000 });
  const reload = (performance.now() - reloadStartedAt) / 1000;
  await context.close();
  return { firstPaint, interactive, reload };
}

export const coldStartSuite: BenchSuite = {
  name: 'cold-start',
  description: 'first visit on empty storage to an interactive Data screen on the default demo (5,000 customers), headless Chromium',
  async run({ runs, log }) {
    const times = await withBrowser(async (browser, server) => {
      const all: StartTimes[] = [];
      for (let i = 0; i < runs; i++) {
        all.push(await measureColdStart(browser, server));
        log(`run ${i + 1}: ${JSON.stringify(all.at(-1))}`);
      }
      return all;
    });
    return [
      compareTimes(
        { suite: 'cold-start', name: 'first visit → customers table shows rows (includes generating and storing the demo)', runs: times.map((t) => t.interactive) },
        { name: 'first paint of the start screen', runs: times.map((t) => t.firstPaint) },
      ),
      compareTimes(
        { suite: 'cold-start', name: 'reload → customers table shows rows (demo already stored)', runs: times.map((t) => t.reload) },
        { name: 'first paint of the start screen', runs: times.map((t) => t.firstPaint) },
      ),
    ];
  },
};

export const storeSuite: BenchSuite = {
  name: 'store',
  description: `columnar event store: write and read back ${STORE_EVENTS.toLocaleString('en-US')} demo events in headless Chromium`,
  async run({ runs, log }) {
    const results = await withBrowser(async (browser, server) => {
      const all = [];
      for (let i = 0; i < runs; i++) {
        const page = await openBenchPage(browser, server);
        all.push(await page.evaluate((count) => window.chainlabBench.storeRoundTrip(count), STORE_EVENTS));
        log(`run ${i + 1}: ${JSON.stringify(all.at(-1))}`);
        await page.context().close();
      }
      return all;
    });
    const read = compareTimes(
      { suite: 'store', name: `read back every event (${STORE_EVENTS.toLocaleString('en-US')}) and customer of a workspace`, runs: results.map((r) => r.readSeconds) },
      { name: 'bare IndexedDB getAll of the same blocks', runs: results.map((r) => r.rawReadSeconds) },
    );
    read.target = '≤ 0.5 s';
    read.isTargetMet = read.median <= 0.5;
    const write: Measurement = compareTimes(
      { suite: 'store', name: `write ${STORE_EVENTS.toLocaleString('en-US')} events + ${results[0]!.customers.toLocaleString('en-US')} customers as one batch (index, sort, encode, store)`, runs: results.map((r) => r.writeSeconds) },
      { name: 'bare IndexedDB put of the same blocks', runs: results.map((r) => r.rawWriteSeconds) },
    );
    write.notes = `${results[0]!.blocks} blocks; ${round(STORE_EVENTS / median(results.map((r) => r.writeSeconds)) / 1e6, 2)} M events/s`;
    return [write, read];
  },
};
