import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { MetricsPage } from './pages/metricsPage';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;
const LONG = { timeout: 90_000 };

test.describe.configure({ timeout: 300_000 });

test('the metrics cut by a saved audience: the audience next to everyone else, then every figure restricted to it, in both languages', async ({ app, page }) => {
  await app.open('/audiences');
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByTestId('audience-list')).toContainText('One-time buyers after 30 days', LONG);
  const size = page.getByTestId('audience-count');
  await expect(size).toHaveAttribute('data-size', /\d+/, LONG);
  const members = Number(await size.getAttribute('data-size'));

  const metrics = new MetricsPage(page);
  await metrics.open();
  const buyers = await metrics.figureNumber('buyers');
  await metrics.chooseCut(/Saved audience/);
  await expect(page.getByTestId('metrics-cut-audience')).toHaveValue(/.+/);
  await expect(metrics.cutRows).toHaveCount(2, LONG);
  await expect(metrics.cutRows.nth(0)).toHaveAttribute('data-group', 'One-time buyers after 30 days');
  await expect(metrics.cutRows.nth(1)).toHaveAttribute('data-group', 'Everyone else');
  const audienceBuyers = MetricsPage.numberIn((await metrics.cutRows.nth(0).locator('td:nth-of-type(2)').textContent())!);
  const otherBuyers = MetricsPage.numberIn((await metrics.cutRows.nth(1).locator('td:nth-of-type(2)').textContent())!);
  expect(audienceBuyers + otherBuyers).toBe(buyers);
  expect(audienceBuyers).toBeGreaterThan(0);
  // one order each: the audience is as large as its buyers when no one of them bought after the as-of day
  expect(audienceBuyers).toBeLessThanOrEqual(members);

  await metrics.cutRows.nth(0).getByRole('button').click();
  await expect(page.getByTestId('metrics-scope')).toContainText('One-time buyers after 30 days');
  await metrics.waitForResults();
  await expect.poll(() => metrics.figureNumber('buyers'), LONG).toBe(audienceBuyers);

  await app.chooseLanguage('Русский');
  await expect(page.getByRole('heading', { name: 'Метрики', level: 1 })).toBeVisible();
  await expect(metrics.cutRows.nth(1)).toHaveAttribute('data-group', 'Все остальные', LONG);
  await metrics.waitForResults();
  await page.screenshot({ path: `${SCREENS}/metrics-audience-cut-ru.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the metrics screen cut by a saved audience');
});
