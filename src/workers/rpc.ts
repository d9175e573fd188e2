/**
 * A typed request/response channel over postMessage. The worker serves a use case's handler
 * map (src/engine/handlers.ts); the page calls `client.call(name, args)` typed by that map,
 * with progress reports and cancellation. Errors keep their user-facing code across the
 * boundary — cancellation included (engine/cancel.ts).
 */
import { isQuotaError, storageFullError, UserFacingError } from '../domain/errors';
import type { HandlerArgs, HandlerMap, HandlerResult } from '../engine/handlers';
import type { Progress, RunContext } from '../engine/port';

type Request = { id: number; method: string; args: unknown } | { id: number; cancel: true };
interface SerializedError {
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}
type Response =
  | { id: number; result: unknown }
  | { id: number; error: SerializedError }
  | { id: number; progress: Progress };

interface MessagePort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Runs inside the worker: answers requests with the handlers (once they are loaded). */
export function serveHandlers(scope: MessagePort, handlers: HandlerMap | Promise<HandlerMap>): void {
  const running = new Map<number, AbortController>();
  // A map that failed to load is reported to each caller, not as an unhandled rejection.
  Promise.resolve(handlers).catch(() => undefined);
  scope.addEventListener('message', (event: MessageEvent<Request>) => {
    const request = event.data;
    if ('cancel' in request) {
      running.get(request.id)?.abort();
      return;
    }
    void answer(scope, handlers, request, running);
  });
}

async function answer(
  scope: MessagePort,
  handlers: HandlerMap | Promise<HandlerMap>,
  request: { id: number; method: string; args: unknown },
  running: Map<number, AbortController>,
): Promise<void> {
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    const handler = (await handlers)[request.method];
    if (!handler) throw new Error(`Unknown worker method ${request.method}`);
    const context: RunContext = {
      progress: (progress) => scope.postMessage({ id: request.id, progress } satisfies Response),
      signal: controller.signal,
    };
    const result = await handler(request.args, context);
    scope.postMessage({ id: request.id, result } satisfies Response);
  } catch (error) {
    scope.postMessage({ id: request.id, error: serializeError(error) } satisfies Response);
  } finally {
    running.delete(request.id);
  }
}

function serializeError(thrown: unknown): SerializedError {
  // A full disk can stop any job that writes (an import, a run, a workspace file): one message for all.
  const error = !(thrown instanceof UserFacingError) && isQuotaError(thrown) ? storageFullError() : thrown;
  if (error instanceof UserFacingError) return { message: error.message, code: error.code, params: error.params };
  return { message: error instanceof Error ? error.message : String(error) };
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface WorkerClient<H extends HandlerMap> {
  call<K extends keyof H & string>(method: K, args: HandlerArgs<H, K>, options?: CallOptions): Promise<HandlerResult<H, K>>;
}

/** Runs in the page: the typed caller of a worker's handlers. */
export function createWorkerClient<H extends HandlerMap>(worker: Worker): WorkerClient<H> {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void; onProgress?: (p: Progress) => void }>();
  worker.addEventListener('message', (event: MessageEvent<Response>) => {
    const response = event.data;
    const entry = pending.get(response.id);
    if (!entry) return;
    if ('progress' in response) {
      entry.onProgress?.(response.progress);
      return;
    }
    pending.delete(response.id);
    if ('error' in response) {
      const { message, code, params } = response.error;
      entry.reject(code ? new UserFacingError(code, message, params) : new Error(message));
    } else entry.resolve(response.result);
  });
  return {
    call(method, args, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
        options.signal?.addEventListener('abort', () => worker.postMessage({ id, cancel: true } satisfies Request));
        worker.postMessage({ id, method, args } satisfies Request);
      });
    },
  };
}
