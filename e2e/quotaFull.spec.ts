import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ordersExport } from './ordersExport';
import { ImportPage } from './pages/importPage';
import { fillTheQuota, giveTheQuotaBack } from './quotaFull';

/** Storage full (issue 17) the way a user meets it: the browser's own quota is used up (see quotaFull.ts). */
test.use({ serviceWorkers: 'block' });

test('the browser’s storage quota is used up: an import is refused with a clear message, nothing half-written, and goes in once there is room', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open('/data');
  const customers = await app.statNumber('customers');
  const events = await app.statNumber('events');
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersExport(200_000));
  await expect(importPage.select('import-kind')).toHaveText('Orders');

  const fill = await fillTheQuota(page);
  // each of the three chunk sizes was refused by Chromium itself
  expect(fill.refusals).toBe(3);
  test.info().annotations.push({ type: 'quota', description: `used before ${fill.usage} B, filled ${fill.filled} B` });
  await importPage.runButton.click();
  const problem = page.getByRole('alert').filter({ hasText: 'not enough storage space' });
  await expect(problem).toBeVisible({ timeout: 120_000 });
  await expect(problem).toContainText('The import failed and nothing was stored: There is not enough storage space in this browser, so nothing of this was saved and your data is as it was.');
  await expect(problem).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'an import refused because the quota is used up');

  // nothing of the import is visible, in this tab or after a reload
  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText(customers.toLocaleString('en-GB'));
  await expect(app.statValue('events')).toHaveText(events.toLocaleString('en-GB'));

  // with room again the same file imports
  await giveTheQuotaBack(page);
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersExport(200_000));
  await importPage.runButton.click();
  await expect(importPage.count('read')).toHaveText('200,000', { timeout: 120_000 });
  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText((customers + 40_000).toLocaleString('en-GB'));
});

test('the browser’s storage quota is used up while a workspace file is opened: the dialog says so, and no workspace is added', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open();
  await app.chooseWorkspaceAction(/Export to a file/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 60_000 });

  expect((await fillTheQuota(page)).refusals).toBe(3);
  await app.chooseWorkspaceAction(/Open a workspace file/);
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await dialog.getByTestId('workspace-file-input').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(dialog.getByTestId('workspace-file-error')).toContainText('There is not enough storage space in this browser for this workspace.', { timeout: 120_000 });
  await expect(dialog.getByTestId('workspace-file-error')).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'a workspace file refused because the quota is used up');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /^Demo/ })).toHaveCount(1);

  // with room again the same file opens
  await page.keyboard.press('Escape');
  await giveTheQuotaBack(page);
  await app.chooseWorkspaceAction(/Open a workspace file/);
  await dialog.getByTestId('workspace-file-input').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(app.workspaceSwitcher).toContainText('Demo 2', { timeout: 120_000 });
});
