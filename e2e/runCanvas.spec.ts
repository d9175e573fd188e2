import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { setDate } from './dateField';
import { heldCalls, holdRunsUntilCancel, holdWorkerCallsFromNow, releaseHeldCalls } from './heldCalls';
import { RunCanvasPage } from './pages/runCanvasPage';

/** A count as the canvas prints it ("1 204", "1,204"), as a number. */
function countOf(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

test('runs the abandoned-cart template on the demo data and reads the counts on its nodes and edges', async ({ app, page }) => {
  test.setTimeout(420_000);
  await app.open();
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  await run.openFromCanvas();
  // The default period is the last 90 days of the data; the chain is named.
  await expect(page.getByTestId('run-chains')).toHaveText('Abandoned cart');
  await expect(page.getByTestId('run-from')).not.toHaveAttribute('data-date', '');
  await expect(page.getByTestId('run-to')).not.toHaveAttribute('data-date', '');
  // Projection: its assumptions are shown per message.
  await page.getByTestId('run-projection').check();
  await expect(page.getByTestId('run-assumption').first()).toBeVisible();
  await page.getByTestId('run-projection').uncheck();
  await run.startAndWait();
  await expect(run.progress).toContainText('customers reached');
  await expect(run.progress.getByRole('link', { name: 'Open results' })).toHaveAttribute('href', /\/runs\/run-/);
  await page.getByTestId('run-close').click();

  // Every node shows how many entered; the trigger let some in.
  const ids = await run.chains.nodeIds();
  for (const id of ids) await expect(run.nodeOverlay(id)).toContainText('entered');
  const trigger = run.chains.nodesOfKind('trigger').first();
  const entered = countOf((await trigger.getByTestId('node-overlay-primary').textContent())!);
  expect(entered).toBeGreaterThan(0);
  // Every edge has its count; the trigger's edge carries what entered the trigger, less what waits or ended there.
  const edges = await run.chains.edgeList();
  for (const edge of edges) await expect(run.edgeLabel(edge)).toHaveText(/^\d[\d\s,. ]*$/);
  await expect(page.getByTestId('run-picker')).toContainText('Abandoned cart');
  // The cards grew by their figures on the template's layout: the rows are drawn apart, no card
  // covers another, and fitted (zoomed out) each card's figures are still a 24-px target.
  // Fitted with figures, the zoom stops where they can be read (60 %), the chain's start in view.
  await run.fitView();
  await expect.poll(() => run.zoom()).toBeCloseTo(0.6, 2);
  await expect.poll(() => run.isOnCanvas(trigger)).toBe(true);
  expect(await run.overlappingCards()).toEqual([]);
  await expect.poll(() => run.smallestFiguresTarget()).toBeGreaterThanOrEqual(23.9);
  await expectNoAxeViolations(page, 'canvas with a run’s figures, fitted');
  await page.screenshot({ path: test.info().outputPath('en-counts-on-canvas.png') });
  // Narrower: the same readable zoom from the start, still no overlap, still 24 px.
  await page.setViewportSize({ width: 800, height: 900 });
  await run.fitView();
  await expect.poll(() => run.zoom()).toBeCloseTo(0.6, 2);
  await expect.poll(() => run.isOnCanvas(trigger)).toBe(true);
  expect(await run.overlappingCards()).toEqual([]);
  await expect.poll(() => run.smallestFiguresTarget()).toBeGreaterThanOrEqual(23.9);
  await expectNoAxeViolations(page, 'canvas with a run’s figures, fitted at 800 px');
});

test('runs two chains together from the Chains list over the whole history, and cancels the run', async ({ app, page }) => {
  test.setTimeout(420_000);
  // The run waits in the page until Cancel is clicked (it could otherwise finish first).
  await holdRunsUntilCancel(page);
  await app.open();
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  await run.createFromTemplate('reactivation');
  await run.chains.open();
  await run.chains.rows.nth(0).getByTestId('chain-row-select').check();
  await run.chains.rows.nth(1).getByTestId('chain-row-select').check();
  await page.getByTestId('run-selected').click();
  await expect(run.dialog).toBeVisible();
  await expect(run.dialog.getByRole('heading', { name: 'Run 2 chains together' })).toBeVisible();
  await expect(page.getByTestId('run-chains')).toContainText('Abandoned cart');
  await expect(page.getByTestId('run-chains')).toContainText('Reactivation');
  // The whole history: from three years before the data ends.
  const to = (await page.getByTestId('run-to').getAttribute('data-date'))!;
  await setDate(page, 'run-from', `${Number(to.slice(0, 4)) - 3}${to.slice(4)}`);
  await expect(page.getByTestId('run-from')).toHaveAttribute('data-date', `${Number(to.slice(0, 4)) - 3}${to.slice(4)}`);
  await page.getByTestId('run-start').click();
  await expect(run.progress).toHaveAttribute('data-state', 'running');
  await expect.poll(() => heldCalls(page)).toBe(1);
  await run.progress.getByTestId('run-cancel').click();
  await expect(run.progress).toHaveAttribute('data-state', 'cancelled', { timeout: 120_000 });
  await expect(run.progress).toContainText('was cancelled. Nothing was saved.');
  // The dialog can start again; closing it leaves the list as it was.
  await expect(page.getByTestId('run-start')).toBeEnabled();
  await page.getByTestId('run-close').click();
  await expect(run.dialog).toBeHidden();
  await expect(run.chains.rows).toHaveCount(2);
});

test('Run waits until it is known who has a contact, or until the user sets "everyone reachable"', async ({ app, page }) => {
  await app.open();
  const run = new RunCanvasPage(page);
  await run.createFromTemplate('abandoned-cart');
  // The contacts scan of the Run dialog does not answer until released.
  await holdWorkerCallsFromNow(page, 'quality');
  await run.openFromCanvas();
  await expect.poll(() => heldCalls(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('run-reach-pending')).toContainText('Checking which customers have a contact and consent');
  await expect(page.getByTestId('run-start')).toBeDisabled();
  await releaseHeldCalls(page);
  await expect(page.getByTestId('run-reach-pending')).toBeHidden();
  await expect(run.dialog).toContainText(/Customers with a contact and consent: [\d,]+ of [\d,]+ on the best channel/);
  await expect(page.getByTestId('run-reachable')).not.toBeChecked();
  await expect(page.getByTestId('run-start')).toBeEnabled();

  // Set by hand, the switch needs no scan: Run is at once available.
  await page.getByTestId('run-close').click();
  await holdWorkerCallsFromNow(page, 'quality');
  await run.openFromCanvas();
  await expect(page.getByTestId('run-start')).toBeDisabled();
  await page.getByTestId('run-reachable').check();
  await expect(page.getByTestId('run-start')).toBeEnabled();
  await expect(page.getByTestId('run-reach-pending')).toBeVisible();
  await releaseHeldCalls(page);
});

test('says which chain cannot run and why, and does not start it', async ({ app, page }) => {
  await app.open();
  const run = new RunCanvasPage(page);
  await run.chains.open();
  await run.chains.createBlank();
  await run.openFromCanvas();
  await expect(page.getByTestId('run-blocked')).toContainText('This chain has errors and cannot run');
  await page.getByTestId('run-start').click();
  await expect(page.getByTestId('run-start')).toBeDisabled();
  await expect(run.progress).toHaveCount(0);
});

test('opens a node’s customers from its figures: search, the customer card, CSV', async ({ app, page }) => {
  test.setTimeout(420_000);
  await app.open();
  const run = new RunCanvasPage(page);
  await run.runTemplate('abandoned-cart');
  const message = run.chains.nodesOfKind('message').first();
  const entered = (await message.getByTestId('node-overlay-primary').textContent())!;
  await message.getByTestId('node-overlay').click();
  const dialog = page.getByTestId('node-customers');
  await expect(dialog).toBeVisible();
  // The card counts passes; the list, different customers — and says how many passes they made.
  const passes = entered.replace(/ entered$/, '');
  const count = dialog.getByTestId('node-customers-count');
  await expect(count).toContainText('different customers', { timeout: 120_000 });
  await expect(count).toContainText(`They passed here ${passes} times in all`);
  expect(countOf((await count.textContent())!.split('.')[0]!)).toBeLessThan(countOf(passes));
  const firstId = (await dialog.locator('.MuiDataGrid-row').first().locator('[data-field="id"]').textContent())!;
  await dialog.getByTestId('node-customers-search').fill(firstId);
  await expect(dialog.locator('.MuiDataGrid-row').first()).toContainText(firstId);
  await dialog.locator('.MuiDataGrid-row').first().click();
  await expect(page.getByTestId('customer-card')).toContainText(firstId);
  await page.getByRole('button', { name: 'Close' }).first().click();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('node-customers-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^customers-.*-entered-run-.*\.csv$/);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toContain('customer_id,run_id,chain_id,node_id,figure');
  expect(text).toContain(firstId);
  // Another figure of the same node: who got the message.
  await dialog.getByTestId('node-customers-sent').click();
  await expect(dialog.getByTestId('node-customers-count')).toHaveText(/customers?\./, { timeout: 120_000 });
});
