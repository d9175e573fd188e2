/**
 * Work the page has not written yet (an editor's autosave waiting for the typing to stop) must be
 * written before the page reloads for a new version. Each such place registers how to write it
 * now; the update prompt runs them all and reloads only when every one of them has stored what
 * the user sees (src/features/appUpdate/UpdatePrompt.tsx).
 */

/** Writes what is pending now; resolves true when it is stored, false when writing failed. */
export type PendingSave = () => Promise<boolean>;

const pendingSaves = new Set<PendingSave>();

/** Registers a pending-save flusher; returns the function that removes it. */
export function registerPendingSave(save: PendingSave): () => void {
  pendingSaves.add(save);
  return () => {
    pendingSaves.delete(save);
  };
}

/** Writes everything pending; true when all of it is stored (a flusher that throws counts as failed). */
export async function savePendingWork(): Promise<boolean> {
  const results = await Promise.allSettled([...pendingSaves].map((save) => save()));
  return results.every((result) => result.status === 'fulfilled' && result.value);
}

/** What a reload that writes pending work first did: reloaded, or stopped because a save failed. */
export type SaveThenReloadOutcome = 'reloaded' | 'notSaved';

/**
 * Writes pending work, then reloads — never the other way round: when a save fails the page is
 * left as it is, so the user's latest edits are still on screen to retry (the update prompt and
 * a failed screen's notice both reload through this).
 */
export async function saveThenReload(reload: () => void | Promise<void>): Promise<SaveThenReloadOutcome> {
  if (!(await savePendingWork())) return 'notSaved';
  await reload();
  return 'reloaded';
}

const writesInFlight = new Set<Promise<unknown>>();

/** Keeps track of a write that has started (a chain's autosave), until it settles. */
export function trackWrite(write: Promise<unknown>): void {
  writesInFlight.add(write);
  const forget = () => writesInFlight.delete(write);
  write.then(forget, forget);
}

/** Resolves once every write started so far has settled (stored or failed). */
export async function writesSettled(): Promise<void> {
  await Promise.allSettled([...writesInFlight]);
}
