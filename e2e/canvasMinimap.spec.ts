import { bigChain } from '../bench/suites/chains';
import { chainFileText } from '../src/domain/chains';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';
import { RunCanvasPage } from './pages/runCanvasPage';

/**
 * The canvas's minimap (issue 11): a template-sized chain is seen whole after "fit", so no map
 * covers its bottom-right cards; a large chain gets the map; the controls show or hide it.
 */
test('the minimap: hidden on a template, shown on a large chain, and toggled from the controls', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  const chains = new ChainsPage(page);
  await new RunCanvasPage(page).createFromTemplate('abandoned-cart');
  const minimap = page.locator('.react-flow__minimap');
  const toggle = page.getByTestId('canvas-minimap-toggle');
  await expect(minimap).toHaveCount(0);
  await expect(toggle).toHaveAccessibleName('Show the minimap');
  await toggle.click();
  await expect(minimap).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'the canvas with the minimap shown from its control');
  await toggle.click();
  await expect(minimap).toHaveCount(0);

  await chains.open();
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'big.chain.json', mimeType: 'application/json', buffer: Buffer.from(chainFileText(bigChain(80))) });
  await chains.waitForEditor();
  await expect(minimap).toBeVisible({ timeout: 60_000 });
  await app.chooseLanguage('Русский');
  await expect(toggle).toHaveAccessibleName('Скрыть мини-карту');
  await toggle.click();
  await expect(minimap).toHaveCount(0);
});
