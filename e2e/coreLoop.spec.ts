import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ChainLabApp } from './pages/chainLabApp';
import { ChainsPage } from './pages/chainsPage';
import { ImportPage } from './pages/importPage';
import { JourneyPage } from './pages/journeyPage';
import { MetricsPage } from './pages/metricsPage';
import { clickNavigationLink } from './pages/navigation';
import { RunResultsPage } from './pages/runResultsPage';
import { SegmentsPage } from './pages/segmentsPage';

/**
 * The whole core loop with every request to another origin blocked (issue 17): demo → import →
 * segments → stages → audience → metrics → chain from a template → run → compare → export the
 * workspace → open it in a fresh browser profile, where every screen shows the same results.
 */
const RESULTS = process.env.E2E_RESULTS_DIR ?? 'test-results';
const LONG = { timeout: 120_000 };
const AUDIENCE = 'Bought at least twice';

/** Stops every request that leaves the app's origin and records it. */
async function blockOtherOrigins(context: BrowserContext, origin: string, blocked: string[]): Promise<void> {
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      blocked.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
}

async function saveAudience(page: Page): Promise<void> {
  await clickNavigationLink(page, /^Audiences$/);
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill(AUDIENCE);
  await page.getByTestId('audience-condition-add').click();
  await page.getByTestId('audience-condition-0').getByRole('combobox', { name: 'Condition' }).click();
  await page.getByRole('option', { name: 'Number of orders', exact: true }).click();
  const value = page.getByTestId('audience-condition-0-compare-value');
  await value.fill('2');
  await value.press('Tab');
  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audience-list')).toContainText(AUDIENCE);
}

/** Builds the abandoned-cart chain from its template, runs it twice and compares the two runs. */
async function runAndCompare(page: Page): Promise<string> {
  const runs = new RunResultsPage(page);
  await runs.runTemplate('abandoned-cart', 7);
  await page.getByTestId('run-dialog').getByRole('button', { name: 'Close' }).click();
  await runs.openFromNavigation();
  await expect(runs.rows).toHaveCount(1, LONG);
  await runs.rowAction(runs.rows.first(), 'repeat');
  await expect(runs.rows).toHaveCount(2, LONG);
  await runs.rows.getByRole('checkbox').nth(0).check();
  await runs.rows.getByRole('checkbox').nth(1).check();
  await page.getByTestId('run-compare').click();
  await expect(page.getByTestId('compare-figures')).toBeVisible(LONG);
  const messages = page.locator('[data-testid="compare-row"][data-figure="messages"]');
  await expect(messages.getByTestId('compare-difference')).toHaveText('0');
  return (await messages.getByTestId('compare-base').textContent()) ?? '';
}

interface CoreFigures {
  customers: number;
  segments: string[];
  funnel: string;
  audience: string;
  metrics: string[];
  chains: string[];
  runs: string[];
}

/** What every screen of the loop shows for the open workspace, read as a user reads it. */
async function coreFigures(app: ChainLabApp, page: Page): Promise<CoreFigures> {
  await clickNavigationLink(page, /^Data$/);
  await expect(app.statValue('customers')).toHaveText(/^[\d,]+$/, LONG);
  const customers = await app.statNumber('customers');

  const segments = new SegmentsPage(page);
  await segments.open();
  const heatmap = page.getByTestId('rfm-heatmap').locator('[data-testid^="rfm-cell-"]');
  await expect(heatmap.first()).toBeVisible(LONG);
  const cells = await heatmap.evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-testid')}: ${node.textContent}`));

  const journey = new JourneyPage(page);
  await journey.open();
  const funnel = (await page.getByTestId('journey-funnel').textContent()) ?? '';

  await clickNavigationLink(page, /^Audiences$/);
  const audience = page.getByTestId('audience-list').getByTestId('audience-item-size');
  await expect(audience).toHaveText(/^[\d,]+ · /, LONG);
  const audienceSize = (await audience.textContent()) ?? '';

  const metrics = new MetricsPage(page);
  await metrics.open();
  const cards = await page.locator('[data-testid^="metric-"][data-testid$="-value"]').allTextContents();

  const chains = new ChainsPage(page);
  await chains.open();
  // The list is read from the database after the screen appears; in a fresh profile it can lag the heading.
  await expect(chains.rows.first()).toBeVisible(LONG);
  const chainNames = await chains.rows.getByRole('link').allTextContents();

  const runs = new RunResultsPage(page);
  await runs.openFromNavigation();
  await expect(runs.rows).toHaveCount(2, LONG);
  const runRows = await runs.rows.evaluateAll((rows) => rows.map((row) =>
    ['run-customers', 'run-messages', 'run-cost'].map((id) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').join(' | ')));

  return { customers, segments: cells, funnel, audience: audienceSize, metrics: cards, chains: chainNames.sort(), runs: runRows.sort() };
}

test('the whole core loop with every outside request blocked, and the same results in a fresh profile', async ({ app, page, browser, baseURL }) => {
  test.setTimeout(900_000);
  const origin = new URL(baseURL!).origin;
  const blocked: string[] = [];
  await blockOtherOrigins(page.context(), origin, blocked);

  await app.open();
  const demoCustomers = await app.statNumber('customers');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('excel_ru_customers.csv');
  await importPage.runAndExpectRead(5);
  await expect(importPage.count('new-customers')).toHaveText('4');

  await saveAudience(page);
  const compared = await runAndCompare(page);
  expect(RunResultsPage.numberIn(compared)).toBeGreaterThan(0);
  const before = await coreFigures(app, page);
  expect(before.customers).toBe(demoCustomers + 4);
  expect(before.segments.length).toBeGreaterThan(0);
  expect(before.metrics.length).toBeGreaterThan(0);
  expect(before.chains).toContain('Abandoned cart');

  await app.chooseWorkspaceAction(/Export to a file/);
  const dialog = page.getByRole('dialog', { name: /Export “Demo” to a file/ });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = `${RESULTS}/core-loop.chainlab`;
  await (await downloading).saveAs(file);
  await expect(dialog).toBeHidden(LONG);

  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Moscow', viewport: { width: 1440, height: 900 } });
  await blockOtherOrigins(context, origin, blocked);
  const other = await context.newPage();
  const otherApp = new ChainLabApp(other);
  await otherApp.open();
  await otherApp.chooseWorkspaceAction(/Open a workspace file/);
  const openDialog = other.getByRole('dialog', { name: 'Open a workspace file' });
  await openDialog.getByTestId('workspace-file-input').setInputFiles(file);
  await openDialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(otherApp.workspaceSwitcher).toContainText('Demo 2', LONG);
  const after = await coreFigures(otherApp, other);
  await context.close();

  expect(after).toEqual(before);
  expect(blocked).toEqual([]);
});
