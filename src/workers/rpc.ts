/**
 * A typed request/response channel over postMessage. Each worker registers handlers by name
 * and exports their type; the UI calls `client.call(name, args)` typed by that map, with
 * progress reports and cancellation. Errors keep their user-facing code across the boundary.
 */
import { UserFacingError } from '../domain/errors';

export interface Progress {
  done: number;
  total: number;
  phase?: string;
}

export interface HandlerContext {
  progress(update: Progress): void;
  signal: AbortSignal;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HandlerMap = Record<string, (args: any, context: HandlerContext) => Promise<unknown>>;

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

/** Runs inside the worker: answers requests with the registered handlers. */
export function serveHandlers(scope: MessagePort, handlers: HandlerMap): void {
  const running = new Map<number, AbortController>();
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
  handlers: HandlerMap,
  request: { id: number; method: string; args: unknown },
  running: Map<number, AbortController>,
): Promise<void> {
  const controller = new AbortController();
  running.set(request.id, controller);
  const handler = handlers[request.method];
  try {
    if (!handler) throw new Error(`Unknown worker method ${request.method}`);
    const context: HandlerContext = {
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

function serializeError(error: unknown): SerializedError {
  if (error instanceof UserFacingError) return { message: error.message, code: error.code, params: error.params };
  return { message: error instanceof Error ? error.message : String(error) };
}

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export interface WorkerClient<H extends HandlerMap> {
  call<K extends keyof H & string>(method: K, args: Parameters<H[K]>[0], options?: CallOptions): Promise<Awaited<ReturnType<H[K]>>>;
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
