import type { LocalizedText } from '../../domain/text';
import type { UnreadableReason } from './recordFormat';

/**
 * Stored records that could not be understood (recordFormat.ts), as they are met: each is
 * reported once per session to whoever listens — the app shell tells the user — and left
 * untouched in the database. Works in Web Workers too (with no listener there, the console).
 */
export interface StorageProblem {
  /** the table, e.g. "workspaces" */
  table: string;
  /** the row's key, as text */
  key: string;
  /** what the record is: an id the interface translates (errors.storage.what.<id>), e.g. "workspace" */
  what: string;
  /** in English (logs); `why` says it for the interface to translate (absent: show `reason`) */
  reason: string;
  why?: UnreadableReason;
  /** the reason as the domain gave it in both languages (the chain model's restore) */
  text?: LocalizedText;
}

type Listener = (problem: StorageProblem) => void;

const listeners = new Set<Listener>();
const reported = new Map<string, StorageProblem>();
/** Problems met before anyone listened (the app reads storage while it starts): the first listener gets them. */
let unheard: StorageProblem[] = [];

export function reportStorageProblem(problem: StorageProblem): void {
  const id = `${problem.table}\u0000${problem.key}\u0000${problem.reason}`;
  if (reported.has(id)) return;
  reported.set(id, problem);
  if (listeners.size === 0) {
    console.warn(`ChainLab: could not read the stored ${problem.what} (${problem.table} ${problem.key}); it was left untouched: ${problem.reason}`);
    unheard.push(problem);
  }
  for (const listener of listeners) listener(problem);
}

/** Calls `listener` for every problem reported from now on (the first listener also for those no one heard yet); returns the unsubscribe. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  const missed = unheard;
  unheard = [];
  for (const problem of missed) listener(problem);
  return () => listeners.delete(listener);
}
