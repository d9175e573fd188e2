import { axeViolations } from './a11y';
import { expect, test } from './fixtures';
import { cutOffContent } from './layout';
import { latinUiWords } from './russianText';
import { SCREENS, showScreen } from './screens';

/**
 * The screen walk: every screen and state of screens.ts, in both languages, at a wide and a
 * narrow window. Screenshots go to the test output (`<language>-<width>-<screen>.png`) to be
 * looked at; the checks report every screen before failing (soft expectations).
 */
const WIDTHS = [1440, 800] as const;
/** E2E_SCREENS=data,segments-table walks only those (while fixing one screen). */
const ONLY = process.env.E2E_SCREENS?.split(',');
const WALKED = ONLY ? SCREENS.filter((screen) => ONLY.includes(screen.name)) : SCREENS;
const LANGUAGES = [
  { code: 'en', locale: 'en-GB' },
  { code: 'ru', locale: 'ru-RU' },
] as const;

for (const language of LANGUAGES) {
  test.describe(`in ${language.code === 'ru' ? 'Russian' : 'English'}`, () => {
    test.use({ locale: language.locale });
    for (const width of WIDTHS) {
      const isWide = width === 1440;
      const checks = ['nothing cut off', ...(isWide ? ['WCAG 2 A/AA (axe-core)'] : []), ...(language.code === 'ru' && isWide ? ['no English UI text'] : [])];
      test(`every screen at ${width} px: ${checks.join(', ')}`, async ({ app, page }, testInfo) => {
        test.setTimeout(WALKED.length * 60_000 + 60_000);
        await page.setViewportSize({ width, height: 900 });
        for (const screen of WALKED) {
          await test.step(screen.name, async () => {
            await showScreen(app, screen);
            await page.screenshot({ path: testInfo.outputPath(`${language.code}-${width}-${screen.name}.png`), fullPage: true });
            expect.soft(await cutOffContent(page), `cut off on ${screen.name}`).toEqual([]);
            if (isWide) expect.soft(await axeViolations(page), `WCAG 2 A/AA violations on ${screen.name}`).toEqual([]);
            if (language.code === 'ru' && isWide) expect.soft(await latinUiWords(page), `English UI text on ${screen.name}`).toEqual([]);
          });
        }
      });
    }
  });
}
