import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ChainLabApp } from './pages/chainLabApp';
import { ImportPage } from './pages/importPage';

/** A stat once the Data screen has counted it (it shows "…" before). */
async function countedStat(app: ChainLabApp, name: 'customers' | 'events'): Promise<number> {
  await expect(app.statValue(name)).toHaveText(/^[\d,]+$/);
  return app.statNumber(name);
}

test('imports an Excel "Save as CSV" customer list in Windows-1251 without touching the settings', async ({ app, page }) => {
  test.slow();
  await app.open();
  const customersBefore = await countedStat(app, 'customers');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('excel_ru_customers.csv');
  await expect(importPage.fileLine).toContainText('excel_ru_customers.csv');
  await expect(importPage.select('import-kind')).toHaveText('Customers');
  await expect(importPage.select('import-encoding')).toHaveText('windows-1251');
  await expect(importPage.select('import-delimiter')).toHaveText('Semicolon ;');
  await expect(importPage.select('import-date-format')).toHaveText('detected: DD.MM.YYYY');
  await expect(importPage.mappingFor('ФИО')).toHaveText(/Full name/);
  await expect(importPage.mappingFor('E-mail')).toHaveText(/E-mail/);
  await expect(importPage.mappingFor('Сумма покупок')).toHaveText(/Keep as it is/);
  await expect(page.getByTestId('import-preview')).toContainText('Петрова Анна Сергеевна');
  await page.screenshot({ path: test.info().outputPath('import-preview.png'), fullPage: true });

  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 30_000 });
  await expect(importPage.count('read')).toHaveText('5');
  await expect(importPage.count('accepted')).toHaveText('4');
  await expect(importPage.count('merged')).toHaveText('1');
  await expect(importPage.count('rejected')).toHaveText('0');
  await expect(importPage.count('new-customers')).toHaveText('4');
  await expect(page.getByTestId('import-warnings')).toContainText('olga.smirnova@gmail');
  await expect(page.getByTestId('import-warnings')).toContainText('Дата рождения: month 4 of 1990 has no day 31 (“31.04.1990”)');
  await expect(page.getByTestId('import-merges')).toContainText('Line 5 → customer anna.petrova@mail.ru (same e-mail)');
  await page.screenshot({ path: test.info().outputPath('import-report.png'), fullPage: true });

  await page.getByRole('link', { name: 'See the data' }).click();
  await expect(app.statValue('customers')).toHaveText(new Intl.NumberFormat('en-GB').format(customersBefore + 4));
  await app.searchCustomers('anna.petrova@mail.ru');
  await expect(app.customerRows).toHaveCount(1);
  await app.customerRows.first().click();
  await expect(page.getByTestId('customer-card-name')).toHaveText('Анна Петрова');
  await expect(app.customerCard).toContainText('+79035551234');
});

test('reads a 1C report in Windows-1251 with decimal commas, rejects a bad date and downloads the rejected rows', async ({ app, page }) => {
  await app.open();
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('1c_sales_lines.csv');
  await expect(importPage.select('import-kind')).toHaveText('Order lines');
  await expect(page.getByText('The first 3 lines before the header are skipped (a title).')).toBeVisible();
  await expect(importPage.mappingFor('Цена')).toHaveText(/Unit price/);
  await importPage.runButton.click();
  await expect(importPage.count('read')).toHaveText('6', { timeout: 30_000 });
  await expect(importPage.count('rejected')).toHaveText('1');
  await expect(importPage.rejectRows).toHaveCount(1);
  await expect(importPage.rejectRows.first()).toContainText('10');
  await expect(importPage.rejectRows.first()).toContainText('Дата: day 32 does not exist (“32.03.2025 09:15:00”)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.startsWith('\uFEFFline,reason,Документ,Дата,Контрагент')).toBe(true);
  expect(csv).toContain('10,Дата: day 32 does not exist (“32.03.2025 09:15:00”),Реализация товаров и услуг 00000004 от 32.03.2025');
});

test('shows the rows a broken quote and bad values cost, and keeps a quoted multi-line field whole', async ({ app, page }) => {
  await app.open();
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('bom_events.csv');
  await expect(importPage.select('import-encoding')).toHaveText('utf-8 (with BOM)');
  await expect(importPage.select('import-kind')).toHaveText('Events');
  await expect(page.getByTestId('import-preview')).toContainText('Line one');
  await importPage.runButton.click();
  await expect(importPage.count('read')).toHaveText('10', { timeout: 30_000 });
  await expect(importPage.count('accepted')).toHaveText('7');
  await expect(importPage.count('rejected')).toHaveText('3');
  await expect(importPage.rejectRows.nth(0)).toContainText('Event: empty');
  await expect(importPage.rejectRows.nth(1)).toContainText('month 13 does not exist');
  await expect(importPage.rejectRows.nth(2)).toContainText('Unterminated quote in column “Comment”: the row was skipped, reading went on at line 11');
  await expect(page.getByTestId('import-warnings')).toContainText('“Просмотр товара” is stored as event type “product_view”');
});

test('a file whose columns are not recognised can be mapped by hand, and the mapping is offered again', async ({ app, page }) => {
  // two imports and a preset round trip: on a loaded machine this needs more than the default
  test.slow();
  await app.open();
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('unknown_headers.csv');
  await importPage.choose('import-kind', 'Orders');
  await expect(page.getByTestId('import-missing')).toBeVisible();
  await expect(importPage.runButton).toBeDisabled();
  await importPage.mapColumn('Покупатель_ключ', /^★? ?Customer id \*/);
  await importPage.mapColumn('Когда', /Date and time \*/);
  await importPage.mapColumn('Сколько', /Amount \*/);
  await expect(page.getByTestId('import-missing')).toBeHidden();
  await page.getByRole('button', { name: 'Save mapping…' }).click();
  await page.getByLabel('Name').fill('Касса');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await importPage.runButton.click();
  await expect(importPage.count('accepted')).toHaveText('3', { timeout: 30_000 });
  await expect(importPage.count('minimal-customers')).toHaveText('2');

  await page.getByRole('button', { name: 'Import another file' }).click();
  await importPage.upload('unknown_headers.csv');
  await importPage.choose('import-kind', 'Orders');
  await expect(page.getByTestId('import-preset-offer')).toContainText('Касса');
  await page.getByTestId('import-preset-offer').getByRole('button', { name: 'Apply' }).click();
  await expect(importPage.runButton).toBeEnabled();
  await importPage.runButton.click();
  await expect(importPage.count('merged')).toHaveText('3', { timeout: 30_000 });
  await expect(page.getByText('Nothing new: everything in this file was already in the workspace.')).toBeVisible();
});

test('asks about ambiguous dates, refuses a workbook, and undoes an import from the history', async ({ app, page }) => {
  test.slow();
  await app.open();
  const eventsBefore = await countedStat(app, 'events');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload('not_really.csv');
  await expect(page.getByTestId('import-error')).toContainText('This is an Excel workbook (.xlsx), not a CSV text file');
  await importPage.upload('orders_zipped.csv');
  await expect(page.getByTestId('import-error')).toContainText('This is a ZIP archive (unpack it and import the CSV inside), not a CSV text file');

  await importPage.upload('ambiguous_orders.csv');
  await expect(page.getByTestId('import-ambiguous-dates')).toContainText('The dates in “order_date” do not show whether the day or the month comes first');
  await expect(page.getByTestId('import-preview')).toContainText('03/04/2025');
  await importPage.choose('import-date-format', 'DD.MM.YYYY (day first)');
  await expect(page.getByTestId('import-ambiguous-dates')).toBeHidden();
  await importPage.runButton.click();
  await expect(importPage.count('accepted')).toHaveText('2', { timeout: 30_000 });
  await expect(importPage.historyRows.first()).toContainText('ambiguous_orders.csv');
  await expect(importPage.historyRows.first()).toContainText('Imported');

  await page.getByRole('link', { name: 'See the data' }).click();
  await expect(app.statValue('events')).toHaveText(new Intl.NumberFormat('en-GB').format(eventsBefore + 2));
  await importPage.open();
  await importPage.historyRows.first().getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(importPage.historyRows.first()).toContainText('Undone');
  await page.getByRole('link', { name: 'Back to data' }).click();
  await expect(app.statValue('events')).toHaveText(new Intl.NumberFormat('en-GB').format(eventsBefore));
});

/** About 8 MB of events: enough to close the tab while it is being imported. */
function bigEventsFile(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['customer_id,event_type,event_time,page'];
  for (let i = 0; i < 150_000; i++) lines.push(`u${i % 3000},page_view,2025-0${1 + (i % 9)}-1${i % 10}T10:${String(i % 60).padStart(2, '0')}:00Z,/page/${i}`);
  return { name: 'big-events.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

test('an import interrupted by closing the tab is offered for removal or resuming, and resumes', async ({ app, page, context }) => {
  test.setTimeout(240_000);
  await app.open();
  const eventsBefore = await countedStat(app, 'events');
  const importPage = new ImportPage(page);
  await importPage.open();
  const file = bigEventsFile();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await importPage.runButton.click();
  await expect(page.getByTestId('import-progress-rows')).toHaveText(/^[1-9][\d,]* of about/, { timeout: 60_000 });
  await page.close();

  const second = await context.newPage();
  const reopened = new ChainLabApp(second);
  await reopened.open();
  const alert = second.getByTestId('import-interrupted');
  // the closed tab's worker lets go of the workspace lock when Chromium has torn it down: slow on a loaded machine
  await expect(alert).toContainText('An import of “big-events.csv” was interrupted', { timeout: 60_000 });
  await expect(reopened.statValue('events')).toHaveText(new Intl.NumberFormat('en-GB').format(eventsBefore));
  await alert.getByRole('button', { name: 'Resume…' }).click();
  await expect(second.getByText('Resume the import of “big-events.csv”')).toBeVisible();
  const resumed = new ImportPage(second);
  await second.getByTestId('import-file-input').setInputFiles({ ...file, name: 'other.csv' });
  await expect(second.getByTestId('import-error')).toContainText('This is not the same file');
  await second.getByTestId('import-file-input').setInputFiles(file);
  await expect(resumed.select('import-kind')).toHaveText('Events');
  await resumed.runButton.click();
  await expect(resumed.count('accepted')).toHaveText('150,000', { timeout: 150_000 });
  await expect(resumed.historyRows.nth(0)).toContainText('Imported');
  await expect(resumed.historyRows.nth(1)).toContainText('Cancelled');
  await second.getByRole('link', { name: 'See the data' }).click();
  await expect(reopened.statValue('events')).toHaveText(new Intl.NumberFormat('en-GB').format(eventsBefore + 150_000));
  await expect(second.getByTestId('import-interrupted')).toHaveCount(0);
});

test('speaks Russian: detected settings, mapping and the reasons of rejected rows', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  await page.getByRole('link', { name: 'Импорт CSV' }).click();
  const importPage = new ImportPage(page);
  await importPage.upload('1c_sales_lines.csv');
  await expect(importPage.select('import-kind')).toHaveText('Строки заказов');
  await expect(importPage.select('import-delimiter')).toHaveText('Точка с запятой ;');
  await expect(importPage.mappingFor('Контрагент')).toHaveText(/ФИО/);
  await expect(importPage.mappingFor('Сумма')).toHaveText(/Сумма строки/);
  await page.getByRole('button', { name: /Импортировать около/ }).click();
  await expect(importPage.count('rejected')).toHaveText('1', { timeout: 30_000 });
  await expect(importPage.rejectRows.first()).toContainText('Дата: дня 32 не бывает («32.03.2025 09:15:00»)');
  await expect(page.getByTestId('import-warnings')).toContainText('Пропущены 3 строки перед заголовком');
  await expect(importPage.historyRows.first()).toContainText('Импортирован');
});
