import { lazy, type ComponentType } from 'react';
import { screenFailureOf } from './screenFailure';

/** A screen whose code loads on first visit, and which can be loaded ahead of that. */
export interface LazyScreen {
  Screen: ComponentType;
  /** Loads the screen's code now; a failure is left for the visit to report. */
  preload: () => Promise<void>;
}

/**
 * How long to wait before each new try of a screen's code that could not be fetched. A fetch can
 * fail for a moment (a flaky connection; Chromium under load, with the service worker busy) and
 * succeed right after; only a file that stays unreachable (an update removed it) is reported.
 */
export const LOAD_RETRY_DELAYS_MS = [250, 1_000] as const;

/**
 * Wraps a screen's dynamic import so that the visit and an early `preload` share one load. A
 * failed load is tried again after each of `retryDelaysMs`, then forgotten: a preload that failed
 * (the network gone for a while) does not make the visit fail too, the visit loads afresh.
 */
export function lazyScreen(load: () => Promise<ComponentType>, retryDelaysMs: readonly number[] = LOAD_RETRY_DELAYS_MS): LazyScreen {
  let loading: Promise<ComponentType> | undefined;
  function loadOnce(): Promise<ComponentType> {
    loading ??= loadWithRetries(load, retryDelaysMs).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }
  return {
    Screen: lazy(() => loadOnce().then((component) => ({ default: component }))),
    preload: () => loadOnce().then(
      () => undefined,
      () => undefined,
    ),
  };
}

/** Tries again only when the code could not be fetched: an error in the screen's own code fails at once. */
async function loadWithRetries<T>(load: () => Promise<T>, retryDelaysMs: readonly number[]): Promise<T> {
  for (const delayMs of retryDelaysMs) {
    try {
      return await load();
    } catch (error) {
      if (screenFailureOf(error).kind !== 'outdatedCode') throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return load();
}

/**
 * Loads every screen's code one after the other once the browser is idle after start-up. A tab
 * then holds all of its code: when a new version replaces the files on the server or in the
 * offline copy (another tab let it take over), this tab still opens every screen.
 */
export function preloadWhenIdle(screens: readonly LazyScreen[], whenIdle: (task: () => void) => void = runWhenIdle): void {
  whenIdle(() => {
    void screens.reduce<Promise<void>>((previous, screen) => previous.then(screen.preload), Promise.resolve());
  });
}

function runWhenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5_000 });
  else setTimeout(task, 1_000);
}
