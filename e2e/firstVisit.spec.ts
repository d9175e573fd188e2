import { expect, test } from './fixtures';

test('a first visit with empty storage creates and opens the Demo workspace', async ({ app, page }) => {
  await app.open();
  await expect(app.workspaceSwitcher).toContainText('Demo');
  await expect(app.workspaceSwitcher).toContainText('demo');
  await expect(page.getByTestId('demo-note')).toContainText('5,000 generated customers');
  await expect(app.statValue('customers')).toHaveText('5,000');
  expect(await app.statNumber('events')).toBeGreaterThan(100_000);
  expect(await app.statNumber('orders')).toBeGreaterThan(1_000);
  await expect(app.statValue('range')).toContainText('2026');
  await expect(page.getByTestId('event-types')).toContainText('Order');
  await expect(page.getByTestId('event-types')).toContainText('Add to cart');
  await expect(app.customerRows.first()).toBeVisible();
  await expect(page.getByTestId('customers-matches')).toHaveText('5,000 of 5,000 customers');
  await page.screenshot({ path: 'test-results/screens/data-demo.png', fullPage: true });
});

test('the navigation reaches every screen', async ({ app, page }) => {
  await app.open();
  for (const [label, heading] of [
    [/Segments/, 'Segments (RFM)'],
    [/Journey stages/, 'Journey stages'],
    [/Chains/, 'Chains'],
    [/Runs/, 'Runs'],
    [/Data/, 'Data'],
  ] as const) {
    await app.navigate(label);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await expect(page).toHaveURL(/\/data$/);
});

test('the storage button shows how much of the browser quota the data uses', async ({ app, page }) => {
  await app.open();
  await page.getByRole('button', { name: 'Storage in this browser' }).click();
  const popover = page.getByTestId('storage-popover');
  await expect(popover).toContainText(/[\d.,]+\s(KB|MB|GB) used of [\d.,]+\s(MB|GB|TB) available/);
  await expect(popover).toContainText(/Persistent: the browser will not clear|Not persistent: the browser may clear/);
  await expect(popover).toContainText('nothing is sent anywhere');
});
