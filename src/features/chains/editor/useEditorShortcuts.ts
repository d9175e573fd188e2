import { useFitChain } from '../canvas/useFitChain';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/appStore';
import { copySelectionText, deleteSelection, duplicateSelected, pasteText, selectAll, tidyUp } from '../canvas/editorActions';
import { useChainEditor } from '../canvas/editorStore';

type ShortcutAction = 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate' | 'delete' | 'selectAll' | 'move' | 'nextNode' | 'connect' | 'layout' | 'fit' | 'help';

/** The shortcuts, as the help dialog lists them ("Ctrl" is ⌘ on a Mac). */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: string[] }[] = [
  { action: 'undo', keys: ['Ctrl+Z'] },
  { action: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] },
  { action: 'copy', keys: ['Ctrl+C'] },
  { action: 'paste', keys: ['Ctrl+V'] },
  { action: 'duplicate', keys: ['Ctrl+D'] },
  { action: 'delete', keys: ['Delete', 'Backspace'] },
  { action: 'selectAll', keys: ['Ctrl+A'] },
  { action: 'nextNode', keys: ['Tab', 'Shift+Tab'] },
  { action: 'move', keys: ['←', '→', '↑', '↓'] },
  { action: 'connect', keys: ['Tab → +', 'Enter'] },
  { action: 'layout', keys: ['Shift+L'] },
  { action: 'fit', keys: ['Shift+F'] },
  { action: 'help', keys: ['?'] },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Undo, redo, delete, duplicate, select all, tidy up, fit, help — while the focus is in the editor and not in a text field. */
function keyAction(event: KeyboardEvent): (() => void) | 'help' | 'fit' | null {
  const isCommand = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const { undo, redo } = useChainEditor.getState();
  if (isCommand && key === 'z') return event.shiftKey ? redo : undo;
  if (isCommand && key === 'y') return redo;
  if (isCommand && key === 'd') return duplicateSelected;
  if (isCommand && key === 'a') return selectAll;
  if (!isCommand && (event.key === 'Delete' || event.key === 'Backspace')) return deleteSelection;
  if (!isCommand && event.shiftKey && key === 'l') return tidyUp;
  if (!isCommand && event.shiftKey && key === 'f') return 'fit';
  if (event.key === '?') return 'help';
  return null;
}

export function useEditorShortcuts(root: RefObject<HTMLElement | null>, openHelp: () => void): void {
  const { t } = useTranslation();
  const fitChain = useFitChain();
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const isInside = () => element.contains(document.activeElement) || document.activeElement === document.body;
    function onKeyDown(event: KeyboardEvent): void {
      if (isTyping(event.target) || event.defaultPrevented) return;
      const action = keyAction(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') openHelp();
      else if (action === 'fit') fitChain();
      else action();
    }
    function onCopy(event: ClipboardEvent): void {
      if (!isInside() || isTyping(event.target)) return;
      const copied = copySelectionText();
      if (!copied || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', copied.text);
      event.preventDefault();
      useAppStore.getState().notify('info', t('chains.editor.copied', { count: copied.count }));
    }
    function onPaste(event: ClipboardEvent): void {
      if (!isInside() || isTyping(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      const count = pasteText(text);
      if (count) useAppStore.getState().notify('info', t('chains.editor.pasted', { count }));
    }
    element.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [root, openHelp, fitChain, t]);
}
