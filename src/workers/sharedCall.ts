import type { Progress } from '../engine/port';

export interface SharedCallOptions {
  signal: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

interface InFlight {
  answer: Promise<unknown>;
  controller: AbortController;
  subscribers: number;
  listeners: Set<(progress: Progress) => void>;
}

/**
 * Identical reads in flight at once share one call: the chain editor, its side panel, its Run
 * dialog and the chains list each ask the data-quality, RFM and journey workers the same thing
 * as a workspace opens. Apart, each call is a full scan in the worker (four data-quality scans of
 * 2 million events after an import, on the cores a run needs) and a structured clone of the answer
 * on the page. `key` names the call (use case, method, arguments); the shared call is cancelled
 * only when every caller has left, and a call that ended is not kept (the workers cache answers).
 * Only for reads: two identical calls that write (a run) must both happen.
 */
export function sharedCall<T>(key: string, start: (options: SharedCallOptions) => Promise<T>, { signal, onProgress }: SharedCallOptions): Promise<T> {
  let call = inFlight.get(key);
  if (!call) {
    const listeners = new Set<(progress: Progress) => void>();
    const controller = new AbortController();
    const answer = start({ signal: controller.signal, onProgress: (progress) => listeners.forEach((listener) => listener(progress)) });
    const created: InFlight = { answer, controller, subscribers: 0, listeners };
    const forget = () => {
      if (inFlight.get(key) === created) inFlight.delete(key);
    };
    answer.then(forget, forget);
    inFlight.set(key, created);
    call = created;
  }
  const joined = call;
  joined.subscribers++;
  if (onProgress) joined.listeners.add(onProgress);
  const leave = () => {
    if (onProgress) joined.listeners.delete(onProgress);
    joined.subscribers--;
    if (joined.subscribers > 0) return;
    joined.controller.abort();
    if (inFlight.get(key) === joined) inFlight.delete(key);
  };
  if (signal.aborted) leave();
  else signal.addEventListener('abort', leave, { once: true });
  return joined.answer as Promise<T>;
}

const inFlight = new Map<string, InFlight>();
