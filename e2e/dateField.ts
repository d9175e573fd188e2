import { expect, type Page } from '@playwright/test';

/**
 * Types a calendar date into the app's DateField (MUI X Date Picker) as a user does: into the
 * day, month and year sections. Both interface languages write dates day first (01.05.2026,
 * 01/05/2026), so the digits go in that order.
 *
 * On a loaded machine the field can re-render between the click and the keys (its screen is
 * still computing), and the keys then land nowhere; so the sections are read back and the
 * typing repeated until they show the date, as a user would retype it.
 */
export async function setDate(page: Page, testId: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const field = page.getByTestId(testId);
  const sections = field.getByRole('spinbutton');
  await expect(sections).toHaveCount(3);
  await expect(async () => {
    await sections.first().click();
    await page.keyboard.type(`${day}${month}${year}`);
    await expect(sections.nth(0)).toHaveText(day!, { timeout: 2_000 });
    await expect(sections.nth(1)).toHaveText(month!, { timeout: 2_000 });
    await expect(sections.nth(2)).toHaveText(year!, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press('Tab');
}
