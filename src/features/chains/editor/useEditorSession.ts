import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getChain, getDatabase, saveChain } from '../../../db';
import type { WorkspaceVocabulary } from '../../../domain/conditions';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { useLanguage } from '../../../ui/useLanguage';
import { registerPendingSave, trackWrite } from '../../appUpdate/pendingSaves';
import { chainFindings } from '../canvas/chainFindings';
import { useChainEditor } from '../canvas/editorStore';

/** Autosave waits this long after the last edit (a drag or typing saves once at the end). */
export const AUTOSAVE_DELAY_MS = 600;

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

const SAVED: SaveStatus = { state: 'saved' };
const SAVING: SaveStatus = { state: 'saving' };

/** What opening a stored chain gave: the chain with what reading it repaired or set aside, or why it cannot be read. */
export type OpenedChain = NonNullable<Awaited<ReturnType<typeof getChain>>>;

/** Opens the chain into the editor store; null while loading. */
export function useOpenChain(chainId: string): OpenedChain | null | 'missing' {
  const [loaded, setLoaded] = useState<{ chainId: string; result: OpenedChain | 'missing' } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void getChain(getDatabase(), chainId).then((result) => {
      if (!isCurrent) return;
      if (result?.ok) useChainEditor.getState().load(result.loaded.chain);
      setLoaded({ chainId, result: result ?? 'missing' });
    });
    return () => {
      isCurrent = false;
      useChainEditor.getState().unload();
    };
  }, [chainId]);
  return loaded?.chainId === chainId ? loaded.result : null;
}

export interface Autosave {
  status: SaveStatus;
  /** saves a pending change now; resolves when what the editor shows is stored */
  flush(): Promise<void>;
}

/**
 * Saves every change to IndexedDB shortly after it is made, and at once when the editor closes
 * or the page reloads for a new version (the update prompt waits for this save: pendingSaves.ts).
 * The first save of an editing session also keeps what it replaces in the change history
 * (`isStep`): the history then has a step per session besides the repository's timed ones, and a
 * chain that reading repaired or set parts of aside keeps its stored original there.
 */
export function useAutosave(): Autosave {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SaveStatus>(SAVED);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushRef = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    let savedRevision = useChainEditor.getState().revision;
    let hasSavedOnce = false;
    let writing: Promise<void> = Promise.resolve();
    let hasLastWriteFailed = false;
    function save(): Promise<void> {
      pending.current = null;
      const { chain, revision } = useChainEditor.getState();
      if (!chain || revision === savedRevision) return writing;
      savedRevision = revision;
      const isStep = !hasSavedOnce;
      hasSavedOnce = true;
      // One write at a time, in order: a slow write never lands after a newer one.
      writing = writing
        .then(() => saveChain(getDatabase(), chain, { isStep }))
        .then(() => {
          hasLastWriteFailed = false;
          setStatus(useChainEditor.getState().revision === revision ? SAVED : SAVING);
        })
        .catch((error: unknown) => {
          hasLastWriteFailed = true;
          setStatus({ state: 'failed', message: errorMessage(error, t) });
        });
      // the chain's tab lock is handed on only once this write is stored (useChainTabLock.ts)
      trackWrite(writing);
      return writing;
    }
    const unsubscribe = useChainEditor.subscribe((state, previous) => {
      if (state.revision === previous.revision || !state.chain || state.chain.id !== previous.chain?.id) {
        if (state.chain?.id !== previous.chain?.id) {
          savedRevision = state.revision;
          hasSavedOnce = false;
        }
        return;
      }
      // The same object when already saving: no re-render of the editor on every drag frame.
      setStatus((current) => (current.state === 'saving' ? current : SAVING));
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
    const flush = () => {
      if (pending.current) clearTimeout(pending.current);
      return save();
    };
    flushRef.current = flush;
    const flushOnUnload = () => void flush();
    window.addEventListener('beforeunload', flushOnUnload);
    const unregisterPendingSave = registerPendingSave(() => flush().then(() => !hasLastWriteFailed));
    return () => {
      unsubscribe();
      unregisterPendingSave();
      window.removeEventListener('beforeunload', flushOnUnload);
      void flush();
    };
  }, [t]);
  const flush = useCallback(() => flushRef.current(), []);
  return { status, flush };
}

/**
 * Re-checks the chain after edits settle (deferred, so dragging stays smooth) and feeds the store.
 * `vocabulary`: the workspace's data; with it, names the data lacks are warned about too.
 */
export function useFindings(vocabulary: WorkspaceVocabulary | null): void {
  // Findings do not depend on positions: `content` does not change while nodes are dragged.
  const content = useChainEditor((state) => state.content);
  const deferred = useDeferredValue(content);
  useEffect(() => {
    useChainEditor.getState().setFindings(deferred ? chainFindings(deferred, vocabulary) : []);
  }, [deferred, vocabulary]);
}

/** The store's messages (a refused link, a bad paste) as the app's notice. */
export function useEditorMessages(): void {
  const language = useLanguage();
  const message = useChainEditor((state) => state.message);
  useEffect(() => {
    if (message) useAppStore.getState().notify(message.severity, message.text[language]);
  }, [message, language]);
}
