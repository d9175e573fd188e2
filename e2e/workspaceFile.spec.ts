import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainLabApp } from './pages/chainLabApp';
import { SegmentsPage } from './pages/segmentsPage';

/** Workspace files (issue 17): a trainer exports a workspace, a participant opens it in another browser. */
const RESULTS = process.env.E2E_RESULTS_DIR ?? 'test-results';
const SCREENS = `${RESULTS}/screens`;

/** What the Segments screen says: customers scored and without orders, and every heatmap cell's text. */
async function segmentFigures(page: Page): Promise<{ scored: number; none: number; cells: string[] }> {
  const segments = new SegmentsPage(page);
  await segments.waitForResults();
  await expect(page.getByTestId('rfm-heatmap').locator('[data-testid^="rfm-cell-"]')).toHaveCount(9);
  const cells = await page.getByTestId('rfm-heatmap').locator('[data-testid^="rfm-cell-"]').evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-testid')}: ${node.textContent}`));
  return { scored: await segments.statNumber('scored'), none: await segments.statNumber('none'), cells };
}

async function openFileDialog(app: ChainLabApp, page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await app.chooseWorkspaceAction(/Open a workspace file/);
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await dialog.getByTestId('workspace-file-input').setInputFiles(file);
  await expect(dialog.getByTestId('workspace-file-chosen')).toBeVisible();
}

test('a workspace exported to a file opens in a fresh browser profile with the same segments and settings', async ({ app, page, browser }) => {
  // two profiles each generate the demo on first visit; slow on a loaded machine
  test.setTimeout(360_000);
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  await segments.chooseLevels(3);
  const before = await segmentFigures(page);
  expect(before.scored).toBeGreaterThan(0);

  await app.chooseWorkspaceAction(/Export to a file/);
  const dialog = page.getByRole('dialog', { name: /Export “Demo” to a file/ });
  await expect(dialog.getByText('Leave out personal contacts')).toBeVisible();
  await expectNoAxeViolations(page, 'the export dialog');
  await page.screenshot({ path: `${SCREENS}/workspace-export.png` });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Demo.chainlab');
  const file = `${RESULTS}/workspace-demo.chainlab`;
  await download.saveAs(file);
  await expect(page.getByTestId('notice')).toContainText('Exported “Demo”');
  await expect(dialog).toBeHidden();

  // a participant: another browser profile, which starts with its own demo
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Moscow', viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  const otherApp = new ChainLabApp(other);
  await otherApp.open();
  await openFileDialog(otherApp, other, file);
  const importDialog = other.getByRole('dialog', { name: 'Open a workspace file' });
  await expectNoAxeViolations(other, 'the open-file dialog');
  await other.screenshot({ path: `${SCREENS}/workspace-import.png` });
  await importDialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(other.getByTestId('notice')).toContainText(/Opened “Demo 2”: 5,000 customers, [\d,]+ events/, { timeout: 60_000 });
  await expect(otherApp.workspaceSwitcher).toContainText('Demo 2');
  await new SegmentsPage(other).open();
  // the RFM settings came with the file: three levels, the same cells and counts
  await expect(other.getByTestId('rfm-levels').getByRole('button', { name: '3', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await segmentFigures(other)).toEqual(before);
  await context.close();
});

test('a file that is not a workspace, or is cut short, is refused with the reason and nothing changes', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  await openFileDialog(app, page, { name: 'customers.chainlab', mimeType: 'text/csv', buffer: Buffer.from('id;email\n1;anna@example.com\n') });
  const dialog = page.getByRole('dialog', { name: 'Open a workspace file' });
  await dialog.getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(dialog.getByTestId('workspace-file-error')).toHaveText('This is not a ChainLab workspace file (.chainlab). To load a CSV export, use “Import CSV” instead. Nothing was changed.');
  await expectNoAxeViolations(page, 'the open-file dialog with an error');

  // a real export, cut in the middle as by a broken download
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.chooseWorkspaceAction(/Export to a file/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  const whole = await (await downloading).path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(whole);
  const cut = `${RESULTS}/workspace-cut.chainlab`;
  await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await openFileDialog(app, page, cut);
  await page.getByRole('dialog').getByRole('button', { name: 'Open as a new workspace' }).click();
  await expect(page.getByRole('dialog').getByTestId('workspace-file-error')).toContainText(/damaged|incomplete/);
  await expect(page.getByRole('dialog').getByTestId('workspace-file-error')).toContainText('Nothing was changed.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /^Demo/ })).toHaveCount(1);
  await page.keyboard.press('Escape');

  await app.chooseLanguage('Русский');
  await app.chooseWorkspaceAction(/Экспорт в файл/);
  await expect(page.getByRole('dialog')).toContainText('Без личных контактов');
  await page.screenshot({ path: `${SCREENS}/workspace-export-ru.png` });
  await expectNoAxeViolations(page, 'the export dialog in Russian');
});
