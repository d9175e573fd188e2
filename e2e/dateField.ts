import { expect, type Page } from '@playwright/test';

/**
 * Types a calendar date into the app's DateField (MUI X Date Picker) as a user does: into the
 * day, month and year sections. Both interface languages write dates day first (01.05.2026,
 * 01/05/2026), so the digits go in that order.
 */
export async function setDate(page: Page, testId: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-');
  const field = page.getByTestId(testId);
  const sections = field.getByRole('spinbutton');
  await expect(sections).toHaveCount(3);
  await sections.first().click();
  await page.keyboard.type(`${day}${month}${year}`);
  await page.keyboard.press('Tab');
}
