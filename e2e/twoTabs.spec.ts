import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainLabApp } from './pages/chainLabApp';
import { ChainsPage } from './pages/chainsPage';
import { latinUiWords } from './russianText';

/**
 * Two tabs on one workspace (issue 17): a chain is edited in one tab at a time, the other shows it
 * read-only with a notice and follows the edits live, and takes over when the first tab lets go.
 */

/** Console errors of a second tab (the fixtures watch the first one). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a chain open in two tabs: the second is read-only with a notice and follows the edits, then takes over when the first closes it', async ({ app, page, context }) => {
  test.slow();
  await app.open();
  const first = new ChainsPage(page);
  const triggerId = await first.startBlankChain();
  await first.waitUntilSaved();

  const otherTab = await context.newPage();
  const otherErrors = consoleErrors(otherTab);
  const otherApp = new ChainLabApp(otherTab);
  const second = new ChainsPage(otherTab);
  await otherApp.open(new URL(page.url()).pathname);
  const notice = otherTab.getByTestId('chain-locked-notice');
  await expect(notice).toContainText('This chain is being edited in another ChainLab tab');
  await expect(second.nodes).toHaveCount(1);
  await expect(otherTab.getByTestId('chain-editor')).toHaveCount(0);
  await otherTab.screenshot({ path: test.info().outputPath('en-chain-open-elsewhere.png') });
  await expectNoAxeViolations(otherTab, 'a chain being edited in another tab');

  // an edit in the first tab shows in the second once it is saved
  const timerId = await first.addAfter(triggerId, 'out', 'timer');
  await first.waitUntilSaved();
  await expect(second.nodes).toHaveCount(2);
  await expect(second.node(timerId)).toBeVisible();
  // nothing in the read-only view can be changed: the canvas is inert
  await expect(otherTab.getByTestId('chain-open-elsewhere').locator('[inert]')).toHaveCount(1);

  await otherApp.chooseLanguage('Русский');
  await expect(notice).toContainText('Эту цепочку редактируют в другой вкладке ChainLab');
  await otherTab.screenshot({ path: test.info().outputPath('ru-chain-open-elsewhere.png') });
  expect(await latinUiWords(otherTab)).toEqual([]);

  // the first tab closes the chain: the second can edit it now, with the first tab's last edit
  await first.backToList();
  await expect(notice).toBeHidden();
  await second.waitForEditor();
  await expect(second.nodes).toHaveCount(2);
  await second.addAfter(timerId, 'out', 'message');
  await second.waitUntilSaved();

  // and the first tab, opening it again, is the one that waits now
  await first.row('New chain').getByRole('link', { name: 'New chain', exact: true }).click();
  await expect(page.getByTestId('chain-locked-notice')).toBeVisible();
  await expect(first.nodes).toHaveCount(3);

  // the second tab closes: the first one takes the chain over
  await otherTab.close();
  await first.waitForEditor();
  await expect(page.getByTestId('chain-locked-notice')).toBeHidden();
  await expect(first.nodes).toHaveCount(3);
  expect(otherErrors).toEqual([]);
});
