import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

const LONG = { timeout: 120_000 };

test.describe.configure({ timeout: 300_000 });

async function exportHeader(page: Page, start: () => Promise<void>): Promise<string[]> {
  const downloading = page.waitForEvent('download');
  await start();
  const download = await downloading;
  const parsed = Papa.parse<string[]>(await readFile((await download.path())!, 'utf8'), { skipEmptyLines: true });
  return parsed.data[0]!;
}

/** Issue 15: the CSV export's chosen columns are remembered per workspace — after a reload, for another audience too; Cancel keeps the last choice. */
test('the audience export remembers the chosen columns', async ({ app, page }) => {
  await app.open('/audiences');
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-oneTimeBuyers').click();
  await expect(page.getByTestId('audience-count')).toHaveAttribute('data-size', /\d+/, LONG);

  await page.getByTestId('audience-export-columns').click();
  await page.getByTestId('audience-column-phone').getByRole('checkbox').uncheck();
  await page.getByTestId('audience-column-consent.email').getByRole('checkbox').check();
  await page.getByTestId('audience-column-orders').getByRole('checkbox').check();
  const chosen = ['Customer id', 'Name', 'Email', 'Consent: Email', 'Orders'];
  expect(await exportHeader(page, () => page.getByTestId('audience-columns-export').click())).toEqual(chosen);

  // A choice dropped with Cancel changes nothing.
  await page.getByTestId('audience-export-columns').click();
  await page.getByTestId('audience-column-name').getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // After a reload, another audience exports with the same columns, and the chooser shows them.
  await page.reload();
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-cartAbandoners').click();
  await expect(page.getByTestId('audience-count')).toHaveAttribute('data-size', /\d+/, LONG);
  expect(await exportHeader(page, () => page.getByTestId('audience-export').click())).toEqual(chosen);
  await page.getByTestId('audience-export-columns').click();
  await expect(page.getByTestId('audience-column-orders').getByRole('checkbox')).toBeChecked();
  await expect(page.getByTestId('audience-column-phone').getByRole('checkbox')).not.toBeChecked();
});
