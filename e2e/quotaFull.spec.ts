import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { dataCounts, expectImportRefusedForLackOfSpace, expectTheImportStoredWhole, importOrdersExport } from './importWithoutRoom';
import { fillTheQuota, giveTheQuotaBack } from './quotaFull';

/** Storage full (issue 17) the way a user meets it: the browser's own quota is used up (see quotaFull.ts). */
test.use({ serviceWorkers: 'block' });

test('the browser’s storage quota is used up: an import is refused with a clear message, nothing half-written, and goes in once there is room', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open('/data');
  const before = await dataCounts(app);
  await importOrdersExport(page, async () => {
    const fill = await fillTheQuota(page);
    // each of the three chunk sizes was refused by Chromium itself
    expect(fill.refusals).toBe(3);
    test.info().annotations.push({ type: 'quota', description: `used before ${fill.usage} B, filled ${fill.filled} B` });
  });
  await expectImportRefusedForLackOfSpace(app, page, before, 'quota-full-import-en');

  await giveTheQuotaBack(page);
  await expectTheImportStoredWhole(app, page, before);
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
