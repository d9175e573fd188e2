import type { Page } from '@playwright/test';
import { FORMULA_CITY, HOSTILE_FILES, INJECTION_NAME } from '../src/domain/import/testing/hostileFiles';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import type { ChainLabApp } from './pages/chainLabApp';
import { ImportPage } from './pages/importPage';

/**
 * The awkward-file corpus (issue 17) through the app's import, as a user picks the files: each one
 * gets a message or row-level rejections that say what is wrong and where, and customer text that
 * looks like markup stays text where it is shown.
 */
function corpusFile(name: string): Uint8Array {
  const file = HOSTILE_FILES.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no ${name} in the corpus`);
  return file.bytes;
}

async function newEmptyWorkspace(page: Page, app: ChainLabApp, name: string, labels: { action: RegExp; field: string; create: string }): Promise<void> {
  await app.chooseWorkspaceAction(labels.action);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(labels.field).fill(name);
  await dialog.getByRole('button', { name: labels.create }).click();
  await expect(app.workspaceSwitcher).toContainText(name);
}

test('awkward files: refused with the reason, or imported with the bad rows listed; markup stays text', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open();
  await newEmptyWorkspace(page, app, 'Awkward files', { action: /New workspace/, field: 'Name', create: 'Create' });
  const importPage = new ImportPage(page);
  await importPage.open();
  const error = page.getByTestId('import-error');

  await importPage.uploadBytes('empty.csv', corpusFile('empty.csv'));
  await expect(error).toContainText('The file is empty.');
  await importPage.uploadBytes('header_only.csv', corpusFile('header_only.csv'));
  await expect(error).toContainText('The file has a header but no data rows.');
  await importPage.uploadBytes('picture.csv', corpusFile('picture.csv'));
  await expect(error).toContainText('This is an image, not a CSV text file');

  await importPage.uploadBytes('unbalanced_quotes.csv', corpusFile('unbalanced_quotes.csv'));
  await importPage.runAndExpectRead(3);
  await expect(importPage.count('accepted')).toHaveText('2');
  await expect(importPage.rejectRows).toHaveCount(1);
  await expect(importPage.rejectRows.first()).toContainText('Unterminated quote in column “first_name”: the row was skipped, reading went on at line 3');

  await importPage.importAnother();
  await importPage.uploadBytes('mixed_encodings.csv', corpusFile('mixed_encodings.csv'));
  await expect(importPage.select('import-encoding')).toHaveText(/^utf-8/);
  await expect(page.getByTestId('import-preview')).toContainText('Смирнова');
  await importPage.runAndExpectRead(4);
  // c2 was imported from the file before: merged, not accepted anew
  await expect(importPage.count('rejected')).toHaveText('1');
  await expect(importPage.rejectRows).toHaveCount(1);
  await expect(importPage.rejectRows.first()).toContainText('4');
  await expect(importPage.rejectRows.first()).toContainText('last_name: “\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD” has bytes that are not utf-8 text');
  await expectNoAxeViolations(page, 'import report with a mixed-encoding row');

  await importPage.importAnother();
  await importPage.uploadBytes('far_dates.csv', corpusFile('far_dates.csv'));
  await importPage.runAndExpectRead(4);
  await expect(importPage.report).toContainText(/2 rows are dated outside/);

  await importPage.importAnother();
  await importPage.uploadBytes('long_field.csv', corpusFile('long_field.csv'));
  await importPage.runAndExpectRead(2);
  await expect(importPage.count('rejected')).toHaveText('0');

  await importPage.importAnother();
  await importPage.uploadBytes('injection.csv', corpusFile('injection.csv'));
  await importPage.runAndExpectRead(2);
  await page.getByRole('link', { name: 'See the data' }).click();
  await app.searchCustomers('c1');
  await expect(app.customerRows).toHaveCount(1);
  await app.customerRows.first().click();
  await expect(app.customerCard).toContainText(INJECTION_NAME);
  await expect(app.customerCard).toContainText(FORMULA_CITY);
  expect(await page.evaluate(() => (window as { __hostileRan?: number }).__hostileRan)).toBeUndefined();
  await expect(app.customerCard.locator('img[src="x"]')).toHaveCount(0);
});

test('Russian: a mixed-encoding row is rejected with the reason in Russian', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  await newEmptyWorkspace(page, app, 'Кодировки', { action: /Новое пространство/, field: 'Название', create: 'Создать' });
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('mixed_encodings.csv', corpusFile('mixed_encodings.csv'));
  await importPage.runAndExpectRead(4);
  await expect(importPage.rejectRows.first()).toContainText('last_name: в «\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD» байты не в кодировке utf-8');
  await expectNoAxeViolations(page, 'import report with a mixed-encoding row, Russian');
});
