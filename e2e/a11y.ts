import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.0, 2.1 and 2.2 success criteria of levels A and AA that axe-core can test. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Audits what is on the page now with axe-core against WCAG 2 A/AA and fails with a readable
 * list of every violation (rule, impact, the elements and why). Call it on every screen and in
 * every state a user opens (dialogs, drawers, menus, tabs): open the state first, wait for its
 * content, then audit.
 *
 * ```ts
 * import { expectNoAxeViolations } from './a11y';
 * await page.getByRole('button', { name: 'New chain' }).click();
 * await expectNoAxeViolations(page, 'new chain dialog');
 * ```
 *
 * `include` narrows the audit to a part of the page (a CSS selector); nothing is excluded: a
 * violation is fixed where it is made, in the shared component when it comes from one.
 */
export async function expectNoAxeViolations(page: Page, label: string, options: { include?: string } = {}): Promise<void> {
  expect(await axeViolations(page, options), `axe-core WCAG 2 A/AA violations on ${label}`).toEqual([]);
}

/** The violations themselves, for a walk that reports every screen (`expect.soft`). */
export async function axeViolations(page: Page, { include }: { include?: string } = {}): Promise<{ rule: string; count: number; nodes: string[] }[]> {
  await waitForTransitionsToEnd(page);
  let builder = new AxeBuilder({ page }).withTags(WCAG_AA_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    rule: `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}`,
    count: violation.nodes.length,
    nodes: violation.nodes.slice(0, 8).map((node) => `${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  }));
}

/**
 * Waits until every finite CSS transition and animation on the page has ended, so that axe
 * measures the colours a user looks at rather than a frame in between (a button fading from its
 * disabled grey to red measured 4.4:1 half-way and failed the contrast rule at random).
 * Endless ones (progress spinners) are left running.
 */
async function waitForTransitionsToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}
