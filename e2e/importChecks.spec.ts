import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import type { ChainLabApp } from './pages/chainLabApp';
import { ImportPage } from './pages/importPage';
import { MetricsPage } from './pages/metricsPage';

/**
 * Files that would distort the analysis without a word (issue 10): guest orders written with
 * a placeholder customer ("NA", "#N/A"), one customer holding half the orders ("GUEST"), and
 * rows dated 2099 and 9999-12-31. The import report says what happened to each, far dates are
 * rejected in one click, the placeholder list is edited in the reading settings, and the data
 * quality screen flags the dominant customer.
 */
async function newWorkspace(app: ChainLabApp, name: string): Promise<void> {
  await app.chooseWorkspaceAction(/New workspace/);
  const dialog = app.page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText(name);
  await expect(app.statValue('customers')).toHaveText('0');
}

/** A new workspace's import screen with the guest-orders file chosen. */
async function guestOrdersIn(app: ChainLabApp, workspace: string): Promise<ImportPage> {
  await app.open();
  await newWorkspace(app, workspace);
  const importPage = new ImportPage(app.page);
  await importPage.open();
  await importPage.upload('guest_orders.csv');
  return importPage;
}

test('tells about placeholder ids, far dates and a dominant customer, and rejects far dates in one click', async ({ app, page }) => {
  test.slow();
  const importPage = await guestOrdersIn(app, 'Guest orders');
  await expect(importPage.select('import-kind')).toHaveText('Orders');
  await expect(page.getByTestId('import-placeholder-ids')).toHaveValue('NA, N/A, #N/A, null, NULL, none, undefined, -, —, 0, NaN, <NA>');
  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 60_000 });
  await expect(importPage.count('read')).toHaveText('114');
  await expect(importPage.count('accepted')).toHaveText('110');
  await expect(importPage.count('rejected')).toHaveText('4');
  const placeholders = page.getByTestId('import-placeholder-notice');
  await expect(placeholders).toContainText('4 rows have a customer id that identifies nobody (“NA” × 3, “#N/A” × 1)');
  await expect(placeholders).toContainText('0 were matched by e-mail or phone, 4 without either were rejected');
  const farDates = page.getByTestId('import-far-dates');
  await expect(farDates).toContainText(/2 rows are dated outside 1970-01-01 … \d{4}-\d\d-\d\d \(from 2099-03-01 to 9999-12-31\)\. They are kept/);
  await expect(page.getByTestId('import-dominant-customer')).toContainText('Customer GUEST has 60 of 110 orders');
  await expect(importPage.rejectRows.first()).toContainText('No customer: customer_id “NA” stands for a missing id');
  await page.screenshot({ path: test.info().outputPath('import-notices.png'), fullPage: true });

  await app.chooseLanguage('Русский');
  await expect(page.getByTestId('import-placeholder-notice')).toContainText('В 4 строках id клиента никого не обозначает');
  await expect(page.getByTestId('import-far-dates')).toContainText('Строки сохранены, но даты по умолчанию');
  await page.screenshot({ path: test.info().outputPath('import-notices-ru.png'), fullPage: true });
  await app.chooseLanguage('English');

  await page.getByTestId('import-reject-far-dates-again').click();
  await expect(importPage.count('rejected')).toHaveText('6', { timeout: 60_000 });
  await expect(importPage.count('accepted')).toHaveText('108');
  await expect(page.getByTestId('import-far-dates')).toContainText('2 rows dated outside 1970-01-01');
  await expect(page.getByTestId('import-far-dates')).toContainText('were rejected');
  await expect(page.getByTestId('import-reject-far-dates-again')).toBeHidden();
  await expect(importPage.historyRows).toHaveCount(2);
  await expect(importPage.historyRows.filter({ hasText: 'Undone' })).toHaveCount(1);

  await page.getByRole('link', { name: 'See the data' }).click();
  await expect(app.statValue('orders')).toHaveText('108');
  await expect(app.statValue('range')).not.toContainText('2099');
  await page.getByTestId('open-data-quality').click();
  await expect(page.getByTestId('quality-findings')).toContainText('Customer GUEST has 60 of all 108 orders (55.6 %)');
});

test('a placeholder added in the reading settings identifies nobody', async ({ app, page }) => {
  test.slow();
  const importPage = await guestOrdersIn(app, 'Guests as placeholders');
  const list = page.getByTestId('import-placeholder-ids');
  await list.fill('NA, #N/A, guest');
  await list.press('Enter');
  await expect(list).toHaveValue('NA, #N/A, guest');
  const rejectFarDates = page.getByLabel(/Reject rows dated outside 1970-01-01/);
  await rejectFarDates.check();
  await expect(rejectFarDates).toBeChecked();
  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 60_000 });
  await expect(importPage.count('rejected')).toHaveText('66');
  await expect(page.getByTestId('import-placeholder-notice')).toContainText('64 rows have a customer id that identifies nobody (“GUEST” × 60, “NA” × 3, “#N/A” × 1)');
  await expect(page.getByTestId('import-far-dates')).toContainText('were rejected');
  await expect(page.getByTestId('import-dominant-customer')).toBeHidden();
});

test('one placeholder id and one far date are told in the singular, in English and Russian', async ({ app, page }) => {
  await app.open();
  await newWorkspace(app, 'One of each');
  const importPage = new ImportPage(page);
  await importPage.open();
  const csv = ['customer_id,order_date,revenue,order_id', 'c1,2025-03-01,10.00,1', 'c2,2025-03-02,20.00,2', 'NA,2025-03-03,30.00,3', 'c3,9999-12-31,40.00,4'].join('\n');
  await importPage.uploadBytes('one_of_each.csv', new TextEncoder().encode(csv));
  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 60_000 });
  // Not "1 rows have …" / "1 rows are dated …" (nor Russian "В 1 строках").
  await expect(page.getByTestId('import-placeholder-notice')).toContainText('1 row has a customer id that identifies nobody (“NA” × 1)');
  await expect(page.getByTestId('import-placeholder-notice')).toContainText('It did not become a customer of its own (matched by e-mail or phone: 0; rejected without either: 1)');
  await expect(page.getByTestId('import-far-dates')).toContainText(/^1 row is dated outside 1970-01-01 … \d{4}-\d\d-\d\d \(9999-12-31\)\. It is kept/);
  await expect(page.getByTestId('import-warnings')).toContainText('customer_id: 1 row has a placeholder instead of an id ("NA" × 1); rejected for having no e-mail or phone: 1');
  await expectNoAxeViolations(page, 'import report with one placeholder and one far date');
  await app.chooseLanguage('Русский');
  await expect(page.getByTestId('import-warnings')).toContainText('customer_id: в 1 строке вместо id заглушка ("NA" × 1); отклонено без e-mail и телефона: 1');
  await expect(page.getByTestId('import-placeholder-notice')).toContainText('В 1 строке id клиента никого не обозначает');
  await expect(page.getByTestId('import-far-dates')).toContainText('В 1 строке дата вне 1970-01-01');
  await expect(page.getByTestId('import-far-dates')).toContainText('Строка сохранена');
  // The Data screen's range is that of the plausible dates, like every other screen's (it read "1 Mar 2025 – 31 Dec 9999")
  await app.navigate(/^Данные$/);
  await expect(page.getByTestId('stat-range')).toContainText('1 событие с датой до 1970 года или в будущем (вплоть до 31 дек. 9999 г.) не входит в этот период');
  await page.screenshot({ path: test.info().outputPath('data-far-date-ru.png') });
  await app.chooseLanguage('English');
  await expect(app.statValue('range')).toHaveText('1 Mar 2025 – 2 Mar 2025');
  await expect(page.getByTestId('stat-range')).toContainText('1 event dated before 1970 or in the future (as far as 31 Dec 9999) is left out of this range; see the import report.');
  await expectNoAxeViolations(page, 'data screen with one far date');
  await page.screenshot({ path: test.info().outputPath('data-far-date-en.png') });
});

test('far dates kept by the import move no default date: RFM analysis date and end of data', async ({ app, page }) => {
  test.slow();
  const importPage = await guestOrdersIn(app, 'Far dates kept');
  await importPage.runButton.click();
  await expect(page.getByTestId('import-far-dates')).toContainText('They are kept', { timeout: 60_000 });

  await app.navigate(/Segments/);
  const asOf = page.getByTestId('rfm-as-of');
  await expect(asOf).toHaveAttribute('data-date', /^2025-/, { timeout: 60_000 });
  await expect(page.getByTestId('rfm-as-of-help')).toContainText('2 orders dated before 1970 or in the future are not used for the default date');
  await page.screenshot({ path: test.info().outputPath('segments-far-dates.png'), fullPage: true });

  await app.navigate(/Journey stages/);
  await expect(page.getByTestId('journey-outside-events')).toContainText('2 events dated before 1970 or in the future are left out', { timeout: 60_000 });
  await expect(page.getByText(/Data from .* to .*2025/)).toBeVisible();

  // Metrics took its default as-of date from the 9999-12-31 order: cohort rows ~96,000 months
  // wide froze the tab until it crashed.
  await app.navigate(/Metrics/);
  const metrics = new MetricsPage(page);
  await metrics.waitForResults();
  const metricsAsOf = page.getByTestId('metrics-as-of');
  await expect(metricsAsOf).toHaveAttribute('data-date', '2025-12-19');
  await expect(metricsAsOf).toContainText('2 orders dated before 1970 or in the future are not used for the default date');
  // January to December 2025: the cohort, customers and twelve month columns M0 … M11.
  await expect(metrics.cohortRows.first()).toHaveAttribute('data-cohort', '2025-01');
  await expect(metrics.cohortTable.locator('thead th')).toHaveCount(14);
  await page.screenshot({ path: test.info().outputPath('metrics-far-dates.png'), fullPage: true });
});

// UCI Online Retail II as pandas saves it: "Customer ID" has empty cells (a guest), so every id is written "13085.0"
const ONLINE_RETAIL_II = [
  'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country',
  '489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,12/1/2009 7:45,6.95,13085.0,United Kingdom',
  '489434,79323P,PINK CHERRY LIGHTS,12,12/1/2009 7:45,6.75,13085.0,United Kingdom',
  '489435,22350,CAT BOWL,12,12/1/2009 7:46,2.55,13085.0,United Kingdom',
  '489436,48173C,DOOR MAT BLACK FLOCK,10,12/1/2009 9:06,5.95,,United Kingdom',
  '489437,22143,CHRISTMAS CRAFT HEART DECORATIONS,6,12/1/2009 9:08,2.1,15362.0,United Kingdom',
  '489438,21329,DINOSAURS WRITING SET,28,12/13/2009 9:24,0.98,18102.0,United Kingdom',
].join('\n');

test('says that customer ids written as decimals (13085.0) were read as whole numbers (13085), in English and Russian', async ({ app, page }) => {
  test.slow();
  await app.open();
  await newWorkspace(app, 'Float ids');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('online_retail_II.csv', new TextEncoder().encode(ONLINE_RETAIL_II));
  await expect(importPage.select('import-kind')).toHaveText('Order lines');
  await importPage.runAndExpectRead(6);
  const notice = page.getByTestId('import-float-ids');
  await expect(notice).toHaveText('Customer ID: 3 ids written as decimals (13085.0) were read as whole numbers (13085).');
  await expectNoAxeViolations(page, 'import report saying ids were read as whole numbers');
  await page.screenshot({ path: test.info().outputPath('import-float-ids.png'), fullPage: true });

  await app.chooseLanguage('Русский');
  await expect(notice).toHaveText('Customer ID: 3 id, записанных дробными числами (13085.0), прочитаны как целые числа (13085).');
  await expectNoAxeViolations(page, 'import report saying ids were read as whole numbers, in Russian');
  await page.screenshot({ path: test.info().outputPath('import-float-ids-ru.png'), fullPage: true });
  await app.chooseLanguage('English');

  await page.getByRole('link', { name: 'See the data' }).click();
  await app.searchCustomers('13085');
  await expect(app.customerRows).toHaveCount(1);
  await expect(app.customerRows.first()).not.toContainText('13085.0');
});
