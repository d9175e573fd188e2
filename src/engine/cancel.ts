import { UserFacingError } from '../domain/errors';

/**
 * One way to say "cancelled" across the engine, the workers and the screens: a UserFacingError
 * with this code. A superseded call ends with it; callers that cancelled ignore it.
 */
export const CANCELLED = 'cancelled';

export function cancelledError(): UserFacingError {
  return new UserFacingError(CANCELLED, 'Cancelled.');
}

export function isCancelled(error: unknown): boolean {
  return error instanceof UserFacingError && error.code === CANCELLED;
}

/** Throws the cancellation error once `signal` is aborted; call it between steps of long work. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}
