import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { useLanguage } from '../../../ui/useLanguage';
import { chainFindings } from '../canvas/chainFindings';
import { useChainEditor } from '../canvas/editorStore';
import { chainStorage, type LoadedChain } from '../storage/chainStorage';

/** Autosave waits this long after the last edit (a drag or typing saves once at the end). */
export const AUTOSAVE_DELAY_MS = 600;

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

const SAVED: SaveStatus = { state: 'saved' };
const SAVING: SaveStatus = { state: 'saving' };

/** Opens the chain into the editor store; null while loading. */
export function useOpenChain(chainId: string): LoadedChain | null | 'missing' {
  const [loaded, setLoaded] = useState<{ chainId: string; result: LoadedChain | 'missing' } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void chainStorage.load(chainId).then((result) => {
      if (!isCurrent) return;
      if (result?.ok) useChainEditor.getState().load(result.entry.chain);
      setLoaded({ chainId, result: result ?? 'missing' });
    });
    return () => {
      isCurrent = false;
      useChainEditor.getState().unload();
    };
  }, [chainId]);
  return loaded?.chainId === chainId ? loaded.result : null;
}

/** Saves every change to IndexedDB shortly after it is made, and at once when the editor closes. */
export function useAutosave(workspaceId: string): SaveStatus {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SaveStatus>(SAVED);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    let savedRevision = useChainEditor.getState().revision;
    function save(): void {
      pending.current = null;
      const { chain, revision } = useChainEditor.getState();
      if (!chain || revision === savedRevision) return;
      savedRevision = revision;
      void chainStorage
        .save(workspaceId, chain)
        .then(() => setStatus(useChainEditor.getState().revision === revision ? SAVED : SAVING))
        .catch((error: unknown) => setStatus({ state: 'failed', message: errorMessage(error, t) }));
    }
    const unsubscribe = useChainEditor.subscribe((state, previous) => {
      if (state.revision === previous.revision || !state.chain || state.chain.id !== previous.chain?.id) {
        if (state.chain?.id !== previous.chain?.id) savedRevision = state.revision;
        return;
      }
      // The same object when already saving: no re-render of the editor on every drag frame.
      setStatus((current) => (current.state === 'saving' ? current : SAVING));
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(save, AUTOSAVE_DELAY_MS);
    });
    const flush = () => {
      if (pending.current) clearTimeout(pending.current);
      save();
    };
    window.addEventListener('beforeunload', flush);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [workspaceId, t]);
  return status;
}

/** Re-checks the chain after edits settle (deferred, so dragging stays smooth) and feeds the store. */
export function useFindings(): void {
  // Findings do not depend on positions: `content` does not change while nodes are dragged.
  const content = useChainEditor((state) => state.content);
  const deferred = useDeferredValue(content);
  useEffect(() => {
    useChainEditor.getState().setFindings(deferred ? chainFindings(deferred) : []);
  }, [deferred]);
}

/** The store's messages (a refused link, a bad paste) as the app's notice. */
export function useEditorMessages(): void {
  const language = useLanguage();
  const message = useChainEditor((state) => state.message);
  useEffect(() => {
    if (message) useAppStore.getState().notify(message.severity, message.text[language]);
  }, [message, language]);
}
