import type { Chain } from '../../../domain/chains';

/**
 * Undo / redo over snapshots of the domain chain. Chains are immutable values, so a snapshot is
 * the previous chain object itself (unchanged nodes are shared between snapshots).
 *
 * Rapid edits that carry the same `coalesceKey` (typing in one field, one drag) form ONE step:
 * the snapshot before the first of them is kept and the later ones only replace the present —
 * as long as they follow each other within COALESCE_MS and nothing else happened in between.
 */
export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1500;

export interface History {
  past: readonly Chain[];
  future: readonly Chain[];
  /** the key of the step that is still open for coalescing, and when it was last extended */
  openKey: string | null;
  openAt: number;
}

export const EMPTY_HISTORY: History = { past: [], future: [], openKey: null, openAt: 0 };

/** Records that `previous` was replaced by an edit (with an optional coalescing key). */
export function recordEdit(history: History, previous: Chain, coalesceKey: string | undefined, now: number): History {
  if (coalesceKey !== undefined && coalesceKey === history.openKey && now - history.openAt <= COALESCE_MS) {
    return { ...history, future: [], openAt: now };
  }
  const past = [...history.past, previous];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], openKey: coalesceKey ?? null, openAt: now };
}

/** Ends the open coalescing step, so the next edit is a step of its own. */
export function closeStep(history: History): History {
  return history.openKey === null ? history : { ...history, openKey: null };
}

export function undo(history: History, present: Chain): { history: History; chain: Chain } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return { chain: previous, history: { past: history.past.slice(0, -1), future: [present, ...history.future], openKey: null, openAt: 0 } };
}

export function redo(history: History, present: Chain): { history: History; chain: Chain } | null {
  const next = history.future[0];
  if (!next) return null;
  return { chain: next, history: { past: [...history.past, present], future: history.future.slice(1), openKey: null, openAt: 0 } };
}
