import { describe, expect, it } from 'vitest';
import { isQuotaError, UserFacingError } from '../domain/errors';
import { serveHandlers } from './rpc';

/** A worker's side of the channel: `ask` sends a request and resolves with the answer. */
function fakeWorker(handlers: Record<string, () => Promise<unknown>>) {
  let listener: ((event: MessageEvent) => void) | null = null;
  const answers = new Map<number, (message: unknown) => void>();
  serveHandlers(
    {
      postMessage: (message) => answers.get((message as { id: number }).id)?.(message),
      addEventListener: (_type, handle) => (listener = handle),
    },
    handlers,
  );
  return {
    ask: (method: string) =>
      new Promise<unknown>((resolve) => {
        answers.set(1, resolve);
        listener!({ data: { id: 1, method, args: {} } } as MessageEvent);
      }),
  };
}

function quotaError(): Error {
  const error = new Error('The transaction was aborted');
  return Object.assign(error, { name: 'AbortError', inner: Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' }) });
}

describe('errors a worker sends back', () => {
  it('tells a full disk, however the storage library wrapped it, by one message the screens translate', async () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    const worker = fakeWorker({ importFile: () => Promise.reject(quotaError()) });
    expect(await worker.ask('importFile')).toEqual({ id: 1, error: expect.objectContaining({ code: 'storage.full', message: expect.stringContaining('not enough storage space') }) });
  });

  it('passes an error meant for the user as it is, and any other by its message', async () => {
    const worker = fakeWorker({ a: () => Promise.reject(new UserFacingError('import.busy', 'busy', { n: 1 })), b: () => Promise.reject(new Error('boom')) });
    expect(await worker.ask('a')).toEqual({ id: 1, error: { code: 'import.busy', message: 'busy', params: { n: 1 } } });
    expect(await worker.ask('b')).toEqual({ id: 1, error: { message: 'boom' } });
  });
});
