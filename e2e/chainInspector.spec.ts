import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { latinUiWords } from './russianText';
import type { Page } from '@playwright/test';
import { ChainsPage } from './pages/chainsPage';
import { ImportPage } from './pages/importPage';
import { InspectorPanel } from './pages/inspectorPanel';

/**
 * The side panel of the chain editor, driven as a user would: each node kind configured through
 * its form (names offered from the demo's data with counts), the card text and the findings
 * following every edit, the message preview for a real customer, the chain settings.
 */
test('configures every node kind and the chain settings through the side panel', async ({ app, page }) => {
  test.setTimeout(480_000);
  await app.open();
  const chains = new ChainsPage(page);
  const panel = new InspectorPanel(page);
  const triggerId = await chains.startBlankChain();

  // Trigger: the event is picked from the data's event types, each offered with its count.
  await chains.node(triggerId).click();
  await panel.expectNode('trigger');
  await expectNoAxeViolations(page, 'the trigger form');
  await expect(panel.findings).toContainText('Choose the event that starts the chain.');
  const offered = await panel.pick(panel.node, 'Event', /^Add to cart/);
  expect(offered).toMatch(/^Add to cart.*\d/);
  await expect(chains.node(triggerId)).toContainText('Add to cart');
  await panel.expectFindingGone(chains.node(triggerId), 'Choose the event that starts the chain.');
  // …with a condition on the event's amount.
  await panel.node.getByRole('button', { name: 'Add a condition on the event' }).click();
  await panel.choose(panel.node, 'Comparison', 'at least (≥)');
  await panel.node.getByRole('textbox', { name: 'Amount' }).fill('1500');
  await expect(chains.node(triggerId)).toContainText(/1[\s,.\u00a0\u202f]?500/);

  // Message: a finding for the missing subject and text, cleared by typing them; a field
  // inserted with its fallback at the caret; the preview for a random real customer.
  const messageId = await chains.addAfter(triggerId, 'out', 'message');
  await panel.expectNode('message');
  await expectNoAxeViolations(page, 'the message form');
  await expect(panel.findings).toContainText('An email needs a subject.');
  await expect(chains.node(messageId).getByTestId('node-warning')).toBeVisible();
  await panel.node.getByRole('textbox', { name: 'Subject' }).fill('Your cart is waiting');
  const body = panel.node.getByRole('textbox', { name: 'Text' });
  await body.fill(', the shoes are still in your cart.');
  await body.press('Home');
  await panel.pick(panel.node, 'Field', /^first name/);
  await panel.node.getByRole('textbox', { name: 'Fallback' }).fill('Dear customer');
  await panel.node.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(body).toHaveValue('{{firstName|Dear customer}}, the shoes are still in your cart.');
  await expect(chains.node(messageId)).toContainText('Email · "Your cart is waiting"');
  await panel.expectFindingGone(chains.node(messageId), 'An email needs a subject.');
  await panel.expectFindingGone(chains.node(messageId), 'The message has no text yet.');
  await panel.node.getByRole('button', { name: 'Random customer' }).click();
  const preview = page.getByTestId('inspector-preview-for');
  await expect(preview).toBeVisible();
  await expectNoAxeViolations(page, 'the message preview');
  // A random customer may have no e-mail: the preview says so instead of an address.
  await expect(page.getByTestId('preview-recipient')).toContainText(/To: (.+@|no contact for this channel)/);
  await expect(page.getByTestId('preview-subject')).toHaveText('Your cart is waiting');
  const firstName = page.getByTestId('preview-fields').locator('dd').first();
  await expect(firstName).toContainText(/\((their value|fallback)\)/);
  await expect(page.getByTestId('preview-body')).not.toContainText('{{');
  await expect(page.getByTestId('preview-body')).toContainText(', the shoes are still in your cart.');
  // Switching to SMS: no subject, the text counted in characters and parts.
  await panel.choose(panel.node, 'Channel', 'SMS');
  await expect(panel.node.getByRole('textbox', { name: 'Subject' })).toHaveCount(0);
  await expect(panel.node).toContainText(/\d+ characters · 1 SMS/);
  await expect(page.getByTestId('preview-message')).toHaveAttribute('data-channel', 'sms');
  await expect(chains.node(messageId)).toContainText('SMS ·');

  // Timer: a fixed wait edited in place, then turned into "wait for an event" (the time carries
  // over as its timeout, its exit becomes the timeout path and a "happened" exit appears).
  await chains.tool('fit').click();
  const timerId = await chains.addAfter(messageId, 'out', 'timer');
  await panel.expectNode('timer');
  await expectNoAxeViolations(page, 'the timer form');
  await panel.node.getByRole('textbox', { name: 'How long' }).fill('3');
  await expect(chains.node(timerId)).toContainText('Wait 3 days');
  await panel.choose(panel.node, 'Wait', 'For an event, up to a time');
  await expect(chains.node(timerId)).toContainText('Wait up to 3 days for Order');
  await expect(chains.node(timerId).locator('.react-flow__handle.source[data-handleid="happened"]')).toHaveCount(1);
  await panel.pick(panel.node, 'Wait for', /^Add to cart/);
  await expect(chains.node(timerId)).toContainText('Wait up to 3 days for Order or Add to cart');

  // Filter: a finding until it has a condition; an RFM segment offered with its customers.
  await chains.tool('fit').click();
  const filterId = await chains.addAfter(timerId, 'timeout', 'filter');
  await panel.expectNode('filter');
  await expectNoAxeViolations(page, 'the filter form');
  await expect(panel.findings).toContainText('A filter without conditions');
  await panel.node.getByRole('button', { name: 'Add condition' }).click();
  await panel.choose(panel.node, 'Condition', 'RFM segment');
  await panel.pick(panel.node, 'Segments', /^Champions/);
  await expect(chains.node(filterId)).toContainText(/Champions/);
  await panel.expectFindingGone(chains.node(filterId), 'A filter without conditions');

  // Split: a third branch spreads the weights evenly; a typed weight breaks the total (a finding),
  // "Even out" mends it.
  await chains.tool('fit').click();
  const splitId = await chains.addAfter(filterId, 'yes', 'split');
  await panel.expectNode('split');
  await expectNoAxeViolations(page, 'the split form');
  await panel.node.getByRole('button', { name: 'Add branch' }).click();
  await expect(chains.node(splitId)).toContainText('34 %');
  await page.getByTestId('inspector-split-branch-0-weight').fill('50');
  await expect(page.getByTestId('inspector-split-total')).toContainText('must add up to 100 %');
  await expect(panel.findings).toContainText('Branch weights add up to');
  await panel.node.getByRole('button', { name: 'Even out' }).click();
  await expect(page.getByTestId('inspector-split-total')).toHaveText('Total: 100 %');
  await panel.expectFindingGone(chains.node(splitId), 'Branch weights add up to');
  await page.getByTestId('inspector-split-branch-2-holdout').check();
  await expect(chains.node(splitId)).toContainText('(holdout)');

  // Goal / exit.
  await chains.tool('fit').click();
  const goalId = await chains.addAfter(splitId, (await splitPorts(chains, splitId))[0]!, 'goal');
  await panel.expectNode('goal');
  await expectNoAxeViolations(page, 'the goal form');
  await expect(chains.node(goalId)).toContainText('Goal reached');
  await panel.node.getByRole('radio', { name: 'Exit' }).check();
  await expect(chains.node(goalId)).toContainText('Exit');

  // Chain settings, with nothing selected: the stage served (offered with its customers), re-entry
  // after a cool-down, the goal event (a finding while it has none), a control group, a frequency
  // cap, quiet hours that would be empty (a finding) and then fixed.
  await chains.canvas.click({ position: { x: 20, y: 20 } });
  await expect(panel.settings).toBeVisible();
  await expectNoAxeViolations(page, 'the chain settings');
  const stage = await panel.pick(panel.settings, 'Journey stage served', /^Consideration/);
  expect(stage).toMatch(/^Consideration.*\d/);
  await panel.choose(panel.settings, 'A customer may enter', 'Again after a cool-down');
  await panel.settings.getByRole('textbox', { name: 'Cool-down after leaving' }).fill('14');
  await expect(panel.settings.getByRole('switch', { name: 'The chain has a goal event' })).toBeChecked();
  await panel.settings.getByRole('button', { name: 'Order' }).locator('svg').click();
  await expect(panel.findings).toContainText('The goal is on but has no event');
  await panel.pick(panel.settings, 'Goal event', /^Order/);
  await expect(panel.findings).toHaveText('Nothing to fix here.');
  await panel.settings.getByRole('textbox', { name: 'Control group' }).fill('10');
  await panel.settings.getByRole('switch', { name: 'Frequency cap' }).check();
  await panel.settings.getByRole('textbox', { name: 'Messages', exact: true }).fill('2');
  await expect(panel.settings.getByRole('switch', { name: 'Quiet hours' })).toBeChecked();
  await panel.settings.getByRole('textbox', { name: 'From', exact: true }).fill('9:00');
  await expect(panel.findings).toContainText('Quiet hours start and end at the same time');
  await panel.settings.getByRole('textbox', { name: 'From', exact: true }).fill('2130');
  await expect(panel.findings).toHaveText('Nothing to fix here.');
  // A control group over its limit stays in the field with the reason, and is not taken.
  await panel.settings.getByRole('textbox', { name: 'Control group' }).fill('120');
  await expect(panel.settings).toContainText('At most 90.');
  await panel.settings.getByRole('textbox', { name: 'Control group' }).fill('10');

  // Everything set through the panel is saved: after a reload the forms show it again.
  await chains.waitUntilSaved();
  await page.reload();
  await app.waitUntilReady();
  await chains.waitForEditor();
  await expect(panel.settings.getByRole('textbox', { name: 'Control group' })).toHaveValue('10');
  await chains.node(messageId).click();
  await expect(panel.node.getByRole('textbox', { name: 'Text' })).toHaveValue('{{firstName|Dear customer}}, the shoes are still in your cart.');
  await page.screenshot({ path: test.info().outputPath('panel-message-en.png') });
});

/** Every text of the panel in Russian (no English left), and it passes the WCAG 2 A/AA audit. */
async function expectRussianAndAccessible(page: Page, label: string): Promise<void> {
  expect(await latinUiWords(page), `English UI text on ${label}`).toEqual([]);
  await expectNoAxeViolations(page, label);
}

test('the side panel in Russian: every node kind, a finding that clears, the preview, the settings', async ({ app, page }) => {
  test.setTimeout(480_000);
  await app.open();
  await app.chooseLanguage('Русский');
  const chains = new ChainsPage(page);
  const panel = new InspectorPanel(page);
  const triggerId = await chains.startBlankChain();

  await chains.node(triggerId).click();
  await panel.expectNode('trigger');
  await expect(panel.findings).toContainText('Выберите событие, которое запускает цепочку.');
  await expectRussianAndAccessible(page, 'the trigger form (ru)');
  const offered = await panel.pick(panel.node, 'Событие', /^Добавление в корзину/);
  expect(offered).toMatch(/^Добавление в корзину.*\d/);
  await expect(chains.node(triggerId)).toContainText('Добавление в корзину');
  await panel.expectFindingGone(chains.node(triggerId), 'Выберите событие');

  const messageId = await chains.addAfter(triggerId, 'out', 'message');
  await panel.expectNode('message');
  await expect(panel.findings).toContainText('У письма должна быть тема.');
  await expectRussianAndAccessible(page, 'the message form (ru)');
  await panel.node.getByRole('textbox', { name: 'Тема' }).fill('Вы забыли товар');
  await panel.node.getByRole('textbox', { name: 'Текст', exact: true }).fill('{{firstName|Здравствуйте}}, товары ждут вас в корзине.');
  await expect(chains.node(messageId)).toContainText('Email · «Вы забыли товар»');
  await panel.expectFindingGone(chains.node(messageId), 'У письма должна быть тема.');
  await panel.expectFindingGone(chains.node(messageId), 'У сообщения пока нет текста.');
  await panel.node.getByRole('button', { name: 'Случайный клиент' }).click();
  await expect(page.getByTestId('inspector-preview-for')).toBeVisible();
  await expect(page.getByTestId('preview-subject')).toHaveText('Вы забыли товар');
  await expect(page.getByTestId('preview-body')).toContainText(', товары ждут вас в корзине.');
  await expect(page.getByTestId('preview-body')).not.toContainText('{{');
  await expectRussianAndAccessible(page, 'the message preview (ru)');

  const timerId = await chains.addAfter(messageId, 'out', 'timer');
  await panel.expectNode('timer');
  await panel.node.getByRole('textbox', { name: 'Сколько' }).fill('3');
  await expect(chains.node(timerId)).toContainText('Ждать 3 дня');
  await expectRussianAndAccessible(page, 'the timer form (ru)');

  const filterId = await chains.addAfter(timerId, 'out', 'filter');
  await panel.expectNode('filter');
  await expect(panel.findings).toContainText('Фильтр без условий');
  await expectRussianAndAccessible(page, 'the filter form (ru)');

  const splitId = await chains.addAfter(filterId, 'yes', 'split');
  await panel.expectNode('split');
  await panel.node.getByRole('button', { name: 'Добавить ветку' }).click();
  await expect(chains.node(splitId)).toContainText('34 %');
  await expectRussianAndAccessible(page, 'the split form (ru)');

  const goalId = await chains.addAfter(filterId, 'no', 'goal');
  await panel.expectNode('goal');
  await panel.node.getByRole('radio', { name: 'Выход' }).check();
  await expect(chains.node(goalId)).toContainText('Выход');
  await expectRussianAndAccessible(page, 'the goal form (ru)');

  await chains.canvas.click({ position: { x: 20, y: 20 } });
  await expect(panel.settings).toBeVisible();
  const stage = await panel.pick(panel.settings, 'Обслуживает этап', /^Выбор/);
  expect(stage).toMatch(/^Выбор.*\d/);
  await expectRussianAndAccessible(page, 'the chain settings (ru)');

  await chains.waitUntilSaved();
  await page.reload();
  await app.waitUntilReady();
  await chains.waitForEditor();
  await chains.node(messageId).click();
  await expect(panel.node.getByRole('textbox', { name: 'Тема' })).toHaveValue('Вы забыли товар');
  await page.screenshot({ path: test.info().outputPath('panel-message-ru.png') });
});

test('a customer name with markup, imported from a file, shows as text in the message preview', async ({ app, page }) => {
  test.setTimeout(300_000);
  const hostile = '<img src=x onerror=alert(1)>';
  page.on('dialog', (dialog) => {
    throw new Error(`a script from customer data ran: ${dialog.message()}`);
  });
  await app.open();
  const importPage = new ImportPage(page);
  await importPage.open();
  const csv = `customer_id,first_name,email\nhostile-1,${hostile},hostile-1@example.com\n`;
  await page.getByTestId('import-file-input').setInputFiles({ name: 'customers_markup.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importPage.mappingFor('first_name')).toHaveText(/First name/);
  await importPage.runButton.click();
  await expect(importPage.report).toBeVisible({ timeout: 60_000 });

  const chains = new ChainsPage(page);
  const panel = new InspectorPanel(page);
  const messageId = await chains.addAfter(await chains.startBlankChain(), 'out', 'message');
  await panel.expectNode('message');
  await panel.node.getByRole('textbox', { name: 'Subject' }).fill('Hello {{firstName|friend}}');
  await panel.node.getByRole('textbox', { name: 'Text', exact: true }).fill('{{firstName|friend}}, your cart is waiting.');
  await expect(chains.node(messageId)).toContainText('Email ·');
  await page.getByTestId('inspector-preview-customer').fill('hostile-1');
  await page.getByRole('listbox').getByRole('option').first().click();
  const preview = page.getByTestId('inspector-preview-for');
  await expect(preview).toHaveAttribute('data-customer-id', 'hostile-1');
  await expect(page.getByTestId('preview-body')).toContainText(`${hostile}, your cart is waiting.`);
  await expect(page.getByTestId('preview-subject')).toHaveText(`Hello ${hostile}`);
  // Shown as text: no element was made from it.
  await expect(page.getByTestId('preview-message').locator('img')).toHaveCount(0);
});

/** The split's exits as the canvas shows them. */
async function splitPorts(chains: ChainsPage, splitId: string): Promise<string[]> {
  return chains.node(splitId).locator('.react-flow__handle.source').evaluateAll((handles) => handles.map((handle) => handle.getAttribute('data-handleid') ?? ''));
}
