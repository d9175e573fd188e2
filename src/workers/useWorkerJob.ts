import { useRef, useState } from 'react';
import type { Progress } from '../engine/port';

export interface WorkerJobOptions {
  signal: AbortSignal;
  onProgress(progress: Progress): void;
}

/**
 * One job a user starts with a button and may cancel (export or open a workspace file): its
 * progress while it runs, its error when it failed or was cancelled (tell them apart with
 * `isCancelled`), and Cancel that aborts the running job — or, when none runs, does `whenIdle`
 * (closes the dialog).
 */
export function useWorkerJob() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef<AbortController | null>(null);

  async function start(first: Progress, job: (options: WorkerJobOptions) => Promise<void>): Promise<void> {
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setProgress(first);
    try {
      // on success the progress stays: the caller closes the dialog or moves on
      await job({ signal: controller.signal, onProgress: setProgress });
    } catch (caught) {
      setError(caught);
      setProgress(null);
    } finally {
      running.current = null;
    }
  }

  function cancel(whenIdle: () => void): void {
    if (running.current) running.current.abort();
    else whenIdle();
  }

  return { progress, error, isBusy: progress !== null, clearError: () => setError(null), start, cancel };
}
