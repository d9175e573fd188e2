import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { ImportPage } from './pages/importPage';

/** An orders export of `rows` rows with new customers (a few MB). */
function ordersCsv(rows: number): Uint8Array {
  const lines = ['customer_id,order_date,revenue,order_id'];
  for (let row = 0; row < rows; row++) lines.push(`X${row % 40_000},2026-0${1 + (row % 9)}-1${row % 10},${100 + (row % 9000)},O${row}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * Storage full in the middle of an import (issue 17), by shrinking this origin's quota in
 * Chromium (DevTools protocol `Storage.overrideQuotaForOrigin`) to a little above what the demo
 * already takes: the import is refused with a clear message, nothing of it is kept, the data as
 * before is intact, and with room again the same file imports.
 */
test('a disk that fills up during an import: a clear message, nothing half-written, earlier data intact', async ({ app, page, baseURL }) => {
  test.setTimeout(300_000);
  await app.open();
  const customers = await app.statNumber('customers');
  const events = await app.statNumber('events');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 2_000_000 });

  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersCsv(300_000));
  await expect(importPage.select('import-kind')).toHaveText('Orders');
  await importPage.runButton.click();
  const problem = page.getByRole('alert').filter({ hasText: 'not enough storage space' });
  await expect(problem).toBeVisible({ timeout: 120_000 });
  await expect(problem).toContainText('The import failed and nothing was stored: There is not enough storage space in this browser, so nothing of this was saved and your data is as it was.');
  await expect(problem).not.toContainText('QuotaExceededError');
  await expectNoAxeViolations(page, 'an import refused for lack of space');
  await page.screenshot({ path: test.info().outputPath('storage-full-en.png'), fullPage: true });

  await page.goto('/data');
  await app.waitUntilReady();
  expect(await app.statNumber('customers')).toBe(customers);
  expect(await app.statNumber('events')).toBe(events);

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await importPage.open();
  await importPage.uploadBytes('orders-export.csv', ordersCsv(300_000));
  await importPage.runButton.click();
  await expect(importPage.count('read')).toHaveText('300,000', { timeout: 120_000 });
  await page.goto('/data');
  await app.waitUntilReady();
  expect(await app.statNumber('customers')).toBe(customers + 40_000);
});
