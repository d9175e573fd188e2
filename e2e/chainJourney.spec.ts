import { chainFileText } from '../src/domain/chains';
import { workedExampleChain } from '../src/domain/chains/testing';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';
import { JourneyPage } from './pages/journeyPage';

test('the CJM map lists the chains serving each stage and marks stages no chain serves', async ({ app, page }) => {
  test.slow();
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  // The simulation spec's worked example serves Consideration.
  const file = chainFileText({ ...workedExampleChain(), name: 'Abandoned cart' });
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'cart.chain.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await chains.waitForEditor();
  await expect(chains.nodes).toHaveCount(workedExampleChain().nodes.length);

  const journey = new JourneyPage(page);
  await journey.open();
  await journey.showTab('cjm');
  const row = page.getByTestId('cjm-chains-row');
  await expect(row.locator('[data-stage="consideration"]')).toContainText('Abandoned cart');
  await expect(row.locator('[data-stage="consideration"]')).toHaveAttribute('data-covered', 'true');
  await expect(row.locator('[data-stage="retention"]')).toHaveAttribute('data-covered', 'false');
  await expect(row.locator('[data-stage="retention"]')).toContainText('no chain yet');
  await row.getByRole('link', { name: 'Abandoned cart' }).click();
  await chains.waitForEditor();
  await expect(page.getByTestId('chain-name')).toHaveValue('Abandoned cart');
});
