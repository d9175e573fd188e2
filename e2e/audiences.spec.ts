import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';

const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;
const LONG = { timeout: 90_000 };

// Counting runs in the audiences worker over the demo; a loaded machine is slow.
test.describe.configure({ timeout: 300_000 });

interface Words {
  nav: string;
  kind: string;
  orders: string;
  segment: string;
  noneOf: string;
  champions: string;
  consent: string;
}

const EN: Words = { nav: 'Audiences', kind: 'Condition', orders: 'Number of orders', segment: 'RFM segment', noneOf: 'is none of', champions: 'Champions', consent: 'Consent' };
const RU: Words = { nav: 'Аудитории', kind: 'Условие', orders: 'Число заказов', segment: 'RFM-сегмент', noneOf: 'ни одно из', champions: 'Чемпионы', consent: 'Согласие' };

/** The size the count shows once it is current (the worker's answer for what is on screen). */
async function currentSize(page: Page): Promise<number> {
  const count = page.getByTestId('audience-count');
  await expect(count).toHaveAttribute('data-size', /\d+/, LONG);
  return Number(await count.getAttribute('data-size'));
}

/**
 * The size once the step's condition counts: above 0 (a just-added condition starts as an empty
 * field test that keeps nobody, and its count may be shown first) and below the size before it.
 */
async function narrowedSize(page: Page, before: number): Promise<number> {
  await expect.poll(async () => {
    const size = await currentSize(page);
    return size > 0 && size < before;
  }, LONG).toBe(true);
  return currentSize(page);
}

async function chooseKind(page: Page, leaf: string, words: Words, kind: string): Promise<void> {
  await page.getByTestId(leaf).getByRole('combobox', { name: words.kind }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
}

/** Builds "bought at least twice, not in Champions, consents to email", checking the count at each step. */
async function buildAudience(page: Page, words: Words): Promise<number> {
  await page.getByTestId('audience-condition-add').click();
  await chooseKind(page, 'audience-condition-0', words, words.orders);
  const value = page.getByTestId('audience-condition-0-compare-value');
  await value.fill('2');
  await value.press('Tab');
  // the count of the condition before "2" was typed may still be shown: wait for the new one
  const twice = await narrowedSize(page, Number.POSITIVE_INFINITY);
  await expect(page.getByTestId('audience-condition-0-note')).toBeVisible();

  await page.getByTestId('audience-condition-add').click();
  await chooseKind(page, 'audience-condition-1', words, words.segment);
  await page.getByTestId('audience-condition-1').getByRole('combobox', { name: /Comparison|Сравнение/ }).click();
  await page.getByRole('option', { name: words.noneOf, exact: true }).click();
  await page.getByTestId('audience-condition-1-segments').fill(words.champions);
  await page.getByRole('option', { name: new RegExp(`^${words.champions}`) }).first().click();
  const notChampions = await narrowedSize(page, twice);
  await expect(page.getByTestId('audience-condition-1-note')).toBeVisible();

  await page.getByTestId('audience-condition-add').click();
  await chooseKind(page, 'audience-condition-2', words, words.consent);
  return narrowedSize(page, notChampions);
}

test('build “bought twice, not in Champions, consents to email”, watch the counts, save, open a customer, export', async ({ app, page }) => {
  await app.open();
  await page.getByRole('link', { name: EN.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audiences' })).toBeVisible();
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Repeat buyers, not Champions');
  const size = await buildAudience(page, EN);
  await expect(page.getByTestId('audience-count')).toContainText(`${size.toLocaleString('en-US')} customers of 5,000`);

  await page.getByTestId('audience-save').click();
  await expect(page.getByTestId('audience-list')).toContainText('Repeat buyers, not Champions');
  await expect(page.getByTestId('audience-list').getByTestId('audience-item-size')).toContainText(size.toLocaleString('en-US'), LONG);
  await expect(page.getByTestId('audience-save')).toBeDisabled();

  const rows = page.getByTestId('audience-customers').locator('.MuiDataGrid-row');
  await expect(rows.first()).toBeVisible(LONG);
  await page.screenshot({ path: `${SCREENS}/audiences-en.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the audiences screen');
  await rows.first().click();
  await expect(page.getByRole('dialog')).toBeVisible(LONG);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('audience-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Repeat buyers, not Champions.csv');
  const parsed = Papa.parse<string[]>(await readFile((await download.path())!, 'utf8'), { skipEmptyLines: true });
  expect(parsed.data[0]).toEqual(['Customer id', 'Name', 'Email', 'Phone']);
  expect(parsed.data).toHaveLength(size + 1);
});

test('the whole flow in Russian', async ({ app, page }) => {
  await app.open();
  await app.chooseLanguage('Русский');
  await page.getByRole('link', { name: RU.nav }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Аудитории' })).toBeVisible();
  await expect(page.getByText('Сохранённых аудиторий пока нет')).toBeVisible();
  await page.getByTestId('audience-new').click();
  await page.getByTestId('audience-name').fill('Повторные, не чемпионы');
  const size = await buildAudience(page, RU);
  await expect(page.getByTestId('audience-count')).toContainText('клиентов из 5');
  await page.getByTestId('audience-save').click();
  await expect(page.getByText('Аудитория «Повторные, не чемпионы» сохранена')).toBeVisible();
  await expect(page.getByTestId('audience-list').getByTestId('audience-item-size')).toContainText(new Intl.NumberFormat('ru-RU').format(size).replace(/\u00a0/g, ' ').split(' ')[0]!, LONG);
  await page.screenshot({ path: `${SCREENS}/audiences-ru.png`, fullPage: true });
  await expectNoAxeViolations(page, 'the audiences screen in Russian');

  // delete, confirmed
  await page.getByRole('button', { name: /^Удалить: / }).click();
  await expect(page.getByRole('dialog')).toContainText('Удалить аудиторию «Повторные, не чемпионы»?');
  await page.getByTestId('audience-confirm-delete').click();
  await expect(page.getByText('Сохранённых аудиторий пока нет')).toBeVisible();
});
