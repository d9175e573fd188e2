import { bigChain } from '../bench/suites/chains';
import { chainFileText } from '../src/domain/chains';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';

/**
 * Zoomed far out (under 25 %), a chain's cards are drawn plain (issue 12's frame rate on a
 * 300-node chain): the kind's colour as a title bar, the texts not painted but still there for
 * screen readers, the cards the same size; zoomed in, the full cards are back.
 */
test('zoomed far out the cards are plain, the same size, their text kept for screen readers; zoomed in they are full again', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'big.chain.json', mimeType: 'application/json', buffer: Buffer.from(chainFileText(bigChain(80))) });
  await chains.waitForEditor();
  const canvas = page.getByTestId('chain-canvas');
  const trigger = page.locator('[data-testid="chain-node"][data-kind="trigger"]');
  const zoom = async () => Number((await page.locator('.react-flow__viewport').getAttribute('style'))?.match(/scale\(([\d.]+)\)/)?.[1]);
  // The trigger card's height in canvas units, its box and the zoom read in the same frame.
  const cardHeight = () => trigger.evaluate((card) => card.getBoundingClientRect().height / new DOMMatrix(getComputedStyle(card.closest('.react-flow__viewport')!).transform).a);
  // The fitted 80-node chain is far out: plain cards.
  await expect(canvas).toHaveClass(/cl-plain/, { timeout: 60_000 });
  expect(await zoom()).toBeLessThan(0.25);
  const summary = (await trigger.getByTestId('node-summary').textContent())!;
  expect(summary.length).toBeGreaterThan(0);
  await expect(trigger.getByTestId('node-summary')).toBeHidden();
  await expect(trigger.locator('.cl-node__kind')).toBeVisible();
  await expect(trigger.locator('.cl-node__head')).toHaveCSS('background-color', 'rgb(123, 63, 228)');
  await expect(trigger.getByRole('img', { name: summary, exact: true })).toHaveCount(1);
  const plainHeight = await cardHeight();
  await expectNoAxeViolations(page, 'a large chain zoomed far out, plain cards');

  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  while (((await zoom()) ?? 1) < 0.25) await zoomIn.click();
  await expect(canvas).not.toHaveClass(/cl-plain/);
  await expect(trigger.getByTestId('node-summary')).toBeVisible();
  await expect(trigger.getByRole('img', { name: summary, exact: true })).toHaveCount(0);
  await expect(trigger.locator('.cl-node__head')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  // The card kept its size: no link or row moved when the zoom crossed 25 %.
  await expect.poll(async () => Math.abs((await cardHeight()) - plainHeight)).toBeLessThan(1);
});
