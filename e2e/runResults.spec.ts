import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { RunResultsPage } from './pages/runResultsPage';

const LONG = { timeout: 120_000 };
const numberIn = RunResultsPage.numberIn;

/** Exports one file from the results page's Export menu and reads it. */
async function exported(page: Page, kind: 'nodes' | 'days' | 'customers' | 'report'): Promise<{ name: string; text: string }> {
  await page.getByTestId('run-export').click();
  const [download] = await Promise.all([page.waitForEvent('download', LONG), page.getByTestId(`run-export-${kind}`).click()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header!.split(',');
  // the path column (last) may hold commas in quotes; the numeric columns come before it
  return lines.map((line) => Object.fromEntries(line.split(',').slice(0, columns.length).map((cell, i) => [columns[i]!, cell])));
}

test('runs the abandoned-cart template, reads its results, repeats it with the same figures, renames, compares and deletes runs', async ({ app, page }) => {
  test.setTimeout(600_000);
  await app.open();
  const runs = new RunResultsPage(page);

  await runs.openFromNavigation();
  await expect(page.getByTestId('runs-empty')).toContainText('press “Run”');
  await expectNoAxeViolations(page, 'the empty Runs screen');

  await runs.runTemplate('abandoned-cart');
  await page.getByTestId('open-results').first().click();
  await runs.waitForResults();
  await expect(page.getByRole('heading', { level: 1, name: 'Abandoned cart' })).toBeVisible();
  await expect(page.getByTestId('run-honesty')).toContainText('Lift is shown only under the projection’s stated assumptions');
  await expect(page.getByTestId('results-projection')).toContainText('Projection: off');

  // Every card says what it rests on; the projected card says the projection was off.
  const messages = numberIn(await runs.card('messages').getByTestId('card-messages-value').textContent());
  const reached = numberIn(await runs.card('reach').getByTestId('card-reach-value').textContent());
  expect(messages).toBeGreaterThan(0);
  expect(reached).toBeGreaterThan(0);
  await expect(runs.card('reach')).toContainText('customers in the workspace');
  await expect(runs.card('messages')).toContainText('per customer reached');
  await expect(runs.card('cost')).toContainText('per message sent');
  for (const id of ['reach', 'messages', 'cost', 'conversions', 'groups'] as const) await expect(runs.card(id).getByTestId('basis-label')).toHaveText('replayed');
  await expect(runs.card('projected').getByTestId('basis-label')).toHaveText('projected');
  await expect(runs.card('projected')).toContainText('The projection was off in this run');
  await expect(runs.card('groups')).toContainText('No control group');

  // The per-day charts have their data as a table; the messages of the table add up to the card.
  await page.getByTestId('day-chart-messages').getByRole('button', { name: 'Show as table' }).click();
  const messageTable = page.getByTestId('day-chart-messages-table');
  await expect(messageTable).toBeVisible();
  const dayCells = await messageTable.locator('tbody tr td').allTextContents();
  expect(dayCells.reduce((sum, cell) => sum + numberIn(cell), 0)).toBe(messages);
  await expect(page.getByTestId('run-overlap')).toContainText('One chain in this run');
  await expect(page.getByTestId('sizing-row')).toContainText('no control group');
  await expectNoAxeViolations(page, 'the results page');
  await page.screenshot({ path: test.info().outputPath('results-en.png'), fullPage: true });

  // Exports: every file adds up to what the page shows.
  const nodes = await exported(page, 'nodes');
  expect(nodes.name).toBe('Abandoned-cart-nodes.csv');
  const nodeRows = csvRows(nodes.text);
  expect(nodeRows.length).toBeGreaterThan(3);
  expect(nodeRows.reduce((sum, row) => sum + Object.entries(row).filter(([column]) => column.startsWith('sent_')).reduce((a, [, cell]) => a + Number(cell), 0), 0)).toBe(messages);
  const days = await exported(page, 'days');
  expect(csvRows(days.text).reduce((sum, row) => sum + Number(row.messages), 0)).toBe(messages);
  const customers = await exported(page, 'customers');
  const customerRows = csvRows(customers.text);
  expect(customerRows.reduce((sum, row) => sum + Number(row.sent), 0)).toBe(messages);
  // reached = customers who got at least one message
  expect(new Set(customerRows.filter((row) => Number(row.sent) > 0).map((row) => row.customer_id)).size).toBe(reached);
  expect(customers.text).toContain(' → ');
  const report = await exported(page, 'report');
  expect(report.name).toBe('Abandoned-cart-report.html');
  expect(report.text).toContain('<h1>Abandoned cart</h1>');
  expect(report.text).toContain('Lift is shown only under the projection’s stated assumptions');
  expect(report.text).toContain('Conversions, projected (projected)');
  expect(report.text.match(/<img src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(4);
  // The chain as the run canvas shows it, with its figures, is the report's first picture.
  const canvasPicture = /<img src="(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+))" alt="Abandoned cart\. The chain on the canvas\.">/.exec(report.text);
  expect(canvasPicture, 'the canvas picture in the report').not.toBeNull();
  const svg = Buffer.from(canvasPicture![2]!, 'base64').toString('utf8');
  // the "sent" of every message card adds up to the page's messages
  expect([...svg.matchAll(/>sent ([\d,]+)/g)].reduce((sum, match) => sum + Number(match[1]!.replace(/,/g, '')), 0)).toBe(messages);
  expect(svg).toMatch(/Email · .+/);
  expect(svg).toMatch(/\d[\d,]* entered/);
  const reportPage = await page.context().newPage();
  await reportPage.setContent(report.text);
  const shown = reportPage.locator('img[alt="Abandoned cart. The chain on the canvas."]');
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(300);
  await reportPage.screenshot({ path: test.info().outputPath('report-en.png'), fullPage: true });
  await reportPage.close();

  // The Runs screen lists it with the same figures; repeating gives a new run with the same figures.
  await page.getByRole('link', { name: 'Runs' }).first().click();
  await expect(runs.rows).toHaveCount(1);
  await expect(runs.rows.first().getByTestId('run-messages')).toHaveText(new RegExp(`^${messages.toLocaleString('en-GB')}$`));
  await runs.rowAction(runs.rows.first(), 'repeat');
  await expect(runs.rows).toHaveCount(2, LONG);
  await expect(runs.row('Abandoned cart (repeat)')).toBeVisible();
  const cells = async (testId: string) => runs.rows.getByTestId(testId).allTextContents();
  for (const testId of ['run-customers', 'run-messages', 'run-cost']) {
    const [first, second] = await cells(testId);
    expect(second, testId).toBe(first);
  }
  await expectNoAxeViolations(page, 'the Runs screen');

  // Rename: an empty name is refused with the reason; a new one is shown.
  await runs.rowAction(runs.row('Abandoned cart (repeat)'), 'rename');
  const name = page.getByTestId('run-name-input');
  await name.fill('  ');
  await expect(page.getByTestId('run-rename-dialog')).toContainText('A run needs a name.');
  await expect(page.getByTestId('run-rename-save')).toBeDisabled();
  await name.fill('Cart, second look');
  await page.getByTestId('run-rename-save').click();
  await expect(runs.row('Cart, second look')).toBeVisible();

  // Compare the two: no figure differs.
  await runs.rows.getByRole('checkbox').nth(0).check();
  await runs.rows.getByRole('checkbox').nth(1).check();
  await expect(page.getByTestId('run-picked')).toHaveText('Runs picked for comparison: 2 of 2');
  await page.getByTestId('run-compare').click();
  await expect(page.getByTestId('compare-figures')).toBeVisible(LONG);
  const messagesRow = page.locator('[data-testid="compare-row"][data-figure="messages"]');
  await expect(messagesRow.getByTestId('compare-base')).toHaveText(messages.toLocaleString('en-GB'));
  await expect(messagesRow.getByTestId('compare-difference')).toHaveText('0');
  await expect(page.getByTestId('compare-canvas')).toHaveCount(1);
  await expectNoAxeViolations(page, 'the comparison of two runs');
  await page.screenshot({ path: test.info().outputPath('compare-en.png'), fullPage: true });

  // Delete one, confirmed.
  await page.getByRole('link', { name: 'Runs' }).first().click();
  await runs.rowAction(runs.row('Cart, second look'), 'delete');
  await expect(page.getByTestId('run-delete-dialog')).toContainText('This cannot be undone.');
  await expectNoAxeViolations(page, 'the delete run dialog');
  await page.getByTestId('run-delete-confirm').click();
  await expect(runs.rows).toHaveCount(1);
  await expect(runs.row('Cart, second look')).toHaveCount(0);
});

test('the results of a run in Russian', async ({ app, page }) => {
  test.setTimeout(600_000);
  await app.open();
  await app.chooseLanguage('Русский');
  const runs = new RunResultsPage(page);
  await runs.runTemplate('abandoned-cart');
  await page.getByTestId('open-results').first().click();
  await runs.waitForResults();
  await expect(page.getByTestId('run-honesty')).toContainText('Это воспроизведение импортированной истории');
  await expect(runs.card('reach')).toContainText('клиентов пространства');
  await expect(runs.card('messages').getByTestId('basis-label')).toHaveText('по истории');
  await expect(runs.card('projected').getByTestId('basis-label')).toHaveText('прогноз');
  await expect(page.getByRole('heading', { name: 'По дням' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Контрольные группы' })).toBeVisible();
  await expectNoAxeViolations(page, 'the results page in Russian');
  await page.screenshot({ path: test.info().outputPath('results-ru.png'), fullPage: true });
  await runs.openFromNavigation();
  await expect(runs.rows).toHaveCount(1);
  await expect(page.getByRole('columnheader', { name: 'Охвачено клиентов' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('runs-ru.png') });
});
