import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainLabApp } from './pages/chainLabApp';
import { ChainsPage } from './pages/chainsPage';
import { latinUiWords } from './russianText';

/** A chain shared as a link (issue 17): the chain travels in the link's fragment and is added in another browser. */
const SCREENS = `${process.env.E2E_RESULTS_DIR ?? 'test-results'}/screens`;

test('a chain shared as a link opens in another browser profile, in Russian, and is added to its workspace', async ({ app, page, browser }) => {
  // two profiles each generate the demo on first visit; slow on a loaded machine
  test.setTimeout(300_000);
  await app.open();
  const chains = new ChainsPage(page);
  await chains.open();
  await page.getByTestId('new-from-template').click();
  await page.locator('[data-template-id="abandoned-cart"]').click();
  const name = (await page.getByTestId('template-details').getByRole('heading').first().textContent())!.trim();
  await page.getByTestId('create-from-template').click();
  await chains.waitForEditor();
  const nodeCount = await chains.nodes.count();
  expect(nodeCount).toBeGreaterThan(3);

  await page.getByTestId('toolbar-export').click();
  await page.getByTestId('export-link').click();
  const dialog = page.getByRole('dialog', { name: 'Share the chain as a link' });
  await expect(dialog).toContainText('a browser never sends that part to any server');
  const field = dialog.getByTestId('share-link');
  await expect(field).toHaveValue(/\/chains\/shared#chain=1\.[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(dialog).toContainText(/[\d,]+ characters/);
  await expectNoAxeViolations(page, 'the share-link dialog');
  await page.screenshot({ path: `${SCREENS}/chain-share-link.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // a workshop participant: another profile, in Russian, opens the link
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  const problems: string[] = [];
  other.on('pageerror', (error) => problems.push(error.message));
  other.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await new ChainLabApp(other).open(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByRole('heading', { level: 1, name: 'С вами поделились цепочкой' })).toBeVisible();
  const shared = other.getByTestId('shared-chain');
  await expect(shared.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(shared).toContainText(`Узлов: ${nodeCount}`);
  await expect(shared).toContainText('Она будет добавлена в пространство «Демо»');
  await expectNoAxeViolations(other, 'the shared chain screen (Russian)');
  expect(await latinUiWords(other)).toEqual([]);
  await other.screenshot({ path: `${SCREENS}/chain-shared-ru.png` });

  await other.getByRole('button', { name: 'Добавить в пространство' }).click();
  await expect(other.getByTestId('chain-editor')).toBeVisible();
  await expect(other.getByTestId('notice')).toContainText(`Цепочка «${name}» добавлена по ссылке.`);
  await expect(other.locator('.react-flow__node')).toHaveCount(nodeCount);
  await expect(other).toHaveURL(/\/chains\/[^/#]+$/);

  // a link cut short by a mail app: said plainly, nothing is added
  await other.goto(link.replace(/^https?:\/\/[^/]+/, '').slice(0, -40));
  await expect(other.getByTestId('shared-chain-problem')).toContainText('Ссылка обрезана или повреждена');
  await expect(other.getByRole('button', { name: 'Добавить в пространство' })).toHaveCount(0);
  await other.getByRole('button', { name: 'К цепочкам' }).click();
  await expect(other.getByTestId('chain-row').filter({ hasText: name })).toHaveCount(1);
  expect(problems).toEqual([]);
  await context.close();
});
