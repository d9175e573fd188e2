import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import FileDownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import FitScreenIcon from '@mui/icons-material/FitScreen';
import HistoryIcon from '@mui/icons-material/History';
import KeyboardIcon from '@mui/icons-material/KeyboardOutlined';
import LibraryAddIcon from '@mui/icons-material/LibraryAddOutlined';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import { Divider, IconButton, Menu, MenuItem, Stack, Tooltip } from '@mui/material';
import { useReactFlow } from '@xyflow/react';
import { useFitChain } from '../canvas/useFitChain';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chainFileText, type Chain } from '../../../domain/chains';
import { useAppStore } from '../../../store/appStore';
import { downloadText } from '../../../ui/download';
import { errorMessage } from '../../../ui/errorMessage';
import { copySelectionText, deleteSelection, duplicateSelected, pasteText, tidyUp } from '../canvas/editorActions';
import { useChainEditor } from '../canvas/editorStore';
import { ShareLinkDialog } from '../share/ShareLinkDialog';
import { canvasImage, downloadDataUrl, fileBaseName } from './canvasImage';

function ToolButton({ label, onClick, isDisabled = false, testId, children }: { label: string; onClick(): void; isDisabled?: boolean; testId: string; children: ReactNode }) {
  return (
    <Tooltip title={label}>
      <span>
        <IconButton aria-label={label} onClick={onClick} disabled={isDisabled} data-testid={testId} size="small">
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

function ExportMenu() {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [sharedChain, setSharedChain] = useState<Chain | null>(null);
  const { getNodes } = useReactFlow();
  const notify = useAppStore((state) => state.notify);
  function exportFile(): void {
    const chain = useChainEditor.getState().chain;
    if (chain) downloadText(`${fileBaseName(chain.name)}.chain.json`, chainFileText(chain), 'application/json');
  }
  async function exportImage(format: 'png' | 'svg'): Promise<void> {
    const chain = useChainEditor.getState().chain;
    const container = document.querySelector<HTMLElement>('[data-testid="chain-canvas"]');
    if (!chain || !container) return;
    try {
      downloadDataUrl(`${fileBaseName(chain.name)}.${format}`, await canvasImage(container, getNodes(), format));
    } catch (error) {
      notify('error', t('chains.file.imageFailed', { message: errorMessage(error, t) }));
    }
  }
  const items: [string, string, () => void][] = [
    ['file', t('chains.editor.exportFile'), exportFile],
    ['png', t('chains.editor.exportPng'), () => void exportImage('png')],
    ['svg', t('chains.editor.exportSvg'), () => void exportImage('svg')],
    ['link', t('chains.editor.exportLink'), () => setSharedChain(useChainEditor.getState().chain)],
  ];
  return (
    <>
      <ToolButton label={t('chains.editor.export')} onClick={() => setAnchor(document.querySelector<HTMLElement>('[data-testid="toolbar-export"]'))} testId="toolbar-export">
        <FileDownloadIcon fontSize="small" />
      </ToolButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {items.map(([key, label, run]) => (
          <MenuItem key={key} data-testid={`export-${key}`} onClick={() => { setAnchor(null); run(); }}>{label}</MenuItem>
        ))}
      </Menu>
      {sharedChain && <ShareLinkDialog chain={sharedChain} onClose={() => setSharedChain(null)} />}
    </>
  );
}

async function copyToClipboard(notify: (severity: 'info' | 'warning', message: string) => void, t: TFunction): Promise<void> {
  const copied = copySelectionText();
  if (!copied) return;
  try {
    await navigator.clipboard.writeText(copied.text);
    notify('info', t('chains.editor.copied', { count: copied.count }));
  } catch (error) {
    notify('warning', errorMessage(error, t));
  }
}

async function pasteFromClipboard(notify: (severity: 'info' | 'warning', message: string) => void, t: TFunction): Promise<void> {
  try {
    const count = pasteText(await navigator.clipboard.readText());
    if (count) notify('info', t('chains.editor.pasted', { count }));
  } catch {
    notify('warning', t('chains.editor.nothingToPaste'));
  }
}

/** Undo / redo, clipboard, tidy up, fit, export, versions and the shortcuts help. */
export function EditorToolbar({ onVersions, onHelp }: { onVersions(): void; onHelp(): void }) {
  const { t } = useTranslation();
  const canUndo = useChainEditor((state) => state.history.past.length > 0);
  const canRedo = useChainEditor((state) => state.history.future.length > 0);
  const hasSelection = useChainEditor((state) => state.selectedIds.size > 0);
  const selectedNodes = useChainEditor((state) => (state.content ? state.content.nodes.filter((node) => state.selectedIds.has(node.id)).length : 0));
  const notify = useAppStore((state) => state.notify);
  const fitChain = useFitChain();
  return (
    <Stack direction="row" role="toolbar" aria-label={t('chains.editor.canvas')} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 0.25 }}>
      <ToolButton label={`${t('chains.editor.undo')} (Ctrl+Z)`} onClick={() => useChainEditor.getState().undo()} isDisabled={!canUndo} testId="toolbar-undo"><UndoIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.redo')} (Ctrl+Shift+Z)`} onClick={() => useChainEditor.getState().redo()} isDisabled={!canRedo} testId="toolbar-redo"><RedoIcon fontSize="small" /></ToolButton>
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
      <ToolButton label={`${t('chains.editor.copy')} (Ctrl+C)`} onClick={() => void copyToClipboard(notify, t)} isDisabled={!hasSelection} testId="toolbar-copy"><ContentCopyIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.paste')} (Ctrl+V)`} onClick={() => void pasteFromClipboard(notify, t)} testId="toolbar-paste"><ContentPasteIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.duplicate')} (Ctrl+D)`} onClick={duplicateSelected} isDisabled={!hasSelection} testId="toolbar-duplicate"><LibraryAddIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.delete')} (Delete)`} onClick={deleteSelection} isDisabled={!hasSelection} testId="toolbar-delete"><DeleteOutlineIcon fontSize="small" /></ToolButton>
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
      <ToolButton label={`${selectedNodes > 1 ? t('chains.editor.layoutSelection') : t('chains.editor.layout')} (Shift+L)`} onClick={tidyUp} testId="toolbar-layout"><AccountTreeIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.fitView')} (Shift+F)`} onClick={() => fitChain()} testId="toolbar-fit"><FitScreenIcon fontSize="small" /></ToolButton>
      <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
      <ExportMenu />
      <ToolButton label={t('chains.editor.versions')} onClick={onVersions} testId="toolbar-versions"><HistoryIcon fontSize="small" /></ToolButton>
      <ToolButton label={`${t('chains.editor.shortcuts')} (?)`} onClick={onHelp} testId="toolbar-shortcuts"><KeyboardIcon fontSize="small" /></ToolButton>
    </Stack>
  );
}
