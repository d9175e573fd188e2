import { expect, test } from './fixtures';

test('creating, switching, renaming, duplicating and deleting workspaces', async ({ app, page }) => {
  // Many steps, two of them copying or deleting the whole 5,000-customer demo.
  test.slow();
  await app.open();

  await app.chooseWorkspaceAction(/New workspace/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Shop export May');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Shop export May');
  await expect(app.statValue('customers')).toHaveText('0');
  await expect(page.getByText(/This workspace is empty/)).toBeVisible();

  await app.chooseWorkspaceAction(/New workspace/);
  await dialog.getByLabel('Name').fill('demo');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('A workspace named “demo” already exists')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await app.switchToWorkspace('Demo');
  await expect(app.statValue('customers')).toHaveText('5,000');

  await app.chooseWorkspaceAction(/Duplicate/);
  await expect(dialog.getByLabel('Name')).toHaveValue('Demo (copy)');
  await dialog.getByRole('button', { name: 'Duplicate' }).click();
  await expect(app.workspaceSwitcher).toContainText('Demo (copy)');
  await expect(app.statValue('customers')).toHaveText('5,000');

  await app.chooseWorkspaceAction(/Rename/);
  await dialog.getByLabel('Name').fill('Workshop group A');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(app.workspaceSwitcher).toContainText('Workshop group A');

  await app.chooseWorkspaceAction(/Delete/);
  const remove = dialog.getByRole('button', { name: 'Delete' });
  await expect(dialog).toContainText('customers (5,000)');
  await expect(remove).toBeDisabled();
  await dialog.getByLabel('Type the workspace name to confirm').fill('Workshop group A');
  await remove.click();
  await expect(dialog).toBeHidden();
  await expect(app.workspaceSwitcher).not.toContainText('Workshop group A');

  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem')).toHaveText([/Demo/, /Shop export May/, /New workspace/, /Rename/, /Duplicate/, /Export to a file/, /Open a workspace file/, /Settings/, /Delete/]);
  await page.keyboard.press('Escape');
});

test('data, the open workspace and its name are kept after a reload', async ({ app, page }) => {
  await app.open();
  const events = await app.statNumber('events');
  await app.chooseWorkspaceAction(/New workspace/);
  await page.getByRole('dialog').getByLabel('Name').fill('Kept');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Kept');

  await page.reload();
  await app.waitUntilReady();
  await expect(app.workspaceSwitcher).toContainText('Kept');
  await app.switchToWorkspace('Demo');
  await expect.poll(() => app.statNumber('events')).toBe(events);
  await expect(page.getByTestId('demo-note')).toBeVisible();
});
