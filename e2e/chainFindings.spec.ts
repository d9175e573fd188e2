import { bigChain } from '../bench/suites/chains';
import { chainFileText } from '../src/domain/chains';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';

/** A large unfinished chain: the check's findings list shows the first 30, errors first, until all are asked for. */
test('a chain with many findings lists the first 30 and shows all on request', async ({ app, page }) => {
  test.setTimeout(240_000);
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  const file = chainFileText(bigChain(80));
  await page.getByTestId('import-chain-input').setInputFiles({ name: 'big.chain.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await chains.waitForEditor();
  const findings = page.getByTestId('finding');
  await expect(findings).toHaveCount(30, { timeout: 60_000 });
  const showAll = page.getByTestId('findings-show-all');
  const total = Number(/\((\d+)\)/.exec((await showAll.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(30);
  await expectNoAxeViolations(page, 'the findings list with more than 30 findings');
  await showAll.click();
  await expect(findings).toHaveCount(total);
  await expect(showAll).toHaveCount(0);

  await app.chooseLanguage('Русский');
  await page.reload();
  await chains.waitForEditor();
  await expect(page.getByTestId('findings-show-all')).toHaveText(`Показать все (${total})`, { timeout: 60_000 });
});
