import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, test } from './fixtures';
import { clickNavigationLink } from './pages/navigation';

/**
 * A tab left open while ChainLab is updated (issue 17): the new version replaces the screens'
 * code files on the server and in the offline copy, so this tab can no longer fetch the old ones.
 * Here the old files are made unreachable by refusing every request for a screen's code.
 */
test.use({ serviceWorkers: 'block' });

const SCREEN_CODE = /\/assets\/\w+Screen-[\w-]+\.js$/;

async function removeTheScreensCode(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.route(SCREEN_CODE, async (route) => {
    refused.push(route.request().url());
    await route.abort();
  });
  return refused;
}

/** Every screen reached from the navigation, with a text it shows once its code runs. */
const SCREENS: [RegExp, RegExp][] = [
  [/^Segments/, /Segments \(RFM\)/],
  [/^Journey stages/, /Journey stages/],
  [/^Metrics/, /Metrics/],
  [/^Audiences/, /Audiences/],
  [/^Chains/, /Chains/],
  [/^Runs/, /Runs/],
];

test('a tab holds every screen’s code once it is idle: after an update removes the files, each screen still opens', async ({ app, page }) => {
  await app.open();
  // the screens load ahead when the tab is idle; the last one in line is the journey editor
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /\/JourneyScreen-[\w-]+\.js$/.test(entry.name))), { timeout: 60_000 }).toBe(true);
  const refused = await removeTheScreensCode(page);
  for (const [link, heading] of SCREENS) {
    await clickNavigationLink(page, link);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await expect(page.getByTestId('screen-failure')).toHaveCount(0);
  expect(refused).toEqual([]);
});

test('a screen whose code is gone says so and offers a reload; the rest of the app goes on working', async ({ app, page, pageProblems }) => {
  const refused = await removeTheScreensCode(page);
  await app.open();
  await clickNavigationLink(page, /^Segments/);
  const failure = page.getByTestId('screen-failure');
  await expect(failure).toHaveText(/This screen’s code belongs to an older version of ChainLab.*Reload to open it in the new version: your edits are saved first\./);
  await expectNoAxeViolations(page, 'a screen whose code is gone');
  await page.screenshot({ path: test.info().outputPath('en-screen-outdated.png') });

  // the navigation, the workspace menu and the Data screen are untouched
  await clickNavigationLink(page, /^Data/);
  await expect(failure).toHaveCount(0);
  await expect(app.statValue('customers')).toHaveText('5,000');
  await app.chooseLanguage('Русский');
  await clickNavigationLink(page, /^Сегменты/);
  await expect(failure).toContainText('Код этого экрана — от прежней версии ChainLab');
  await page.screenshot({ path: test.info().outputPath('ru-screen-outdated.png') });

  // the new version is there: Reload opens the screen
  expect(refused.some((url) => /SegmentsScreen/.test(url))).toBe(true);
  await page.unroute(SCREEN_CODE);
  await failure.getByRole('button', { name: 'Перезагрузить' }).click();
  await app.waitUntilReady();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(/Сегменты \(RFM\)/);
  await expect(failure).toHaveCount(0);

  // what the browser logged about the refused files is expected here; nothing else may be
  const unexpected = pageProblems.filter((problem) => !/Failed to load resource|Failed to fetch dynamically imported module/.test(problem));
  pageProblems.splice(0, pageProblems.length, ...unexpected);
});

test('a screen whose code cannot be fetched for a moment opens on the next try, with no notice', async ({ app, page, pageProblems }) => {
  let refusals = 0;
  await page.route(/\/assets\/SegmentsScreen-[\w-]+\.js$/, async (route) => {
    if (refusals++ < 2) await route.abort('connectionreset');
    else await route.continue();
  });
  await app.open();
  await clickNavigationLink(page, /^Segments/);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(/Segments \(RFM\)/);
  await expect(page.getByTestId('screen-failure')).toHaveCount(0);
  expect(refusals).toBe(3);

  // the two refused fetches are what the browser logged; nothing else may be
  const unexpected = pageProblems.filter((problem) => !/Failed to load resource/.test(problem));
  pageProblems.splice(0, pageProblems.length, ...unexpected);
});
