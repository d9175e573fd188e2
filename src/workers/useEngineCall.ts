import { useEffect, useState } from 'react';
import type { HandlerArgs, HandlerResult } from '../engine/handlers';
import type { Progress } from '../engine/port';
import type { UseCaseHandlers, UseCaseName } from './useCaseWorkers';
import { engineWorker } from './engineClient';
import { sharedCall } from './sharedCall';

export interface EngineCallState<T> {
  /** The last answer, kept on screen while a newer call runs (undefined before the first, and after an error). */
  value: T | undefined;
  /** The current call's error (never an older call's). */
  error: unknown;
  /** The answer shown belongs to the current arguments. */
  isCurrent: boolean;
  /** A call for the current arguments is running. */
  isLoading: boolean;
  /** The current call's last progress report. */
  progress: Progress | null;
}

interface Answer {
  key: string;
  value?: unknown;
  error?: unknown;
}

/**
 * Calls a use case's handler in its worker whenever the arguments change (compared by value),
 * keeps the last answer while the new one is computed, and cancels the call the new arguments
 * replace. `args` null: nothing to call (yet).
 */
export function useEngineCall<N extends UseCaseName, K extends keyof UseCaseHandlers<N> & string>(
  useCase: N,
  method: K,
  args: HandlerArgs<UseCaseHandlers<N>, K> | null,
): EngineCallState<HandlerResult<UseCaseHandlers<N>, K>> {
  const key = args === null ? '' : JSON.stringify(args);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [progress, setProgress] = useState<{ key: string; progress: Progress } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    // Identical calls from other components share this one (sharedCall.ts).
    sharedCall(`${useCase}|${method}|${key}`, (options) => engineWorker(useCase).call(method, JSON.parse(key) as HandlerArgs<UseCaseHandlers<N>, K>, options), {
      signal: controller.signal,
      onProgress: (update) => setProgress({ key, progress: update }),
    })
      .then((value) => !controller.signal.aborted && setAnswer({ key, value }))
      .catch((error: unknown) => !controller.signal.aborted && setAnswer({ key, error }));
    return () => controller.abort();
  }, [useCase, method, key]);
  const isCurrent = Boolean(key) && answer?.key === key;
  return {
    value: answer?.value as HandlerResult<UseCaseHandlers<N>, K> | undefined,
    error: isCurrent ? answer.error : undefined,
    isCurrent,
    isLoading: Boolean(key) && !isCurrent,
    progress: !isCurrent && progress?.key === key ? progress.progress : null,
  };
}
