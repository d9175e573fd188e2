import { expect, test } from './fixtures';
import { dataCounts, expectImportRefusedForLackOfSpace, expectTheImportStoredWhole, expectWorkspaceFileRefusedForLackOfSpace, exportTheWorkspace, importOrdersExport, openWorkspaceFile } from './withoutRoom';
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

test('the browser’s storage quota is used up while a workspace file is opened: the dialog says so, no workspace is added, and it opens once there is room', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open();
  const file = await exportTheWorkspace(app, page);
  expect((await fillTheQuota(page)).refusals).toBe(3);
  await openWorkspaceFile(app, page, file);
  await expectWorkspaceFileRefusedForLackOfSpace(app, page, 'the quota used up');

  await giveTheQuotaBack(page);
  await openWorkspaceFile(app, page, file);
  await expect(app.workspaceSwitcher).toContainText('Demo 2', { timeout: 120_000 });
});
