import type { Page } from '@playwright/test';

/**
 * Makes "Cancel" on a run deterministic: the page keeps the next run's request to the simulate
 * worker (the `simulate` call of `src/workers/rpc.ts`) instead of sending it, and sends it only
 * together with its cancel, request first. The worker then starts the run and reads the cancel
 * right behind it, so the run is cancelled by the worker's own cancel path — it can never finish
 * before Cancel is clicked, however fast the machine. Call before the page loads the app.
 */
export async function holdRunsUntilCancel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Message { id?: number; method?: string; cancel?: boolean }
    const send = Worker.prototype.postMessage;
    const held = new WeakMap<Worker, Map<number, unknown[]>>();
    const countHeld = () => document.documentElement.setAttribute('data-held-runs', String(Number(document.documentElement.getAttribute('data-held-runs') ?? 0) + 1));
    Worker.prototype.postMessage = function postMessage(this: Worker, ...args: unknown[]) {
      const message = args[0] as Message | null;
      const queue = held.get(this) ?? new Map<number, unknown[]>();
      held.set(this, queue);
      if (message?.method === 'simulate' && message.id !== undefined) {
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
  });
}

/** How many runs the page holds back so far (`holdRunsUntilCancel`). */
export async function heldRuns(page: Page): Promise<number> {
  return Number((await page.locator('html').getAttribute('data-held-runs')) ?? 0);
}
