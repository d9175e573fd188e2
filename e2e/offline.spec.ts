import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { ChainsPage } from './pages/chainsPage';
import { RunCanvasPage } from './pages/runCanvasPage';
import { SegmentsPage } from './pages/segmentsPage';
import { latinUiWords } from './russianText';

/**
 * Offline and installable (issue 17): the service worker keeps the whole app, and a new version
 * waits for the user to reload, after pending edits are saved.
 */

/** Waits until the service worker has stored the app and serves this page. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after the first visit the whole app works with the network cut: start-up, demo workspace, segments, a chain from a template', async ({ app, page, context }) => {
  test.slow();
  await app.open();
  await expect(app.statValue('customers')).toHaveText('5,000');
  await waitForOfflineCopy(page);
  // installable: the manifest names the app and has the icons an install needs
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    const response = await fetch(link!.href);
    return (await response.json()) as { name: string; display: string; icons: { sizes: string; purpose?: string }[] };
  });
  expect(manifest.name).toBe('ChainLab');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`)).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await app.waitUntilReady();
  await expect(app.statValue('customers')).toHaveText('5,000');

  // a new workspace filled with demo data, generated with no network
  await app.chooseWorkspaceAction(/New workspace/);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Offline demo');
  await dialog.getByLabel(/generated demo data/).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.workspaceSwitcher).toContainText('Offline demo');
  await expect(app.statValue('customers')).toHaveText('5,000', { timeout: 120_000 });

  // screens loaded on first use, and their workers, come from the stored copy
  await new SegmentsPage(page).open();
  await new RunCanvasPage(page).createFromTemplate('abandoned-cart');
  const chains = new ChainsPage(page);
  await expect(chains.nodesOfKind('trigger')).toHaveCount(1);
  await chains.waitUntilSaved();
  await context.setOffline(false);
});

/** The served build's directory (playwright.config.ts): a test changes its sw.js to publish "a new version". */
const SERVED_SW = join(process.env.E2E_OUT_DIR ?? 'dist', 'sw.js');

test('a new version announces itself, in both languages, and reloading into it keeps an edit made a moment before', async ({ app, page }) => {
  test.slow();
  const originalWorker = readFileSync(SERVED_SW, 'utf8');
  try {
    await app.open();
    await waitForOfflineCopy(page);
    const chains = new ChainsPage(page);
    const triggerId = await chains.startBlankChain();
    await chains.waitUntilSaved();

    // a new build is published: the service worker changes, the page finds it and it waits
    writeFileSync(SERVED_SW, `${originalWorker}\n// a newer build\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version of ChainLab is ready.');
    await expect(prompt).toContainText('your chain edits are saved first');
    await page.screenshot({ path: test.info().outputPath('en-update-prompt.png') });
    await expectNoAxeViolations(page, 'the new-version prompt');

    await app.chooseLanguage('Русский');
    await expect(prompt).toContainText('Готова новая версия ChainLab.');
    await page.screenshot({ path: test.info().outputPath('ru-update-prompt.png') });
    expect(await latinUiWords(page)).toEqual([]);

    // an edit, and Reload at once: the autosave's delay has not passed, the reload waits for it
    await chains.addAfter(triggerId, 'out', 'timer');
    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: 'Перезагрузить' }).click();
    await reloaded;
    await app.waitUntilReady();
    await chains.waitForEditor();
    await expect(chains.nodes).toHaveCount(2);
    await expect(chains.nodesOfKind('timer')).toHaveCount(1);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    await expect(prompt).toBeHidden();
  } finally {
    writeFileSync(SERVED_SW, originalWorker);
  }
});
