import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import type { ChainLabApp } from './pages/chainLabApp';
import { ImportPage } from './pages/importPage';

/**
 * An import and a workspace file that meet a full disk (issue 17), shared by the two ways the tests run out of space:
 * a write refused inside the import worker (fullDisk.ts) and Chromium's own quota used up
 * (quotaFull.ts). The file is a 200,000-row orders export with 40,000 new customers, so it is
 * written in several event blocks.
 */
const ROWS = 200_000;
const NEW_CUSTOMERS = 40_000;

function ordersExport(): Uint8Array {
  const lines = ['customer_id,order_date,revenue,order_id'];
  for (let row = 0; row < ROWS; row++) lines.push(`X${row % NEW_CUSTOMERS},2026-0${1 + (row % 9)}-1${row % 10},${100 + (row % 9000)},O${row}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export interface DataCounts {
  customers: number;
  events: number;
}

/** What the Data screen counts now. */
export async function dataCounts(app: ChainLabApp): Promise<DataCounts> {
  return { customers: await app.statNumber('customers'), events: await app.statNumber('events') };
}

/** Uploads the orders export and clicks Import; `beforeImport` runs between the upload and the click. */
export async function importOrdersExport(page: Page, beforeImport: () => Promise<unknown> = async () => undefined): Promise<void> {
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersExport());
  await expect(importPage.select('import-kind')).toHaveText('Orders');
  await beforeImport();
  await importPage.runButton.click();
}

/** The refusal as the user reads it, and nothing of the import to be seen, in this tab or after a reload. */
export async function expectImportRefusedForLackOfSpace(app: ChainLabApp, page: Page, before: DataCounts, picture: string): Promise<void> {
  const problem = page.getByRole('alert').filter({ hasText: 'not enough storage space' });
  await expect(problem).toBeVisible({ timeout: 120_000 });
  await expect(problem).toContainText('The import failed and nothing was stored: There is not enough storage space in this browser, so nothing of this was saved and your data is as it was.');
  await expect(problem).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, `an import refused for lack of space (${picture})`);
  await page.screenshot({ path: test.info().outputPath(`${picture}.png`), fullPage: true });

  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText(before.customers.toLocaleString('en-GB'));
  await expect(app.statValue('events')).toHaveText(before.events.toLocaleString('en-GB'));
}

/** With room again, the same file goes in whole. */
export async function expectTheImportStoredWhole(app: ChainLabApp, page: Page, before: DataCounts): Promise<void> {
  await importOrdersExport(page);
  await expect(new ImportPage(page).count('read')).toHaveText(ROWS.toLocaleString('en-GB'), { timeout: 120_000 });
  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText((before.customers + NEW_CUSTOMERS).toLocaleString('en-GB'));
}

/** Exports the open workspace to a file; returns the file's path. */
export async function exportTheWorkspace(app: ChainLabApp, page: Page): Promise<string> {
  await app.chooseWorkspaceAction(/Export to a file/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 60_000 });
  return file;
}

/** Opens a workspace file as a new workspace, from the workspace menu. */
export async function openWorkspaceFile(app: ChainLabApp, page: Page, file: string): Promise<void> {
  await app.chooseWorkspaceAction(/Open a workspace file/);
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await dialog.getByTestId('workspace-file-input').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
}

/** The open dialog's refusal as the user reads it; after Cancel, no workspace was added. */
export async function expectWorkspaceFileRefusedForLackOfSpace(app: ChainLabApp, page: Page, what: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await expect(dialog.getByTestId('workspace-file-error')).toContainText('There is not enough storage space in this browser for this workspace.', { timeout: 120_000 });
  await expect(dialog.getByTestId('workspace-file-error')).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, `a workspace file refused for lack of space (${what})`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /^Demo/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
}
