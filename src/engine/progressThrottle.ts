/**
 * Lets progress through at most once per `intervalMs` (the first always), plus every change of
 * phase: a worker reporting each megabyte would otherwise post — and make the page re-render —
 * dozens of times a second during a big import, for figures nobody can read that fast.
 */
export function createProgressThrottle<T extends { phase?: string }>(send: (value: T) => void, intervalMs: number, now: () => number = () => performance.now()) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastPhase: string | undefined;
  return (value: T): void => {
    const at = now();
    if (value.phase === lastPhase && at - lastAt < intervalMs) return;
    lastAt = at;
    lastPhase = value.phase;
    send(value);
  };
}
