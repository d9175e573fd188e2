import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;
const LONG = { timeout: 90_000 };

// Counting runs in the audiences worker over the demo; a loaded machine is slow.
test.describe.configure({ timeout: 300_000 });

/** The size the count shows once it is current (the worker's answer for what is on screen). */
async function currentSize(page: Page): Promise<number> {
  const count = page.getByTestId('audience-count');
  await expect(count).toHaveAttribute('data-size', /\d+/, LONG);
  return Number(await count.getAttribute('data-size'));
}

test('start from the textbook’s ready-made audiences: one-time buyers and a category cross-sell, edited like any other', async ({ app, page }) => {
  await app.open('/audiences');
  await expect(page.getByRole('heading', { level: 1, name: 'Audiences' })).toBeVisible();
  await page.getByTestId('audience-ready-made').click();
  const dialog = page.getByRole('dialog', { name: 'Start from a ready-made audience' });
  await expect(dialog.getByTestId('ready-made-list').getByRole('listitem')).toHaveCount(7, LONG);
  await expect(dialog).toContainText('Made exactly one order, 30 or more days ago');
  await expect(dialog).toContainText('Birthday in');
  await page.screenshot({ path: `${SCREENS}/audiences-ready-made-en.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the ready-made audiences dialog');
  await dialog.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByText('Audience “One-time buyers after 30 days” created from the textbook')).toBeVisible();
  await expect(page.getByTestId('audience-name')).toHaveValue('One-time buyers after 30 days');
  await expect(page.getByTestId('audience-description')).toHaveValue(/exactly one order/);
  const oneTime = await currentSize(page);
  expect(oneTime).toBeGreaterThan(0);
  await expect(page.getByTestId('audience-condition-0-note')).toBeVisible();
  await expect(page.getByTestId('audience-list')).toContainText('One-time buyers after 30 days');

  // the cross-sell audience is written with the demo's own categories ("spend in a category")
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-categoryCrossSell').click();
  await expect(page.getByTestId('audience-name')).toHaveValue(/^Bought .+, not .+/);
  await expect(page.getByTestId('audience-condition-0-values')).toBeVisible();
  const crossSell = await currentSize(page);
  expect(crossSell).toBeGreaterThan(0);
  // edited like any other: drop the "never bought the second category" part, the count grows
  await page.getByTestId('audience-condition-1-remove').click();
  await expect.poll(() => currentSize(page), LONG).toBeGreaterThan(crossSell);
  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audience-save')).toBeDisabled();

  // the same template twice gets a name not yet taken
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByTestId('audience-name')).toHaveValue('One-time buyers after 30 days 2');
});

test('the ready-made audiences and the new conditions in Russian', async ({ app, page }) => {
  await app.open('/audiences');
  await app.chooseLanguage('Русский');
  await expect(page.getByRole('heading', { level: 1, name: 'Аудитории' })).toBeVisible();
  await page.getByTestId('audience-ready-made').click();
  const dialog = page.getByRole('dialog', { name: 'Начать с готовой аудитории' });
  await expect(dialog.getByTestId('ready-made-list').getByRole('listitem')).toHaveCount(7, LONG);
  await expect(dialog).toContainText('Подписчики без покупок');
  await page.screenshot({ path: `${SCREENS}/audiences-ready-made-ru.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the ready-made audiences dialog in Russian');
  await dialog.getByTestId('ready-made-emailSilentAppActive').click();
  await expect(page.getByText('Аудитория «Молчат в email, активны в приложении» создана из учебника')).toBeVisible();
  await currentSize(page);

  // "days since the last event" from the builder, by hand
  await page.getByTestId('audience-condition-add').click();
  await page.getByTestId('audience-condition-3').getByRole('combobox', { name: 'Условие' }).click();
  await page.getByRole('option', { name: 'Дней с последнего события', exact: true }).click();
  await expect(page.getByTestId('audience-condition-3-note')).toBeVisible(LONG);
  await expectNoAxeViolations(page, 'the audience editor with the new conditions in Russian');
});
