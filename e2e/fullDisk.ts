import type { CDPSession, Page } from '@playwright/test';

/**
 * Gives the page's origin only `headroom` bytes of storage above what it uses now, through
 * Chromium's DevTools quota override (issue 17): the next writes past it fail in Chromium itself
 * with the QuotaExceededError a full disk raises, in the page and in its workers alike.
 * (`navigator.storage.estimate()` still reports the profile's 10 GB; the writes are what is
 * limited. The data written must be incompressible to count: IndexedDB compresses values.)
 */
export async function leaveOnlyStorageRoomFor(page: Page, headroom: number): Promise<void> {
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + headroom });
  // the override lasts as long as the DevTools session: it stays open until the room is given back
  quotaSessions.set(page, cdp);
}

const quotaSessions = new WeakMap<Page, CDPSession>();

/** Takes the quota override away: the origin has the profile's quota again. */
export async function giveBackTheStorageRoom(page: Page): Promise<void> {
  const cdp = quotaSessions.get(page);
  if (!cdp) throw new Error('giveBackTheStorageRoom: leaveOnlyStorageRoomFor was not called on this page');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  await cdp.detach();
  quotaSessions.delete(page);
}

/**
 * Makes the disk "fill up" at one exact write inside one of the app's Web Workers (issue 17), for
 * a failure that must strike at a chosen step, which the quota cannot aim at: with the quota set
 * to the usage itself, a run's record was still saved (small writes slipped under it). The
 * worker's script is served with a prelude that makes IndexedDB refuse the `nth` write (`add` or
 * `put`) to `store` with the error a full disk raises (QuotaExceededError), once. Everything after
 * that — the message, the roll-back, the data as it was — is the app's own code. The spec needs
 * `test.use({ serviceWorkers: 'block' })`: the service worker would serve the script from its
 * cache, past the route.
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
