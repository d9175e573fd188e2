import { settledSize } from './audienceCount';
import { expect, test } from './fixtures';

const LONG = { timeout: 90_000 };

// Counting runs in the audiences worker over the demo; a loaded machine is slow.
test.describe.configure({ timeout: 300_000 });

/** Issue 15: "not in another saved audience", chosen in the condition builder's saved-audience picker (the one the chain trigger uses too). */
test('an audience that excludes a saved one keeps everybody else', async ({ app, page }) => {
  await app.open('/audiences');
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByTestId('audience-name')).toHaveValue('One-time buyers after 30 days');
  const oneTime = await settledSize(page);
  expect(oneTime).toBeGreaterThan(0);

  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Not one-time buyers');
  await page.getByTestId('audience-condition-add').click();
  await page.getByTestId('audience-condition-0').getByRole('combobox', { name: 'Condition' }).click();
  await page.getByRole('option', { name: 'Saved audience', exact: true }).click();
  await page.getByTestId('audience-condition-0').getByRole('combobox', { name: 'Comparison' }).click();
  await page.getByRole('option', { name: 'is not in', exact: true }).click();
  await page.getByTestId('audience-condition-0').getByRole('combobox', { name: 'Audience' }).click();
  await page.getByRole('option', { name: 'One-time buyers after 30 days', exact: true }).click();
  await expect(page.getByTestId('audience-condition-0').getByRole('combobox', { name: 'Audience' })).toHaveText('One-time buyers after 30 days');
  await expect.poll(() => settledSize(page), LONG).toBe(5000 - oneTime);
});
