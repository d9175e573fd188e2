import type { Page } from '@playwright/test';

/**
 * Follows a link of the side navigation. Below the `md` breakpoint the navigation is a
 * closed drawer behind the "Menu" button, so it is opened first (as a user on a narrow
 * window would); at full width the link is clicked directly.
 */
export async function clickNavigationLink(page: Page, name: RegExp | string): Promise<void> {
  const menuButton = page.getByRole('banner').getByRole('button', { name: /^(Menu|Меню)$/ });
  if (await menuButton.isVisible()) await menuButton.click();
  await page.getByRole('navigation').getByRole('link', { name }).click();
}
