import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

/** The "Your data" panel (issue 17): where the data lives, how big each workspace is, and deleting a workspace or everything. */
const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

test('the storage panel says where the data lives, lists each workspace, and deletes one workspace or all of ChainLab’s data', async ({ app, page, baseURL }) => {
  test.setTimeout(300_000);
  await app.open();
  await app.chooseWorkspaceAction(/Rename/);
  await page.getByRole('dialog').getByLabel('Name').fill('Workshop');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(app.workspaceSwitcher).toContainText('Workshop');
  await app.chooseWorkspaceAction(/New workspace/);
  await page.getByRole('dialog').getByLabel('Name').fill('Scratch');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Scratch');

  await page.getByRole('button', { name: 'Storage in this browser' }).click();
  const panel = page.getByTestId('your-data');
  await expect(panel.getByTestId('your-data-where')).toHaveText(`Everything is kept in this browser’s IndexedDB storage, for ${new URL(baseURL!).origin} only: other browsers, profiles and sites cannot read it, and nothing is sent anywhere.`);
  const rows = panel.getByTestId('your-data-workspace');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Workshop' })).toContainText('5,000 customers');
  await expect(rows.filter({ hasText: 'Scratch' })).toContainText('0 customers · 0 events');
  await expect(page.getByTestId('storage-popover')).toContainText(/[\d.,]+\s(KB|MB|GB) used of/);
  await expectNoAxeViolations(page, 'the storage panel with your data');
  await page.screenshot({ path: `${SCREENS}/your-data.png` });

  // one workspace: the same confirmation as from the workspace menu
  await panel.getByRole('button', { name: 'Delete the workspace “Scratch” and its data' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete workspace “Scratch”/ });
  await confirm.getByRole('textbox').fill('Scratch');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Workshop');

  // everything: a word typed in, then the app starts afresh with a new demo
  await panel.getByRole('button', { name: 'Delete all ChainLab data…' }).click();
  const all = page.getByRole('dialog', { name: 'Delete all ChainLab data in this browser?' });
  await expect(all).toContainText('every workspace (1)');
  const erase = all.getByRole('button', { name: 'Delete everything' });
  await expect(erase).toBeDisabled();
  await all.getByRole('textbox').fill('delete');
  await expectNoAxeViolations(page, 'the delete-everything dialog');
  await erase.click();
  await app.waitUntilReady();
  await expect(app.workspaceSwitcher).toContainText('Demo', { timeout: 120_000 });
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /Workshop/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('the panel in Russian', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  await page.getByRole('button', { name: 'Хранилище в этом браузере' }).click();
  await expect(page.getByTestId('your-data')).toContainText('Ваши данные');
  await expect(page.getByTestId('your-data-workspace')).toContainText('клиентов: 5 000');
  await page.screenshot({ path: `${SCREENS}/your-data-ru.png` });
  await expectNoAxeViolations(page, 'the storage panel in Russian');
});
