import { expect, test } from './fixtures';

test('searching customers by id, email and phone narrows the table', async ({ app, page }) => {
  await app.open();
  const firstRow = app.customerRows.first();
  await expect(firstRow.locator('[data-field="id"]')).toHaveText(/^C\d+$/);
  const id = (await firstRow.locator('[data-field="id"]').textContent())!.trim();
  const email = (await firstRow.locator('[data-field="email"]').textContent())!.trim();

  await app.searchCustomers(id);
  await expect(page.getByTestId('customers-matches')).toHaveText(/^1 of 5,000 customers$/);
  await expect(app.customerRows).toHaveCount(1);
  await expect(app.customerRows.first().locator('[data-field="id"]')).toHaveText(id);

  if (email) {
    await app.searchCustomers(email.toUpperCase());
    await expect(app.customerRows.first().locator('[data-field="email"]')).toHaveText(email);
  }

  await app.searchCustomers('no-such-customer-anywhere');
  await expect(page.getByTestId('customers-matches')).toHaveText('0 of 5,000 customers');

  await app.searchCustomers('');
  await expect(page.getByTestId('customers-matches')).toHaveText('5,000 of 5,000 customers');
});

test('sorting by orders puts the most frequent buyer first', async ({ app }) => {
  await app.open();
  await app.sortCustomersDescending('Orders');
  const top = Number(await app.customerRows.nth(0).locator('[data-field="orders"]').textContent());
  const next = Number(await app.customerRows.nth(1).locator('[data-field="orders"]').textContent());
  expect(top).toBeGreaterThan(1);
  expect(top).toBeGreaterThanOrEqual(next);
});

test('clicking a customer opens the card with profile, consents and timeline', async ({ app, page }) => {
  await app.open();
  await app.sortCustomersDescending('Orders');
  const row = app.customerRows.first();
  const name = (await row.locator('[data-field="name"]').textContent())!.trim();
  const orders = (await row.locator('[data-field="orders"]').textContent())!.trim();
  await row.click();

  await expect(app.customerCard).toBeVisible();
  await expect(page.getByTestId('customer-card-name')).toHaveText(name);
  await expect(page.getByTestId('customer-summary')).toContainText(orders);
  await expect(page.getByTestId('customer-consents')).toContainText('Email:');
  const timeline = page.getByTestId('customer-timeline');
  await expect(timeline.getByText('Order', { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/customer-card.png' });

  await page.reload();
  await app.waitUntilReady();
  await expect(page.getByTestId('customer-card-name')).toHaveText(name);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(app.customerCard).toBeHidden();
});
