import type { CDPSession, Page } from '@playwright/test';

/**
 * Fills the page's storage quota for real (issue 17): Chromium gives a test profile about 10 GB,
 * so first its DevTools quota override lowers the origin's quota to `room` bytes above what it
 * uses now, then the page writes incompressible random data (IndexedDB compresses values, so
 * anything else would not count) into a database of its own until Chromium refuses the writes —
 * in chunks of 1 MB, then 64 KB, then 4 KB, so that well under 4 KB is left. How much the app's
 * data takes on disk moves as the browser compacts it, which is why the quota is filled up to the
 * refusal right before the step under test rather than set to a computed size.
 */
export async function fillTheQuota(page: Page, room = 48 * 1024 * 1024): Promise<{ usage: number; filled: number; refusals: number }> {
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + room });
  // the override lasts as long as the DevTools session: it stays open until the quota is given back
  quotaSessions.set(page, cdp);
  return { usage, ...(await page.evaluate(fillWithRandomData, FILLER_DATABASE)) };
}

/** Deletes the filler data and takes the quota override away: the origin has its usual room again. */
export async function giveTheQuotaBack(page: Page): Promise<void> {
  await page.evaluate((name) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  }), FILLER_DATABASE);
  const cdp = quotaSessions.get(page);
  if (!cdp) throw new Error('giveTheQuotaBack: fillTheQuota was not called on this page');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  await cdp.detach();
  quotaSessions.delete(page);
}

const FILLER_DATABASE = 'test-quota-filler';
const quotaSessions = new WeakMap<Page, CDPSession>();

/** Runs in the page: writes random chunks until three sizes in turn are refused; returns the bytes stored. */
async function fillWithRandomData(name: string): Promise<{ filled: number; refusals: number }> {
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('filler', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  function randomBytes(size: number): Uint8Array {
    const bytes = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
    return bytes;
  }
  function write(size: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const transaction = database.transaction('filler', 'readwrite');
      transaction.objectStore('filler').add(randomBytes(size));
      transaction.oncomplete = () => resolve(true);
      transaction.onabort = () => (transaction.error?.name === 'QuotaExceededError' ? resolve(false) : reject(transaction.error));
    });
  }
  let filled = 0;
  let refusals = 0;
  for (const size of [1 << 20, 1 << 16, 1 << 12]) {
    // a cap on the writes, so a quota that is never enforced fails the test instead of filling the disk
    for (let writes = 0; writes < 4096; writes++) {
      if (!(await write(size))) {
        refusals++;
        break;
      }
      filled += size;
    }
  }
  database.close();
  return { filled, refusals };
}
