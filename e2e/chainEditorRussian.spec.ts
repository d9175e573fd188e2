import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';

test('the whole flow in Russian: build, a refused link, insert, a finding that clears, undo, versions, export', async ({ app, page }) => {
  test.slow();
  await app.open();
  await app.chooseLanguage('Русский');
  const chains = new ChainsPage(page);
  await chains.open();
  await expect(page.getByText('Цепочек пока нет')).toBeVisible();
  await page.getByRole('button', { name: 'Новая цепочка' }).click();
  await chains.waitForEditor();
  await expect(page.getByTestId('chain-name')).toHaveValue('Новая цепочка');
  const triggerId = (await chains.nodeIds())[0]!;
  await expect(chains.node(triggerId)).toContainText('Триггер');

  await chains.insertAtPort(triggerId, 'out', 'message');
  const messageId = (await chains.nodeIds())[1]!;
  await expect(chains.node(messageId)).toContainText('Сообщение');
  // The new step is the one selected: the panel shows it.
  await expect(page.getByTestId('inspector-node')).toHaveAttribute('data-node-id', messageId);
  await expect(chains.findings.filter({ hasText: 'У сообщения пока нет текста' })).toHaveCount(1);
  await expect(chains.node(messageId).getByTestId('node-warning')).toBeVisible();

  await chains.dragFromPalette('trigger', { x: 0.8, y: 0.3 });
  await expect(chains.nodesOfKind('trigger')).toHaveCount(2);
  const secondTrigger = (await chains.nodeIds())[2]!;
  await chains.connectToNode(messageId, 'out', secondTrigger);
  await expect(page.getByRole('alert').filter({ hasText: 'Нельзя соединить: Триггер начинает цепочку' })).toBeVisible();

  await chains.insertOnEdge((await chains.edgeList())[0]!, 'timer');
  await expect(chains.nodesOfKind('timer')).toHaveCount(1);
  await expect(chains.nodesOfKind('timer')).toContainText('Ждать 1 день');

  // Deleting the message clears its findings; undo brings them back. The refusal notice is
  // closed and the canvas fitted first: the message sits at the canvas's lower edge, where the
  // notice (it stays a while on a slow machine) or the minimap would take the click.
  const refusal = page.getByRole('alert').filter({ hasText: 'Нельзя соединить' });
  if (await refusal.isVisible()) await refusal.getByRole('button', { name: /Закрыть|Close/ }).click();
  await expect(refusal).toBeHidden();
  await page.getByTestId('toolbar-fit').click();
  await chains.node(messageId).click();
  await page.keyboard.press('Delete');
  await expect(chains.findings.filter({ hasText: 'У сообщения пока нет текста' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Отменить/ }).click();
  await expect(chains.findings.filter({ hasText: 'У сообщения пока нет текста' })).toHaveCount(1);
  await chains.waitUntilSaved();
  await expect(chains.saveStatus).toHaveText('Сохранено');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Сочетания клавиш' })).toContainText('Дублировать выделенное');
  await page.getByRole('button', { name: 'Закрыть' }).click();

  await page.getByRole('button', { name: 'Версии' }).click();
  await expect(page.getByRole('dialog', { name: 'Версии и история' })).toBeVisible();
  await page.getByRole('button', { name: 'Закрыть' }).click();
  await page.screenshot({ path: test.info().outputPath('editor-ru-1440.png') });

  await page.getByRole('link', { name: 'Все цепочки' }).click();
  await expect(chains.row('Новая цепочка')).toContainText('Ошибок');
  await page.screenshot({ path: test.info().outputPath('list-ru-1440.png') });
});

for (const language of ['en', 'ru'] as const) {
  test(`the editor and the list fit an 800 px window (${language})`, async ({ app, page }) => {
    await page.setViewportSize({ width: 800, height: 900 });
    await app.open();
    if (language === 'ru') await app.chooseLanguage('Русский');
    await page.goto('/chains');
    const chains = new ChainsPage(page);
    await page.getByTestId('new-blank').click();
    await chains.waitForEditor();
    const triggerId = (await chains.nodeIds())[0]!;
    await chains.insertAtPort(triggerId, 'out', 'filter');
    await expect(chains.nodes).toHaveCount(2);
    await expect(page.getByTestId('palette')).toBeVisible();
    await expect(page.getByTestId('findings')).toBeVisible();
    // Nothing runs off the right edge of the window.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(800);
    await page.screenshot({ path: test.info().outputPath(`editor-${language}-800.png`), fullPage: true });
    await page.goto('/chains');
    await expect(chains.rows).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath(`list-${language}-800.png`), fullPage: true });
  });
}
