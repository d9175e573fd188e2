import { expect, test } from './fixtures';

test('the data-quality view shows fill rates, reachability per channel and events over time', async ({ app, page }) => {
  await app.open();
  await expect(app.statValue('customers')).toHaveText('5,000');
  await page.getByTestId('open-data-quality').click();
  await expect(page.getByRole('heading', { name: 'Data quality' })).toBeVisible();
  await expect(page.getByTestId('quality-customers-value')).toHaveText('5,000', { timeout: 60_000 });
  await expect(page.getByTestId('quality-events-value')).toHaveText(/^[\d,]+$/);
  const emailRow = page.getByTestId('quality-channel-email');
  await expect(emailRow).toContainText('E-mail');
  await expect(emailRow.locator('td').last()).toHaveText(/^[\d,]+ \(\d+(\.\d)?%\)$/);
  await expect(page.getByTestId('quality-fields-email')).toContainText('%');
  await expect(page.getByTestId('quality-attributes')).toContainText('loyalty_tier');
  await expect(page.getByTestId('quality-event-types')).toContainText('Order');
  await expect(page.getByTestId('quality-findings')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Events per month' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('data-quality.png'), fullPage: true });

  await app.chooseLanguage('Русский');
  await expect(page.getByRole('heading', { name: 'Качество данных' })).toBeVisible();
  await expect(page.getByTestId('quality-channel-email')).toContainText('E-mail');
  await expect(page.getByText('Контакты и согласия по каналам')).toBeVisible();
});
