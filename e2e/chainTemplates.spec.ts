import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';
import { JourneyPage } from './pages/journeyPage';

test('builds a chain from each template of the textbook: event types fitted to the workspace, complete and error-free on the canvas', async ({ app, page }) => {
  // Ten templates, each opened on the canvas: a long walk on a loaded machine.
  test.setTimeout(600_000);
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await page.getByTestId('new-from-template').click();
  const options = page.getByTestId('template-option');
  await expect(options).toHaveCount(10);
  const ids = await options.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-template-id') ?? ''));

  // The abandoned cart's event types exist in the demo data under the same names.
  await page.locator('[data-template-id="abandoned-cart"]').click();
  const details = page.getByTestId('template-details');
  await expect(details.getByRole('heading', { name: 'Abandoned cart' })).toBeVisible();
  await expect(details).toContainText('Textbook');
  // Not "9 step(s), 3 message(s)".
  await expect(details).toContainText('Steps: 9, messages: 3');
  const cartAdd = details.locator('[data-testid="template-event-type"][data-type="cart_add"]');
  await expect(cartAdd).toContainText('same name');
  await expect(cartAdd).toHaveAttribute('data-missing', 'false');
  await expect(details).toContainText('Every event type it uses exists in this workspace.');
  await page.screenshot({ path: test.info().outputPath('template-picker.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();

  for (const [index, id] of ids.entries()) {
    await page.getByTestId('new-from-template').click();
    await page.locator(`[data-template-id="${id}"]`).click();
    const name = (await page.getByTestId('template-details').getByRole('heading').first().textContent())!;
    await page.getByTestId('create-from-template').click();
    await chains.waitForEditor();
    await expect(page.getByTestId('chain-name')).toHaveValue(name);
    await expect(chains.nodesOfKind('trigger')).not.toHaveCount(0);
    await expect(chains.nodesOfKind('message')).not.toHaveCount(0);
    await expect(chains.edges).not.toHaveCount(0);
    // A template is a complete chain: the check finds no error.
    await expect(page.getByTestId('findings-count')).not.toHaveText(/[1-9]\d* error/);
    await expect(page.locator('.react-flow__node [data-testid="node-warning"]')).toHaveCount(0);
    if (id === 'abandoned-cart-split') await page.screenshot({ path: test.info().outputPath('template-on-canvas.png') });
    await page.getByRole('link', { name: 'All chains' }).click();
    await expect(chains.rows).toHaveCount(index + 1);
    await expect(chains.row(name)).toContainText('Ready');
  }
});

test('"make a chain for these" on an inaction list opens the matching template with the list as its trigger (Russian)', async ({ app, page }) => {
  test.slow();
  await app.open();
  await app.chooseLanguage('Русский');
  const journey = new JourneyPage(page);
  await journey.open();
  await journey.showTab('inaction');
  await page.getByTestId('inaction-chain-one_order_no_repeat').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Цепочка для списка «Один заказ, второго нет»' })).toBeVisible();
  await expect(page.getByTestId('template-details')).toContainText('Сделана из списка бездействия «Один заказ, второго нет»');
  await page.screenshot({ path: test.info().outputPath('inaction-chain-ru.png') });
  await page.getByTestId('create-from-template').click();
  const chains = new ChainsPage(page);
  await chains.waitForEditor();
  await expect(page.getByTestId('chain-name')).toHaveValue(/Один заказ, второго нет/);
  // The trigger is the list: a one-off audience.
  await expect(chains.nodesOfKind('trigger')).toContainText('Один заказ, второго нет');
  await expect(page.getByTestId('findings-count')).not.toHaveText(/Ошибок: [1-9]/);
});
