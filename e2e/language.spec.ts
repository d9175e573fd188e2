import { expect, test } from './fixtures';

test('switching to Russian translates the app and survives a reload', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
  await app.chooseLanguage('Русский');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Данные');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Сегменты (RFM)' })).toBeVisible();
  await expect(page.getByTestId('customers-matches')).toHaveText(/^5\s000 из 5\s000 клиентов$/);
  await expect(page.getByTestId('event-types')).toContainText('Заказ');
  await expect(app.customersTable.getByRole('columnheader', { name: 'Телефон' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/data-ru.png', fullPage: true });

  await page.reload();
  await app.waitUntilReady();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Данные');
  await app.chooseLanguage('English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});

test.describe('with a Russian browser', () => {
  test.use({ locale: 'ru-RU' });
  test('the first visit speaks Russian', async ({ app, page }) => {
    await app.open();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Данные');
    await expect(app.workspaceSwitcher).toContainText('Демо');
  });
});
