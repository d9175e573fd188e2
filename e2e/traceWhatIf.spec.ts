import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { RunCanvasPage } from './pages/runCanvasPage';
import { TraceWhatIfPage } from './pages/traceWhatIfPage';

const LONG = { timeout: 240_000 };

/** Runs the abandoned-cart template on the demo with the Run dialog and returns the saved run's id (from "Open results"). */
async function runAbandonedCart(runCanvas: RunCanvasPage): Promise<string> {
  await runCanvas.createFromTemplate('abandoned-cart');
  await runCanvas.openFromCanvas();
  await runCanvas.startAndWait();
  const href = await runCanvas.page.getByTestId('open-results').getAttribute('href');
  await runCanvas.page.getByTestId('run-close').click();
  await expect(runCanvas.dialog).toBeHidden();
  return href!.replace(/^\/runs\//, '');
}

/** A what-if on a node of the open chain; returns the runs of the variants (from the table's "Open run" links). */
async function whatIfOnNode(page: TraceWhatIfPage, runCanvas: RunCanvasPage, nodeId: string, values: readonly string[]): Promise<string[]> {
  // Its top edge (the kind label): with a run's figures on the card, the middle is a figure
  // button that opens the node's customers (longer in Russian, it covers the centre).
  await runCanvas.chains.node(nodeId).click({ position: { x: 12, y: 6 } });
  await page.openWhatIf();
  await page.typeValues(values);
  await page.page.getByTestId('what-if-run').click();
  await expect(page.rows).toHaveCount(values.length, LONG);
  const links = await page.rows.getByRole('link').evaluateAll((items) => items.map((item) => item.getAttribute('href')!));
  return links.map((href) => href.replace(/^\/runs\//, ''));
}

test('what-if on the abandoned cart\'s first wait with three values, then a customer\'s trace: the random pick with 2+ messages on one day, search', async ({ app, page }) => {
  test.slow();
  await app.open();
  const runCanvas = new RunCanvasPage(page);
  const runId = await runAbandonedCart(runCanvas);
  const chainUrl = page.url();
  const screen = new TraceWhatIfPage(page);

  // what-if: the first wait's timeout, a value that is not a duration said where it is, then three values
  await runCanvas.chains.node('wait_30_min').click();
  await screen.openWhatIf();
  await expect(page.getByTestId('what-if-setting')).toHaveValue('waitForTimeout');
  await expect(page.getByRole('dialog')).toContainText('now: 30 minutes');
  await screen.typeValues(['15 min', 'soon', '2 h']);
  await page.getByTestId('what-if-run').click();
  await expect(page.getByText('This is not a duration (e.g. 2 h, 30 min, 1 day).')).toBeVisible();
  await screen.typeValues(['15 min', '1 h', '2 h']);
  await page.getByTestId('what-if-run').click();
  await expect(screen.rows).toHaveCount(3, LONG);
  await expect(screen.rows.nth(0).getByRole('rowheader')).toHaveText('15 min');
  await expect(screen.rows.nth(2).getByRole('rowheader')).toHaveText('2 h');
  await expect(screen.table.locator('[data-best]').first()).toContainText('best');
  await expect(screen.rows.first().getByRole('link', { name: /Open run/ })).toHaveAttribute('href', /^\/runs\/run-/);
  await expectNoAxeViolations(page, 'what-if table');
  await page.getByRole('button', { name: 'Close' }).click();

  // in the chain's own run nobody gets two messages a day (a day's wait between them), and the picker says so
  await screen.openTrace(runId);
  await expectNoAxeViolations(page, 'trace picker');
  await page.getByTestId('trace-random').click();
  await expect(page.getByTestId('trace-random-none')).toHaveText('Nobody got 2 or more messages on one day in this run.', LONG);

  // with the day's wait cut to an hour, the reminder and the bonus fall on one day
  await page.goto(chainUrl);
  await runCanvas.chains.waitForEditor();
  const [shortWait] = await whatIfOnNode(screen, runCanvas, 'wait_1_day', ['1 h', '2 h', '3 h']);
  await screen.openTrace(shortWait!);
  await page.getByTestId('trace-random').click();
  await expect(page).toHaveURL(/\/trace\/[^/?]+\?seed=1$/, LONG);
  const randomId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  await expect(page.getByTestId('trace-customer')).toContainText(randomId);
  await expect(screen.steps.first()).toBeVisible(LONG);
  await expect(page.locator('[data-testid="trace-day"][data-busy]').first()).toContainText('2+ messages this day');
  expect(await page.locator('[data-testid="trace-step"][data-decision="sent"]').count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('[data-testid="trace-step"][data-decision="entered"]').first()).toContainText('Entered');
  await expect(screen.events.first()).toBeVisible();
  await expectNoAxeViolations(page, 'customer trace');

  // the seed is in the link: "another one" moves on to the next seed
  await page.getByTestId('trace-random').click();
  await expect(page).toHaveURL(/\?seed=2$/, LONG);
  await expect(screen.steps.first()).toBeVisible(LONG);

  // search: the first customer found again by id
  await page.getByTestId('trace-search').fill(randomId);
  await page.getByRole('link', { name: new RegExp(`· ${randomId}`) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/trace/${randomId}$`));
  await expect(page.locator('[data-testid="trace-day"][data-busy]').first()).toBeVisible(LONG);
});

test('the what-if and the trace in Russian', async ({ app, page }) => {
  test.slow();
  await app.open();
  await app.chooseLanguage('Русский');
  const runCanvas = new RunCanvasPage(page);
  await runAbandonedCart(runCanvas);
  const screen = new TraceWhatIfPage(page);
  const [variant] = await whatIfOnNode(screen, runCanvas, 'wait_1_day', ['1 ч', '2 ч', '3 дня']);
  await expect(page.getByRole('dialog')).toContainText('Что если');
  await expect(screen.table).toContainText('лучшее');
  await expectNoAxeViolations(page, 'what-if table, Russian');

  await screen.openTrace(variant!);
  await page.getByTestId('trace-random').click();
  await expect(screen.steps.first()).toBeVisible(LONG);
  await expect(page.locator('[data-testid="trace-step"][data-decision="entered"]').first()).toContainText('Вошёл');
  await expect(page.locator('[data-testid="trace-day"][data-busy]').first()).toContainText('2+ сообщения за день');
  await expect(page.getByTestId('trace-timeline').getByText('Решения прогона')).toBeVisible();
  await expectNoAxeViolations(page, 'customer trace, Russian');
  await page.screenshot({ path: 'test-results/trace-ru.png', fullPage: true });
});
