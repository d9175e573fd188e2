import Papa from 'papaparse';
import { expect, test } from './fixtures';
import { MetricsPage } from './pages/metricsPage';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

// Each test walks the whole screen over the demo (several worker computations): on a shared,
// loaded machine that takes longer than the default 90 s.
test.describe.configure({ timeout: 300_000 });

/** The numbers of a column of the cohort table's rows (1 = customers, then M0, M1 …). */
async function columnNumbers(metrics: MetricsPage, column: number): Promise<number[]> {
  const texts = await metrics.cohortRows.locator(`td:nth-of-type(${column})`).allTextContents();
  return texts.map((text) => MetricsPage.numberIn(text.replace('*', '')));
}

test('the demo’s cohort table: retention by month, a partial month, a cell’s customers, LTV and weeks', async ({ app, page }) => {
  await app.open();
  const metrics = new MetricsPage(page);
  await metrics.open();
  await expect(metrics.cohortRows.first()).toBeVisible();
  const buyers = await metrics.figureNumber('buyers');
  expect((await columnNumbers(metrics, 1)).reduce((sum, size) => sum + size, 0)).toBe(buyers);
  for (const value of await columnNumbers(metrics, 2)) expect(value).toBe(100);
  await page.screenshot({ path: `${SCREENS}/metrics-overview.png`, fullPage: true });

  // as of the 15th of the last month: that month is shown, marked partial
  const lastCohort = (await metrics.cohortRows.last().getAttribute('data-cohort'))!;
  await metrics.setAsOf(`${lastCohort}-15`);
  await expect(page.getByTestId('cohorts-partial')).toContainText('partial period: counted up to 14 ');
  await expect(metrics.cohortRows.last()).toHaveAttribute('data-cohort', lastCohort);
  await expect(metrics.cell(lastCohort, 0)).toHaveText('100.0%*');
  const first = (await metrics.cohortRows.first().getAttribute('data-cohort'))!;
  await expect(metrics.cell(first, 1)).toBeVisible();
  const label = (await metrics.cell(first, 1).getAttribute('aria-label'))!;
  const [, count] = /\(([\d,]+) of [\d,]+ customers\)/.exec(label)!;
  await metrics.cell(first, 1).click();
  await expect(metrics.customerList).toBeVisible();
  await expect(page.getByTestId('metrics-customers-count')).toHaveText(`${count} customers`);
  await expect(metrics.customerList.locator('.MuiDataGrid-row').first().locator('[data-field="firstOrder"]')).toContainText(/\d{4}/);
  await page.screenshot({ path: `${SCREENS}/metrics-cell-customers.png` });
  await metrics.customerList.locator('.MuiDataGrid-row').first().click();
  await expect(app.customerCard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.customerCard).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(metrics.customerList).toBeHidden();

  await page.getByTestId('metrics-view-ltv').click();
  await expect(metrics.cohortTable).toHaveAttribute('data-view', 'ltv');
  const ltv = await metrics.cohortRows.first().locator('td').allTextContents();
  const values = ltv.slice(1).filter((text) => text.trim() !== '').map((text) => MetricsPage.numberIn(text.replace('*', '')));
  expect(values.length).toBeGreaterThan(2);
  for (let k = 1; k < values.length; k++) expect(values[k]! + 1e-9).toBeGreaterThanOrEqual(values[k - 1]! - 1e6); // cumulative; returns may lower it a little
  await page.screenshot({ path: `${SCREENS}/metrics-ltv.png`, fullPage: true });

  await page.getByTestId('metrics-unit-week').click();
  await metrics.waitForResults();
  await expect(metrics.cohortRows.first()).toHaveAttribute('data-cohort', /^\d{4}-W\d{2}$/);
  await expect(page.getByText('Weeks since the first order')).toBeVisible();
});

test('cut by RFM segment in Russian: groups side by side, a group’s cohorts', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  const metrics = new MetricsPage(page);
  await metrics.open();
  await expect(page.getByRole('heading', { name: 'Метрики', level: 1 })).toBeVisible();
  const buyers = await metrics.figureNumber('buyers');
  await metrics.chooseCut(/RFM-сегмент/);
  await expect(metrics.cutRows.first()).toBeVisible();
  const groupBuyers = await metrics.cutRows.locator('td:nth-of-type(2)').allTextContents();
  expect(groupBuyers.reduce((sum, text) => sum + MetricsPage.numberIn(text), 0)).toBe(buyers);
  await expect(page.getByTestId('cut-headline')).toContainText('выручки при');
  await page.screenshot({ path: `${SCREENS}/metrics-cut-ru.png`, fullPage: true });

  const row = metrics.cutRows.filter({ has: page.locator('td:nth-of-type(2)', { hasText: /^[1-9]/ }) }).first();
  const name = (await row.getAttribute('data-group'))!;
  const rowBuyers = MetricsPage.numberIn((await row.locator('td:nth-of-type(2)').textContent())!);
  await row.getByRole('button').click();
  await expect(page.getByTestId('metrics-scope')).toHaveText(`Только когорты группы «${name}»`);
  await metrics.waitForResults();
  await expect.poll(async () => (await columnNumbers(metrics, 1)).reduce((sum, size) => sum + size, 0)).toBe(rowBuyers);
  expect(await metrics.figureNumber('buyers')).toBe(rowBuyers);
  await page.getByTestId('metrics-scope-clear').click();
  await metrics.waitForResults();
  await expect.poll(() => metrics.figureNumber('buyers')).toBe(buyers);
});

test('the dashboard exports as one HTML page with the charts, and every table as CSV, in both languages', async ({ app, page }) => {
  await app.open();
  const metrics = new MetricsPage(page);
  await metrics.open();
  const html = await metrics.download('metrics-export-html');
  expect(html.download.suggestedFilename()).toMatch(/^metrics-\d{4}-\d{2}-\d{2}\.html$/);
  expect(html.text).toContain('<html lang="en">');
  expect(html.text).toContain('ChainLab metrics — Demo');
  expect(html.text.match(/<img src="data:image\/png;base64,[^"]+" alt="Average/g)).toHaveLength(2);
  expect(html.text).toContain('<h2>Retention</h2>');
  expect(html.text).not.toMatch(/<script|https?:\/\//);
  await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html.text)}`);
  await expect(page.getByRole('heading', { name: /ChainLab metrics/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/metrics-export-en.png`, fullPage: true });
  await page.goBack();
  await app.waitUntilReady();

  await app.chooseLanguage('Русский');
  await metrics.waitForResults();
  const cohorts = await metrics.download('metrics-csv-cohorts');
  const rows = Papa.parse<string[]>(cohorts.text.trim()).data;
  expect(rows[0]!.slice(0, 4)).toEqual(['Когорта', 'Первый день', 'Клиентов', 'М0']);
  const sizes = await columnNumbers(metrics, 1);
  expect(rows.slice(1).map((row) => Number(row[2]))).toEqual(sizes);
  expect(rows.slice(1).every((row) => row[3] === '1')).toBe(true);
  const totals = Papa.parse<string[]>((await metrics.download('metrics-csv-totals')).text.trim()).data;
  expect(totals[0]).toEqual(['Показатель', 'Значение', 'Год назад', 'Квартал назад']);
  expect(Number(totals.find((row) => row[0] === 'Покупатели')![1])).toBe(await metrics.figureNumber('buyers'));
  const ruHtml = await metrics.download('metrics-export-html');
  expect(ruHtml.text).toContain('<html lang="ru">');
  expect(ruHtml.text).toContain('Удержание');
});
