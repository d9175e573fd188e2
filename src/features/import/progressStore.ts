/**
 * The running import's progress, outside React state: the worker reports many times a second,
 * and only the progress panel should re-render for it — not the whole import screen with its
 * mapping table (that would put long tasks on the main thread during a big import).
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

export function createProgressStore(initial: ProgressValue): ProgressStore {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
