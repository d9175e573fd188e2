import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ImportPage } from './pages/importPage';

/**
 * Storage full in the middle of an import (issue 17). Chromium gives a test profile a 10 GB quota,
 * which no test can fill, and its DevTools quota override did not hold for IndexedDB; so the disk
 * "fills up" inside the import worker itself: the worker's script is served with a prelude that
 * makes IndexedDB refuse the third event block with the error a full disk raises
 * (`QuotaExceededError`), once. Everything after that — the message, the roll-back, the data as it
 * was, the same file importing once there is room — is the app's own code.
 */
test.use({ serviceWorkers: 'block' });

const FULL_DISK_PRELUDE = `{
  const add = IDBObjectStore.prototype.add;
  let blocks = 0;
  IDBObjectStore.prototype.add = function addUntilTheDiskIsFull(...args) {
    if (this.name === 'blockColumns' && ++blocks === 3) throw new DOMException('The disk is full (a test).', 'QuotaExceededError');
    return add.apply(this, args);
  };
}
`;

async function fillTheDiskDuringTheNextImport(page: Page): Promise<void> {
  await page.route('**/assets/import.worker-*.js', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: FULL_DISK_PRELUDE + (await response.text()) });
  });
}

/** An orders export of `rows` rows with 40,000 new customers (several event blocks). */
function ordersCsv(rows: number): Uint8Array {
  const lines = ['customer_id,order_date,revenue,order_id'];
  for (let row = 0; row < rows; row++) lines.push(`X${row % 40_000},2026-0${1 + (row % 9)}-1${row % 10},${100 + (row % 9000)},O${row}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

test('a disk that fills up during an import: a clear message, nothing half-written, earlier data intact', async ({ app, page }) => {
  test.setTimeout(300_000);
  await fillTheDiskDuringTheNextImport(page);
  await app.open('/data');
  const customers = await app.statNumber('customers');
  const events = await app.statNumber('events');

  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersCsv(200_000));
  await expect(importPage.select('import-kind')).toHaveText('Orders');
  await importPage.runButton.click();
  const problem = page.getByRole('alert').filter({ hasText: 'not enough storage space' });
  await expect(problem).toBeVisible({ timeout: 120_000 });
  await expect(problem).toContainText('The import failed and nothing was stored: There is not enough storage space in this browser, so nothing of this was saved and your data is as it was.');
  await expect(problem).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'an import refused for lack of space');
  await page.screenshot({ path: test.info().outputPath('storage-full-en.png'), fullPage: true });

  // nothing of the import is visible, in this tab or after a reload
  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText(customers.toLocaleString('en-GB'));
  await expect(app.statValue('events')).toHaveText(events.toLocaleString('en-GB'));

  // with room again (the worker refuses one block only, and a reload serves it afresh: the
  // prelude's count starts over, so the route is dropped first) the same file imports
  await page.unroute('**/assets/import.worker-*.js');
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersCsv(200_000));
  await importPage.runButton.click();
  await expect(importPage.count('read')).toHaveText('200,000', { timeout: 120_000 });
  await page.goto('/data');
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText((customers + 40_000).toLocaleString('en-GB'));
});
