import type { ImportSource } from '../db/repositories/importRunner';

const CHUNK_BYTES = 1 << 20;

/** A File (or Blob) read in 1 MiB slices: the whole file is never in memory at once. */
export function fileSource(file: File): ImportSource {
  return {
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
    async *chunks() {
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) yield new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    },
  };
}

/**
 * One data-changing job per workspace at a time, across tabs (Web Locks). A `running` batch
 * whose workspace lock nobody holds was interrupted (tab closed, crash).
 */
export function workspaceLockName(workspaceId: string): string {
  return `chainlab-data:${workspaceId}`;
}

export async function withWorkspaceLock<T>(workspaceId: string, onBusy: () => Error, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request(workspaceLockName(workspaceId), { ifAvailable: true }, async (lock) => {
    if (!lock) throw onBusy();
    return work();
  });
}

export async function isWorkspaceLocked(workspaceId: string): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === workspaceLockName(workspaceId));
}
