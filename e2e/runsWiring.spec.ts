import { expectNoAxeViolations } from './a11y';
import { setDate } from './dateField';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ChainLabApp } from './pages/chainLabApp';
import { RunCanvasPage } from './pages/runCanvasPage';

const LONG = { timeout: 240_000 };

/** The run id the Run dialog's "Open results" link points at (the dialog is open, its run done). */
async function finishedRunId(run: RunCanvasPage): Promise<string> {
  const href = (await run.progress.getByRole('link').first().getAttribute('href'))!;
  await run.page.getByTestId('run-close').click();
  await expect(run.dialog).toBeHidden();
  return href.replace(/^\/runs\//, '');
}

/** The abandoned-cart template made and run with the Run dialog's defaults: its page, its chain's address and the run. */
async function runAbandonedCart(app: ChainLabApp): Promise<{ run: RunCanvasPage; chainPath: string; firstRun: string }> {
  await app.open();
  const run = new RunCanvasPage(app.page);
  await run.createFromTemplate('abandoned-cart');
  const chainPath = new URL(app.page.url()).pathname;
  await run.openFromCanvas();
  await run.startAndWait();
  return { run, chainPath, firstRun: await finishedRunId(run) };
}

/** From the canvas: a message's customers, then the first one's trace; returns the customer id. */
async function traceFromNodeCustomers(run: RunCanvasPage, nodeId: string): Promise<string> {
  const page = run.page;
  await run.nodeOverlay(nodeId).click();
  const dialog = page.getByTestId('node-customers');
  await expect(dialog.locator('.MuiDataGrid-row').first()).toBeVisible(LONG);
  const customerId = (await dialog.locator('.MuiDataGrid-row').first().locator('[data-field="id"]').textContent())!;
  await dialog.locator('.MuiDataGrid-row').first().getByTestId('node-customer-trace').click();
  await expect(page).toHaveURL(new RegExp(`/trace/${encodeURIComponent(customerId)}$`));
  await expect(page.getByTestId('trace-step').first()).toBeVisible(LONG);
  return customerId;
}

/**
 * Zooms the canvas in with its own control until it is at 110 % or more (the "+" beside a count
 * label then has its 24 px), as a user does to read the
 * counts: fitted to a tall chain the canvas is at ~50 %, where its "+" buttons are 11 px (under
 * WCAG 2.2's 24 px target size; below 45 % they are hidden).
 */
async function zoomToFullSize(page: Page): Promise<void> {
  for (let step = 0; step < 10 && (await canvasScale(page)) < 1.1; step++) await page.locator('.react-flow__controls-zoomin').click();
  expect(await canvasScale(page)).toBeGreaterThanOrEqual(1.1);
}

/** The canvas's zoom (1 = 100 %). */
function canvasScale(page: Page): Promise<number> {
  return page.locator('.react-flow__viewport').evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
}

test('a customer’s trace from a node’s customers, and their path on the canvas step by step', async ({ app, page }) => {
  test.setTimeout(900_000);
  const { run, chainPath, firstRun } = await runAbandonedCart(app);

  // A node's customers link to their trace; the trace opens the chain with the customer's path.
  const customerId = await traceFromNodeCustomers(run, 'reminder');
  await expect(page.getByTestId('node-customers')).toBeHidden();
  await page.getByTestId('trace-show-on-canvas').first().click();
  await run.chains.waitForEditor();
  await expect(page).toHaveURL(new RegExp(`${chainPath}\\?run=${firstRun}$`));
  const notice = page.getByTestId('path-notice');
  await expect(notice).toContainText(`Path of customer ${customerId}`);
  await expect(notice).toContainText('step 1 of');
  // The path: the trigger is its first step (current), the reminder is on it, nodes they did not pass are dimmed.
  await expect(run.chains.node('cart_add').getByTestId('chain-node')).toHaveAttribute('data-path', 'current');
  await expect(run.chains.node('reminder').getByTestId('chain-node')).toHaveAttribute('data-path', 'on');
  await expect(page.locator('.cl-node--dimmed').first()).toBeVisible();
  expect(await page.locator('.cl-node--dimmed').count()).toBeLessThan(await run.chains.nodes.count());
  // The counts of the run stay on the canvas under the path.
  await expect(run.nodeOverlay('reminder')).toContainText('entered');
  await notice.getByTestId('path-next').click();
  await expect(notice).toContainText('step 2 of');
  await expect(run.chains.node('wait_30_min').getByTestId('chain-node')).toHaveAttribute('data-path', 'current');
  await expect(notice.getByTestId('path-previous')).toBeEnabled();
  await zoomToFullSize(page);
  await expectNoAxeViolations(page, 'canvas with a run’s counts and a customer’s path');
  await page.screenshot({ path: test.info().outputPath('en-path-on-canvas.png') });
  await notice.getByTestId('path-clear').click();
  await expect(notice).toBeHidden();
  await expect(page.locator('.cl-node--dimmed')).toHaveCount(0);
});

test('two runs compared: the per-node deltas on the canvas; New run from /runs; deleting a run; the results page says when the chain was edited after the run', async ({ app, page }) => {
  test.setTimeout(900_000);
  const { run, chainPath, firstRun } = await runAbandonedCart(app);

  // A second run over a shorter period (the last 30 days): fewer enter.
  await run.openFromCanvas();
  const to = (await page.getByTestId('run-to').getAttribute('data-date'))!;
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  await setDate(page, 'run-from', from);
  await expect(page.getByTestId('run-from')).toHaveAttribute('data-date', from);
  await run.startAndWait();
  const secondRun = await finishedRunId(run);

  // Compare the two from /runs, then the per-node deltas on the canvas.
  await page.goto('/runs');
  await expect(page.getByTestId('run-row')).toHaveCount(2, LONG);
  await page.locator(`[data-testid="run-row"][data-run-id="${firstRun}"]`).getByRole('checkbox').check();
  await page.locator(`[data-testid="run-row"][data-run-id="${secondRun}"]`).getByRole('checkbox').check();
  await page.getByTestId('run-compare').click();
  await expect(page.getByTestId('compare-figures')).toBeVisible(LONG);
  await page.getByTestId('compare-canvas').first().click();
  await run.chains.waitForEditor();
  await expect(page.getByTestId('delta-notice')).toBeVisible(LONG);
  // Both runs carry the chain's name: each is named with its date ("Abandoned cart · 04/12/2026, 06:51").
  await expect(page.getByTestId('delta-notice')).toContainText(/Counts of “[^”]+ · [^”]*\d[^”]*”; beside each node, the change against “[^”]+ · [^”]*\d[^”]*”/);
  const triggerDelta = run.chains.node('cart_add').getByTestId('node-overlay-delta');
  await expect(triggerDelta).toBeVisible(LONG);
  await expect(triggerDelta).toHaveAttribute('data-direction', /up|down/);
  await expect(triggerDelta).toContainText(/[+\u2212]\d/);
  await expect(triggerDelta).toContainText(/(more|fewer) entered/);
  // The trigger's link carries its count and its change ("1 204 (−312)").
  await expect(run.edgeLabel('cart_add-out-wait_30_min')).toContainText(/\([+\u2212]\d/);
  // Tidied up (moving cards keeps the counts), then fitted to the chain: no card covers another;
  // zoomed out, the "+" buttons keep 24 px on screen.
  await run.chains.tool('layout').click();
  await run.chains.waitUntilSaved();
  await expect(triggerDelta).toBeVisible();
  await run.fitView();
  expect(await run.overlappingCards()).toEqual([]);
  await expectNoAxeViolations(page, 'canvas with a compare’s deltas, fitted');
  // Zoomed in to where the "+" buttons show (from 45 %) but under 100 %: each keeps 24 px on screen.
  for (let step = 0; step < 10 && (await canvasScale(page)) < 0.6; step++) await page.locator('.react-flow__controls-zoomin').click();
  expect(await canvasScale(page)).toBeGreaterThanOrEqual(0.6);
  expect(await canvasScale(page)).toBeLessThan(1);
  const plus = page.getByTestId('edge-plus-cart_add-out-wait_30_min');
  await expect(plus).toBeVisible();
  await expect.poll(() => plus.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThanOrEqual(23.9);
  await expectNoAxeViolations(page, 'canvas with a compare’s deltas, zoomed to show the "+" buttons');
  await page.screenshot({ path: test.info().outputPath('en-deltas-on-canvas.png') });
  await page.getByTestId('clear-delta').click();
  await expect(page.getByTestId('node-overlay-delta')).toHaveCount(0);
  await expect(run.nodeOverlay('cart_add')).toContainText('entered');

  // New run from /runs: pick the chain, the Run dialog opens on it.
  await page.goto('/runs');
  await page.getByTestId('runs-new-run').click();
  const picker = page.getByTestId('new-run-dialog');
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId('new-run-continue')).toBeDisabled();
  await picker.getByRole('checkbox').first().check();
  await picker.getByTestId('new-run-continue').click();
  await expect(run.dialog).toBeVisible(LONG);
  await expect(page.getByTestId('run-chains')).toHaveText('Abandoned cart');
  await page.getByTestId('run-close').click();
  await expect(run.dialog).toBeHidden();

  // Deleting a run: the list and the canvas forget it.
  await page.locator(`[data-testid="run-row"][data-run-id="${secondRun}"]`).getByTestId('run-row-menu').click();
  await page.getByTestId('run-delete').click();
  await page.getByTestId('run-delete-confirm').click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);

  // Edit the chain after the run: its results page says so and offers to run again.
  await page.goto(chainPath);
  await run.chains.waitForEditor();
  await expect(run.nodeOverlay('cart_add')).toBeVisible(LONG);
  // Selected by its title (a click on its figures would open its customers).
  await run.chains.node('new_offer').locator('.cl-node__head').click();
  await run.chains.tool('delete').click();
  await run.chains.waitUntilSaved();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await page.goto(`/runs/${firstRun}`);
  const stale = page.getByTestId('results-stale');
  await expect(stale).toContainText('Chain “Abandoned cart” was edited after this run', LONG);
  await stale.getByTestId('results-run-again').click();
  await expect(run.dialog).toBeVisible(LONG);
  await page.getByTestId('run-close').click();
});
