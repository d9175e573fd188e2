import { expectNoAxeViolations } from './a11y';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { RunCanvasPage } from './pages/runCanvasPage';

const LONG = { timeout: 240_000 };

/** The run id the Run dialog's "Open results" link points at (the dialog is open, its run done). */
async function finishedRunId(run: RunCanvasPage): Promise<string> {
  const href = (await run.progress.getByRole('link').first().getAttribute('href'))!;
  await run.page.getByTestId('run-close').click();
  await expect(run.dialog).toBeHidden();
  return href.replace(/^\/runs\//, '');
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
  const scale = () => page.locator('.react-flow__viewport').evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
  for (let step = 0; step < 10 && (await scale()) < 1.1; step++) await page.locator('.react-flow__controls-zoomin').click();
  expect(await scale()).toBeGreaterThanOrEqual(1.1);
}

test('a customer’s trace from a node’s customers, and their path on the canvas step by step', async ({ app, page }) => {
  test.setTimeout(900_000);
  await app.open();
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  const chainPath = new URL(page.url()).pathname;
  await run.openFromCanvas();
  await run.startAndWait();
  const firstRun = await finishedRunId(run);

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
