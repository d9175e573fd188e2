/**
 * One data-changing job per workspace at a time, across tabs (Web Locks). A `running` batch
 * whose workspace lock nobody holds was interrupted (tab closed, crash).
 */
/** The browser's Web Locks, or none (an old browser, Node). */
export function webLocks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

export function workspaceLockName(workspaceId: string): string {
  return `chainlab-data:${workspaceId}`;
}

export async function withWorkspaceLock<T>(workspaceId: string, onBusy: () => Error, work: () => Promise<T>): Promise<T> {
  const locks = webLocks();
  if (!locks) return work();
  return locks.request(workspaceLockName(workspaceId), { ifAvailable: true }, async (lock) => {
    if (!lock) throw onBusy();
    return work();
  });
}

export async function isWorkspaceLocked(workspaceId: string): Promise<boolean> {
  const locks = webLocks();
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === workspaceLockName(workspaceId));
}
