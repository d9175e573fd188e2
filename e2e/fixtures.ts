import { test as base, expect, type Page } from '@playwright/test';
import { ChainLabApp } from './pages/chainLabApp';

interface Fixtures {
  app: ChainLabApp;
  /** Console errors and requests to other origins seen during the test. */
  pageProblems: string[];
}

/**
 * Every test starts with empty browser storage (a fresh context) and fails on any console
 * error, uncaught exception or request that leaves the app's origin.
 */
export const test = base.extend<Fixtures>({
  pageProblems: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    watchPage(page, baseURL ?? '', problems);
    await use(problems);
    expect(problems, 'console errors or requests leaving the origin').toEqual([]);
  },
  app: async ({ page, pageProblems }, use) => {
    void pageProblems;
    await use(new ChainLabApp(page));
  },
});

function watchPage(page: Page, baseURL: string, problems: string[]): void {
  const origin = new URL(baseURL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request left the origin: ${url}`);
  });
}

export { expect };
