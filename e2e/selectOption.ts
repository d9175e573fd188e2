import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Chooses an option of a drop-down (MUI Select) as a user does. On a loaded machine a click can
 * reach the menu while it is still opening and be lost: the list stays open and nothing is chosen
 * (import.spec's hand mapping failed so in a CI run). A user clicks again, and so does this, until
 * the list has closed on the choice.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const listbox = page.getByRole('listbox');
  await expect(async () => {
    if (!(await listbox.isVisible())) await combobox.click();
    await listbox.getByRole('option', { name: option }).click({ timeout: 5_000 });
    await expect(listbox).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
