import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { RunCanvasPage } from './pages/runCanvasPage';
import { latinUiWords } from './russianText';

test('в русском: прогон шаблона «Брошенная корзина», цифры на карточках и связях словами по-русски, без английского текста', async ({ app, page }) => {
  test.setTimeout(420_000);
  await app.open();
  await app.chooseLanguage('Русский');
  const run = new RunCanvasPage(page);
  await run.runTemplate('abandoned-cart');

  // Every card says how many entered, in Russian words ("вошли 5 669"); exits and what happened, too.
  const ids = await run.chains.nodeIds();
  for (const id of ids) await expect(run.nodeOverlay(id)).toContainText(/вош(ёл|ли) \d/);
  const message = run.chains.nodesOfKind('message').first();
  await expect(message.getByTestId('node-overlay')).toContainText(/отправлено \d/i);
  await expect(message.getByTestId('node-overlay')).toHaveAttribute('aria-label', /вош(ёл|ли) \d/);
  for (const edge of await run.chains.edgeList()) await expect(run.edgeLabel(edge)).toHaveText(/^\d[\d\s,. ]*$/);
  await expect(page.getByTestId('run-picker')).not.toContainText('Abandoned');

  // Fitted: no card covers another, the figures stay a 24-px target; nothing in English, axe clean.
  await run.fitView();
  expect(await run.overlappingCards()).toEqual([]);
  await expect.poll(() => run.smallestFiguresTarget()).toBeGreaterThanOrEqual(23.9);
  expect(await latinUiWords(page)).toEqual([]);
  await expectNoAxeViolations(page, 'холст с цифрами прогона');
  await page.screenshot({ path: test.info().outputPath('ru-counts-on-canvas.png') });
});
