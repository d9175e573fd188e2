/**
 * An error meant for the user: `code` selects the translated message, `params` fill it in,
 * `message` is the English text for logs and the command line.
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.params = params;
  }
}

/**
 * The browser's storage refused a write for lack of space (IndexedDB's QuotaExceededError,
 * possibly wrapped by Dexie as the transaction's abort, its `inner` or `cause`).
 */
export function isQuotaError(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && typeof cause === 'object' && depth < 4; depth++) {
    if ((cause as { name?: unknown }).name === 'QuotaExceededError') return true;
    cause = (cause as { inner?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** Any job's storage-full failure, as the user reads it (`errors.storage.full`). */
export function storageFullError(): UserFacingError {
  return new UserFacingError('storage.full', 'There is not enough storage space in this browser; nothing of this was saved. Delete workspaces or runs you no longer need and try again.');
}
