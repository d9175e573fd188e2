import { lazy, type ComponentType } from 'react';

/** A screen whose code loads on first visit, and which can be loaded ahead of that. */
export interface LazyScreen {
  Screen: ComponentType;
  /** Loads the screen's code now; a failure is left for the visit to report. */
  preload: () => Promise<void>;
}

/**
 * Wraps a screen's dynamic import so that the visit and an early `preload` share one load. A
 * failed load is forgotten: a preload that failed (the network gone for a moment) does not make
 * the visit fail too, the visit loads afresh.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loading: Promise<ComponentType> | undefined;
  function loadOnce(): Promise<ComponentType> {
    loading ??= load().catch((error: unknown) => {
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
