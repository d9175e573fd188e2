import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { fillTheDiskIn, freeTheDisk } from './fullDisk';
import { dataCounts, expectImportRefusedForLackOfSpace, expectTheImportStoredWhole, importOrdersExport } from './importWithoutRoom';
import { RunCanvasPage } from './pages/runCanvasPage';
import { RunResultsPage } from './pages/runResultsPage';

/** Storage full (issue 17): the disk fills up inside a worker (see fullDisk.ts). */
test.use({ serviceWorkers: 'block' });

test('a disk that fills up during an import: a clear message, nothing half-written, earlier data intact', async ({ app, page }) => {
  test.setTimeout(300_000);
  await fillTheDiskIn(page, { worker: 'import', store: 'blockColumns', nth: 3 });
  await app.open('/data');
  const before = await dataCounts(app);
  await importOrdersExport(page);
  await expectImportRefusedForLackOfSpace(app, page, before, 'storage-full-en');

  // with room again (a reload loads the worker afresh, its own script this time) the same file imports
  await freeTheDisk(page, 'import');
  await expectTheImportStoredWhole(app, page, before);
});

test('a disk that fills up when a run is saved: a clear message in the Run dialog, and no half-saved run', async ({ app, page }) => {
  test.setTimeout(300_000);
  await fillTheDiskIn(page, { worker: 'simulate', store: 'runs', nth: 1 });
  await app.open();
  await new RunCanvasPage(page).createFromTemplate('abandoned-cart');
  await page.getByTestId('canvas-run').click();
  const dialog = page.getByTestId('run-dialog');
  await dialog.getByTestId('run-start').click();
  await expect(dialog).toContainText('There is not enough storage space in this browser, so nothing of this was saved and your data is as it was.', { timeout: 120_000 });
  await expect(dialog).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'a run refused for lack of space');
  await page.screenshot({ path: test.info().outputPath('storage-full-run-en.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const runs = new RunResultsPage(page);
  await runs.openFromNavigation();
  await expect(page.getByTestId('runs-empty')).toBeVisible();
  await expect(runs.rows).toHaveCount(0);
});

test('a disk that fills up while a workspace file is opened: the dialog says so, and no workspace is added', async ({ app, page }) => {
  test.setTimeout(300_000);
  await fillTheDiskIn(page, { worker: 'workspaceFile', store: 'blockColumns', nth: 1 });
  await app.open();
  await app.chooseWorkspaceAction(/Export to a file/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 60_000 });

  await app.chooseWorkspaceAction(/Open a workspace file/);
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await dialog.getByTestId('workspace-file-input').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(dialog.getByTestId('workspace-file-error')).toContainText('There is not enough storage space in this browser for this workspace.', { timeout: 120_000 });
  await expect(dialog.getByTestId('workspace-file-error')).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'a workspace file refused for lack of space');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /^Demo/ })).toHaveCount(1);
});
