/**
 * The running import's progress, outside React state: only the progress panel re-renders for
 * it — not the whole import screen with its mapping table (that would put long tasks on the
 * main thread during a big import). Listeners hear of a new value at most once per
 * `minIntervalMs` (the latest value, at the end of the interval) and at once when the phase
 * changes, so the panel re-renders a few times a second however often the worker reports.
 */
export interface ProgressValue {
  done: number;
  total: number;
  phase: string;
}

export interface ProgressStore {
  get(): ProgressValue;
  set(value: ProgressValue): void;
  subscribe(listener: () => void): () => void;
}

export const PROGRESS_RENDER_INTERVAL_MS = 250;

export function createProgressStore(initial: ProgressValue, minIntervalMs = PROGRESS_RENDER_INTERVAL_MS): ProgressStore {
  let value = initial;
  let lastNotifiedAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  function notify() {
    timer = undefined;
    lastNotifiedAt = Date.now();
    for (const listener of listeners) listener();
  }
  return {
    get: () => value,
    set(next) {
      const isNewPhase = next.phase !== value.phase;
      value = next;
      const wait = lastNotifiedAt + minIntervalMs - Date.now();
      if (isNewPhase || wait <= 0) {
        clearTimeout(timer);
        notify();
      } else timer ??= setTimeout(notify, wait);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) clearTimeout(timer);
      };
    },
  };
}
