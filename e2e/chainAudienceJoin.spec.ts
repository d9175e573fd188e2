import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { latinUiWords } from './russianText';
import { InspectorPanel } from './pages/inspectorPanel';
import { RunCanvasPage } from './pages/runCanvasPage';

const LONG = { timeout: 120_000 };

/** A count as the canvas prints it ("1 204 entered", "1,204 entered"), as a number. */
function countOf(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

/**
 * Issue 15: a saved audience as a chain trigger in join mode — customers enter on the night they
 * come into it — built through the trigger form, run, and read back as counts on the canvas.
 */
test('a chain whose trigger is "joins a saved audience" runs and shows who entered, in both languages', async ({ app, page }) => {
  test.setTimeout(480_000);
  await app.open('/audiences');
  await page.getByTestId('audience-ready-made').click();
  await page.getByTestId('ready-made-cartAbandoners').click();
  await expect(page.getByTestId('audience-list')).toContainText('Cart abandoners, last 7 days', LONG);

  const run = new RunCanvasPage(page);
  const chains = run.chains;
  const panel = new InspectorPanel(page);
  const triggerId = await chains.startBlankChain();
  await chains.addAfter(triggerId, 'out', 'goal');
  await chains.node(triggerId).click();
  await panel.expectNode('trigger');
  await panel.choose(panel.node, 'Starts when', 'An audience: once, or when a customer joins it');
  // A new audience trigger is a one-off send at a time; the join mode has no time to set.
  await expect(panel.node.getByTestId(/-at-date$/)).toBeVisible();
  await panel.choose(panel.node, 'Enters', 'When a customer joins it (checked daily)');
  await expect(panel.node.getByTestId(/-at-date$/)).toHaveCount(0);
  await expect(panel.node).toContainText('Checked every night at midnight');
  await panel.choose(panel.node, 'Audience', 'A saved audience');
  await panel.choose(panel.node, 'Saved audience', 'Cart abandoners, last 7 days');
  await expect(chains.node(triggerId)).toContainText('Joins the audience "Cart abandoners, last 7 days" (checked daily)');
  await expect(panel.findings).not.toContainText('Choose the audience.');
  await expectNoAxeViolations(page, 'the trigger form in join mode');
  await chains.waitUntilSaved();

  await run.openFromCanvas();
  await run.startAndWait();
  await page.getByTestId('run-close').click();
  await expect(run.dialog).toBeHidden();
  // Demo customers add to cart every week: some join the audience during the 90 days and enter.
  const overlay = run.nodeOverlay(triggerId);
  await expect(overlay).toContainText('entered', LONG);
  const entered = countOf((await chains.node(triggerId).getByTestId('node-overlay-primary').textContent())!);
  expect(entered).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('en-audience-join-trigger.png') });

  await app.chooseLanguage('Русский');
  await expect(chains.node(triggerId)).toContainText('Входит в аудиторию «Cart abandoners, last 7 days» (проверка ежедневно)');
  await chains.node(triggerId).click();
  await expect(panel.node.getByRole('combobox', { name: 'Вход' })).toContainText('Когда клиент входит в неё (проверка ежедневно)');
  await expect(panel.node).toContainText('Проверяется каждую ночь в полночь');
  // The audience's and the chain's names are the user's texts (made in English); the form around them is Russian.
  expect((await latinUiWords(page)).filter((word) => !/^(Cart|abandoners|last|days|New|chain) — in “(.*Cart abandoners, last 7 days|New chain)/.test(word))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('ru-audience-join-trigger.png') });
  await expectNoAxeViolations(page, 'the trigger form in join mode, in Russian');
});
