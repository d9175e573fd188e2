import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { SegmentsPage } from './pages/segmentsPage';
import { setDate } from './dateField';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

test('changing levels and binning changes the breaks and the heatmap', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  await expect(segments.binRows('recency')).toHaveCount(5);
  await expect(segments.cuts('frequency')).toHaveText(/^Cut points: \d/);
  const scored = await segments.statNumber('scored');
  expect(scored + (await segments.statNumber('none'))).toBe(5000);
  await page.screenshot({ path: `${SCREENS}/segments-overview.png`, fullPage: true });

  await segments.chooseLevels(3);
  for (const measure of ['recency', 'frequency', 'monetary'] as const) await expect(segments.binRows(measure)).toHaveCount(3);
  await expect(page.getByTestId('rfm-heatmap').locator('[data-testid^="rfm-cell-"]')).toHaveCount(9);

  await segments.chooseMethod(/Equal-size groups/);
  await segments.waitForResults();
  // NTILE uses every score: no empty-score note, each score holds about a third of the customers
  await expect(page.locator('[data-testid^="rfm-empty-"]')).toHaveCount(0);
  const counts = (await segments.binRows('frequency').locator('td:last-child').allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
});

test('manual thresholds, the R package map and the settings are kept across visits', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  await segments.chooseLevels(3);
  await segments.chooseMethod(/Manual thresholds/);
  await segments.waitForResults();
  await page.getByTestId('rfm-manual-recency').fill('30, x');
  await expect(page.getByTestId('rfm-manual-breaks')).toContainText('“x” is not a number.');
  await expect(page.getByTestId('rfm-manual-breaks').getByRole('button', { name: 'Apply' })).toBeDisabled();
  // the manual method starts from stored cut points; type others
  await segments.setManualBreaks({ recency: '14, 60', frequency: '1, 2', monetary: '3000, 15000' });
  await expect(segments.cuts('recency')).toHaveText('Cut points: 14 · 60');
  await expect(page.getByTestId('rfm-bin-recency-3')).toContainText('≤ 14');
  await expect(page.getByTestId('rfm-bin-recency-2')).toContainText('15 – 60');
  await expect(page.getByTestId('rfm-bin-frequency-2')).toContainText('2');
  await expect(page.getByTestId('rfm-bin-frequency-3')).toContainText('> 2');
  await expect(page.getByTestId('rfm-bin-monetary-1')).toContainText('≤ ₽3,000.00');

  await segments.chooseMap(/R package rfm/);
  await segments.showView(/Segment table/);
  await expect(segments.segmentRow('Potential Loyalist')).toBeVisible();
  await expect(segments.segmentRow('Loyal Customers')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/segments-manual-package.png`, fullPage: true });

  await page.reload();
  await app.waitUntilReady();
  await segments.waitForResults();
  await expect(page.getByTestId('rfm-levels').getByRole('button', { name: '3', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(segments.cuts('recency')).toHaveText('Cut points: 14 · 60');
});

test('a heatmap cell lists its customers, and a customer opens in a card', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  const { locator, customers } = await segments.busiestCell();
  const testId = (await locator.getAttribute('data-testid'))!;
  const [, r, f] = /rfm-cell-(\d)-(\d)/.exec(testId)!;
  await locator.click();
  await expect(segments.customerList).toBeVisible();
  await expect(page.getByTestId('rfm-list-count')).toHaveText(`${customers.toLocaleString('en-GB')} customers`);
  await expect(segments.customerListRows.first().locator('[data-field="id"]')).toHaveText(/\S/);
  const scores = await segments.customerListRows.locator('[data-field="scores"]').allTextContents();
  expect(scores.length).toBeGreaterThan(0);
  for (const text of scores) expect(text.split(' ').slice(0, 2)).toEqual([r, f]);
  await page.screenshot({ path: `${SCREENS}/segments-cell-list.png` });

  const name = (await segments.customerListRows.first().locator('[data-field="name"]').textContent())!.trim();
  await segments.customerListRows.first().click();
  await expect(app.customerCard).toBeVisible();
  await expect(page.getByTestId('customer-card-name')).toHaveText(name);
  await expect(page.getByTestId('customer-rfm')).toContainText(`R ${r} · F ${f}`);
  await expect(page.getByTestId('customer-rfm-segment')).toHaveText(/\S/);
  await page.screenshot({ path: `${SCREENS}/segments-customer-card.png` });
  await page.getByRole('button', { name: 'Close' }).first().click();
  await expect(app.customerCard).toBeHidden();
});

test('exports a segment as CSV, with spreadsheet formulas neutralised', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  // A segment name that a spreadsheet would run as a formula
  await page.getByRole('button', { name: 'Edit map…' }).click();
  const first = page.getByTestId('rfm-editor-segment').first();
  await first.getByLabel('Name').fill('=HYPERLINK("http://x","VIP")');
  await page.getByRole('button', { name: 'Save map' }).click();
  await segments.waitForResults();
  await segments.showView(/Segment table/);
  const row = segments.segmentRow('=HYPERLINK("http://x","VIP")');
  const customers = Number(((await row.getByTestId('rfm-segment-customers').textContent()) ?? '').replace(/[^\d]/g, ''));
  expect(customers).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Export/ }).click()]);
  await expect(page.getByRole('alert').filter({ hasText: `Exported ${customers.toLocaleString('en-GB')} customers` })).toBeVisible();
  await page.getByRole('button', { name: 'Edit map…' }).click();
  await expect(page.getByTestId('rfm-map-editor')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/segments-map-editor.png` });
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(download.suggestedFilename()).toMatch(/^rfm-champions-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
  expect(Object.keys(rows[0]!)).toEqual([
    'customer_id', 'segment', 'rfm_score', 'transaction_count', 'recency_days', 'amount', 'recency_score', 'frequency_score', 'monetary_score', 'name', 'email', 'phone',
  ]);
  expect(rows).toHaveLength(customers);
  expect(new Set(rows.map((r) => r.segment))).toEqual(new Set(['\'=HYPERLINK("http://x","VIP")']));
  for (const r of rows) expect(r.rfm_score).toBe(`${r.recency_score}${r.frequency_score}${r.monetary_score}`);
});

test('the movement between two dates is a transition matrix with drill-down', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  await segments.showView(/Movement/);
  await setDate(page, 'rfm-compare-from', '2026-05-01');
  const matrix = page.getByTestId('rfm-transition-matrix');
  await expect(matrix).toBeVisible();
  await expect(page.getByTestId('rfm-movement')).toContainText('on 1 May 2026');
  const totals = (await matrix.locator('tbody tr td:last-child').allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
  expect(totals.reduce((a, b) => a + b, 0)).toBe(5000);
  const flow = page.getByTestId('rfm-top-flows').getByRole('button').first();
  const flowCount = Number(((await flow.locator('b').textContent()) ?? '').replace(/[^\d]/g, ''));
  await page.screenshot({ path: `${SCREENS}/segments-movement.png`, fullPage: true });
  await flow.click();
  await expect(page.getByTestId('rfm-list-count')).toHaveText(`${flowCount.toLocaleString('en-GB')} customers`);
  await expect(page.getByRole('dialog')).toContainText('→');
});

test('the screen reads in Russian, with the textbook score direction', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  const segments = new SegmentsPage(page);
  await segments.open();
  await expect(page.getByRole('heading', { name: 'Сегменты (RFM)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Границы баллов' })).toBeVisible();
  await expect(page.getByTestId('rfm-heatmap')).toContainText('Балл давности');
  await page.getByTestId('rfm-direction').getByRole('button', { name: '1 = лучший (как в учебнике)' }).click();
  // best recency is now shown as 1, at the top of the table
  await expect(segments.binRows('recency').first().locator('td').first()).toHaveText('1');
  await segments.showView(/Таблица сегментов/);
  await expect(segments.segmentRow('Чемпионы')).toBeVisible();
  await expect(page.getByTestId('rfm-segment-table')).toContainText('VIP-обслуживание');
  await page.screenshot({ path: `${SCREENS}/segments-ru-table.png`, fullPage: true });
  await segments.showView(/Обзор/);
  await page.screenshot({ path: `${SCREENS}/segments-ru-overview.png`, fullPage: true });
});

test('a workspace without orders, and a period nobody ordered in, say so', async ({ app, page }) => {
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  await setDate(page, 'rfm-as-of', '2020-01-01');
  await expect(page.getByTestId('rfm-nobody')).toHaveText(/No customer ordered in this period/);
  await expect(page.getByTestId('rfm-stat-scored-value')).toHaveText('0');

  await app.chooseWorkspaceAction(/New workspace/);
  await page.getByRole('dialog').getByLabel('Name').fill('Empty shop');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Empty shop');
  await expect(page.getByTestId('rfm-error')).toHaveText(/This workspace has no orders yet/);
});
