import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { fillTheDiskIn, freeTheDisk } from './fullDisk';
import { dataCounts, expectImportRefusedForLackOfSpace, expectTheImportStoredWhole, expectWorkspaceFileRefusedForLackOfSpace, exportTheWorkspace, importOrdersExport, openWorkspaceFile } from './withoutRoom';
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
  const file = await exportTheWorkspace(app, page);
  await openWorkspaceFile(app, page, file);
  await expectWorkspaceFileRefusedForLackOfSpace(app, page, 'a write refused in the worker');
});
