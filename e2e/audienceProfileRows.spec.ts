import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';

const LONG = { timeout: 120_000 };

test.describe.configure({ timeout: 360_000 });

async function currentSize(page: Page): Promise<number> {
  const count = page.getByTestId('audience-count');
  await expect(count).toHaveAttribute('data-size', /\d+/, LONG);
  return Number(await count.getAttribute('data-size'));
}

/** The number a list's count line shows ("1,234 customers", «клиентов: 1 234»). */
async function listCount(page: Page): Promise<number> {
  const count = page.getByTestId('audience-row-count');
  await expect(count).toHaveText(/\d/, LONG);
  return Number((await count.textContent())!.replace(/[^\d]/g, ''));
}

/**
 * Issue 15: the audience's profile rows open the audience's customers in that row (the audience
 * AND that segment, channel …) in the customers list, whose size is what the row's share says.
 */
test('a profile row opens the customers of the audience in it, and the count is the row’s share, in both languages', async ({ app, page }) => {
  await app.open('/audiences');
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByTestId('audience-name')).toHaveValue('One-time buyers after 30 days');
  const size = await currentSize(page);
  expect(size).toBeGreaterThan(0);
  await page.getByTestId('audience-profile-toggle').click();
  await expect(page.getByTestId('audience-profile')).toBeVisible(LONG);

  // Every one-time buyer bought: the "bought" row lists the whole audience.
  await page.getByRole('button', { name: 'Show the customers of this audience: Share who bought' }).click();
  const dialog = page.getByRole('dialog', { name: 'One-time buyers after 30 days · Share who bought' });
  await expect(dialog).toBeVisible();
  expect(await listCount(page)).toBe(size);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // An RFM segment's row: as many customers as its share of the audience says.
  const segmentRow = page.locator('[data-testid^="audience-profile-segments-"]').filter({ hasNot: page.locator('td:nth-of-type(1)', { hasText: /^0(\.0)?%$/ }) }).first();
  const share = Number((await segmentRow.locator('td').first().textContent())!.replace(/[^\d.]/g, ''));
  expect(share).toBeGreaterThan(0);
  await segmentRow.getByRole('button').click();
  await expect(page.getByTestId('audience-row-customers')).toBeVisible();
  const inSegment = await listCount(page);
  expect(((inSegment / size) * 100).toFixed(1)).toBe(share.toFixed(1));
  const rows = page.getByTestId('audience-row-customers').locator('.MuiDataGrid-row');
  await expect(rows.first()).toBeVisible(LONG);
  await expectNoAxeViolations(page, 'the customers of an audience in a profile row');
  // A customer opens their card from the list.
  const firstId = (await rows.first().locator('[data-field="id"]').textContent())!;
  await rows.first().click();
  await expect(page.getByTestId('customer-card')).toContainText(firstId, LONG);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('customer-card')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('audience-row-customers')).toBeHidden();

  await app.chooseLanguage('Русский');
  await page.getByRole('button', { name: 'Показать клиентов этой аудитории: Доля покупавших' }).click();
  await expect(page.getByRole('dialog', { name: 'One-time buyers after 30 days · Доля покупавших' })).toBeVisible();
  await expect(page.getByTestId('audience-row-count')).toHaveText(/^клиентов: [\d\s\u00a0\u202f]+$/, LONG);
  await expect(page.getByTestId('audience-row-customers')).toContainText('Клиенты этой аудитории в этой строке');
  await page.screenshot({ path: test.info().outputPath('ru-audience-profile-row.png') });
  await expectNoAxeViolations(page, 'the customers of an audience in a profile row, in Russian');
});
