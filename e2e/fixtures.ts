import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page } from '@playwright/test';
import { ChainLabApp } from './pages/chainLabApp';

interface Fixtures {
  app: ChainLabApp;
  /** Console errors and requests to other origins seen during the test. */
  pageProblems: string[];
}

/**
 * Every test starts with empty browser storage (a fresh context) and fails on any console
 * error (the page's or a worker's), uncaught exception, Content-Security-Policy violation or
 * request that leaves the app's origin — in every page the test opens in its context.
 */
export const test = base.extend<Fixtures>({
  pageProblems: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    await reportPolicyViolations(page.context(), problems);
    watchPage(page, baseURL ?? '', problems);
    page.context().on('page', (other) => watchPage(other, baseURL ?? '', problems));
    await use(problems);
    expect(problems, 'console errors or requests leaving the origin').toEqual([]);
  },
  app: async ({ page, pageProblems }, use) => {
    void pageProblems;
    await use(new ChainLabApp(page));
  },
});

const VIOLATION_BINDING = '__chainlabPolicyViolation';

/**
 * A violation the page survives (a refused `new Function` probe inside a try, say) may log
 * nothing; the `securitypolicyviolation` event is the one sure report. The binding outlives
 * navigations and reaches the test even after the page is gone.
 */
async function reportPolicyViolations(context: BrowserContext, problems: string[]): Promise<void> {
  await context.exposeBinding(VIOLATION_BINDING, (_source, violation: string) => {
    problems.push(`Content-Security-Policy violation: ${violation}`);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)[binding];
      report?.(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  }, VIOLATION_BINDING);
}

function watchPage(page: Page, baseURL: string, problems: string[]): void {
  const origin = new URL(baseURL).origin;
  const reportConsoleError = (source: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.push(`console error${source}: ${message.text()}`);
  };
  page.on('console', reportConsoleError(''));
  page.on('worker', (worker) => worker.on('console', reportConsoleError(` in worker ${worker.url()}`)));
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request left the origin: ${url}`);
  });
}

export { expect };
