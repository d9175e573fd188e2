import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SegmentsPage } from './pages/segmentsPage';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

/**
 * Stored records are read by one load policy (src/db/records): what this build cannot understand
 * is reported and left in the database as it is — never replaced by defaults behind the user's
 * back. These tests write such records straight into the browser's IndexedDB, as another build
 * (or a damaged disk) would have left them, and look at what the user sees.
 */
type Row = Record<string, unknown>;

/** Runs one IndexedDB request on a table of the app's database, outside the app. */
function inDatabase(page: Page, table: string, action: 'get' | 'put', argument: unknown): Promise<unknown> {
  return page.evaluate(
    ({ table, action, argument }) =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('chainlab');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          const store = database.transaction(table, 'readwrite').objectStore(table);
          const request = action === 'get' ? store.get(argument as IDBValidKey) : store.put(argument);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            database.close();
            resolve(request.result);
          };
        };
      }),
    { table, action, argument },
  );
}

async function activeWorkspaceId(page: Page): Promise<string> {
  const setting = (await inDatabase(page, 'settings', 'get', 'activeWorkspaceId')) as Row;
  return setting.value as string;
}

test('RFM settings saved by a newer ChainLab are reported, left untouched, and replaced only by the user’s own change', async ({ app, page }) => {
  // Three start-ups and several RFM computations on a shared machine.
  test.slow();
  await app.open();
  const segments = new SegmentsPage(page);
  await segments.open();
  const workspaceId = await activeWorkspaceId(page);
  const newer = { workspaceId, name: 'rfm', format: 2, updatedAt: 1, value: { version: 2, levels: 4, scoring: { kind: 'a shape this build does not know' } } };
  await inDatabase(page, 'workspaceSettings', 'put', newer);

  await page.reload();
  await app.waitUntilReady();
  await segments.waitForResults();
  const problem = page.getByTestId('rfm-settings-problem');
  await expect(problem).toContainText('The saved RFM settings could not be read (saved by a newer version of ChainLab: format 2, this version reads up to format 1)');
  // The app-wide notice says the same and stays until closed; the screen works on the defaults meanwhile.
  const notice = page.getByRole('alert').filter({ hasText: 'Saved data could not be read and was left as it is: RFM settings (saved by a newer version of ChainLab' });
  await expect(notice).toBeVisible();
  await expect(segments.binRows('recency')).toHaveCount(5);
  await page.screenshot({ path: `${SCREENS}/stored-data-newer-settings-en.png`, fullPage: true });
  expect(await inDatabase(page, 'workspaceSettings', 'get', [workspaceId, 'rfm'])).toEqual(newer);
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toHaveCount(0);

  await app.chooseLanguage('Русский');
  await expect(problem).toContainText('Сохранённые настройки RFM не удалось прочитать (сохранено более новой версией ChainLab: формат 2, эта версия читает форматы до 1)');
  await page.screenshot({ path: `${SCREENS}/stored-data-newer-settings-ru.png`, fullPage: true });
  await app.chooseLanguage('English');

  // A change the user makes is saved in this build's format, over the defaults the screen showed.
  await segments.chooseLevels(3);
  await expect(problem).toHaveCount(0);
  expect(await inDatabase(page, 'workspaceSettings', 'get', [workspaceId, 'rfm'])).toMatchObject({ format: 1, value: { version: 1, levels: 3, method: 'quantile' } });
  await page.reload();
  await app.waitUntilReady();
  await segments.waitForResults();
  await expect(segments.binRows('recency')).toHaveCount(3);
  await expect(problem).toHaveCount(0);
});

test('a workspace that cannot be read is left out of the list, the user is told, and it stays stored', async ({ app, page }) => {
  await app.open();
  const broken = { id: 'broken-workspace', name: 'Broken shop', createdAt: 1, updatedAt: 1, timeZone: 'Europe/Moscow', isDemo: false, dataVersion: 'many', format: 1 };
  await inDatabase(page, 'workspaces', 'put', broken);

  await page.reload();
  await app.waitUntilReady();
  await expect(page.getByRole('alert').filter({ hasText: 'Saved data could not be read and was left as it is: workspace (dataVersion: Invalid input: expected number, received string)' })).toBeVisible();
  await app.openWorkspaceMenu();
  await expect(page.getByRole('menuitem', { name: /^Demo/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Broken shop/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  expect(await inDatabase(page, 'workspaces', 'get', broken.id)).toEqual(broken);
});
