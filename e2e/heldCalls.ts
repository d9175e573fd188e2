import type { Page } from '@playwright/test';

/**
 * Makes a long worker job's Cancel (or a tab closed in its middle) deterministic: the page keeps
 * its next requests for `method` to a worker (a call of `src/workers/rpc.ts`) instead of sending
 * them, and sends one only together with its cancel, request first. The worker then starts the
 * job and reads the cancel right behind it, so the job is cancelled by the worker's own cancel
 * path — it can never finish before Cancel is clicked, however fast the machine. Call before the
 * page loads the app.
 */
export async function holdWorkerCallsUntilCancel(page: Page, method: string): Promise<void> {
  await page.addInitScript(installHold, method);
}

/** Holds the page's next calls of `method` from now on, the app already loaded (see holdWorkerCallsUntilCancel). */
export async function holdWorkerCallsFromNow(page: Page, method: string): Promise<void> {
  await page.evaluate(installHold, method);
}

/** Runs in the page (serialised by Playwright): it may use nothing from this module. */
function installHold(heldMethod: string): void {
  interface Message { id?: number; method?: string; cancel?: boolean }
  const send = Worker.prototype.postMessage;
  const held = new Map<Worker, Map<number, unknown[]>>();
  const countHeld = () => document.documentElement.setAttribute('data-held-calls', String(Number(document.documentElement.getAttribute('data-held-calls') ?? 0) + 1));
  Worker.prototype.postMessage = function postMessage(this: Worker, ...args: unknown[]) {
    const message = args[0] as Message | null;
    const queue = held.get(this) ?? new Map<number, unknown[]>();
    held.set(this, queue);
    if (message?.method === heldMethod && message.id !== undefined) {
      queue.set(message.id, args);
      countHeld();
      return;
    }
    if (message?.cancel && message.id !== undefined && queue.has(message.id)) {
      send.apply(this, queue.get(message.id) as Parameters<Worker['postMessage']>);
      queue.delete(message.id);
    }
    send.apply(this, args as Parameters<Worker['postMessage']>);
  };
  (window as unknown as { releaseHeldCalls(): void }).releaseHeldCalls = () => {
    Worker.prototype.postMessage = send;
    for (const [worker, queue] of held) for (const args of queue.values()) send.apply(worker, args as Parameters<Worker['postMessage']>);
    held.clear();
  };
}

/** Sends every call held (holdWorkerCallsUntilCancel, holdWorkerCallsFromNow) and stops holding new ones. */
export async function releaseHeldCalls(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseHeldCalls(): void }).releaseHeldCalls());
}

/** Holds the simulate worker's runs (see holdWorkerCallsUntilCancel). */
export function holdRunsUntilCancel(page: Page): Promise<void> {
  return holdWorkerCallsUntilCancel(page, 'simulate');
}

/** How many calls the page holds back so far. */
export async function heldCalls(page: Page): Promise<number> {
  return Number((await page.locator('html').getAttribute('data-held-calls')) ?? 0);
}

