import type { Page } from '@playwright/test';

/**
 * Makes the disk "fill up" at one chosen write inside one of the app's Web Workers (issue 17), for
 * failures the real quota cannot aim at (quotaFull.ts fills the quota itself): the third block of
 * an import, or a run's record — small enough that what the browser frees by compacting the app's
 * own data can make room for it. The worker's script is served with a prelude that makes IndexedDB
 * refuse the `nth` write (`add` or `put`) to `store` with the error a full disk raises
 * (QuotaExceededError), once. Everything after that — the message, the roll-back, the data as it
 * was — is the app's own code. The spec needs `test.use({ serviceWorkers: 'block' })`: the service
 * worker would serve the script from its cache, past the route.
 */
export async function fillTheDiskIn(page: Page, fault: { worker: string; store: string; nth: number }): Promise<void> {
  const prelude = `{
  const fault = ${JSON.stringify(fault)};
  let writes = 0;
  for (const method of ['add', 'put']) {
    const write = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function writeUntilTheDiskIsFull(...args) {
      if (this.name === fault.store && ++writes === fault.nth) throw new DOMException('The disk is full (a test).', 'QuotaExceededError');
      return write.apply(this, args);
    };
  }
}
`;
  await page.route(`**/assets/${fault.worker}.worker-*.js`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: prelude + (await response.text()) });
  });
}

/** Serves the worker's own script again (from the next time it is loaded). */
export async function freeTheDisk(page: Page, worker: string): Promise<void> {
  await page.unroute(`**/assets/${worker}.worker-*.js`);
}
