import { expect, type Page } from '@playwright/test';

/** The size the audience count shows once it is current (the worker's answer for what is on screen); it has none while a count runs. */
export async function settledSize(page: Page): Promise<number> {
  const count = page.getByTestId('audience-count');
  await expect(count).toHaveAttribute('data-size', /\d+/, { timeout: 90_000 });
  return Number(await count.getAttribute('data-size'));
}
