import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, LinearProgress, Paper, Stack, TextField, Typography, useMediaQuery, useTheme } from '@mui/material';
import { ReactFlowProvider } from '@xyflow/react';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Chain } from '../../../domain/chains';
import { useLanguage } from '../../../ui/useLanguage';
import { useWorkspaceVocabulary } from '../../conditions/useWorkspaceVocabulary';
import { RunResultsBar } from '../../runs/canvas/RunResultsBar';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { ChainCanvas } from '../canvas/ChainCanvas';
import { SummaryContext } from '../canvas/ChainNodeCard';
import { useChainEditor } from '../canvas/editorStore';
import { createSummarySource } from '../canvas/summarySource';
import { ChainInspector } from '../inspector/ChainInspector';
import { EditorToolbar } from './EditorToolbar';
import { FindingsList } from './FindingsList';
import { Palette } from './Palette';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useEditorShortcuts } from './useEditorShortcuts';
import { ChainOpenElsewhere } from './ChainOpenElsewhere';
import { useChainTabLock } from './useChainTabLock';
import { useAutosave, useEditorMessages, useFindings, useOpenChain, type OpenedChain, type SaveStatus } from './useEditorSession';
import { useWorkspaceNames } from './useWorkspaceNames';
import { VersionsDialog } from './VersionsDialog';

const STALE_SX = { visibility: 'hidden' } as const;

function ChainNameField() {
  const { t } = useTranslation();
  const name = useChainEditor((state) => state.chain?.name ?? '');
  const [draft, setDraft] = useState<string | null>(null);
  function commit(): void {
    const { chain, edit } = useChainEditor.getState();
    if (chain && draft !== null && draft.trim() && draft.trim() !== chain.name) edit({ ...chain, name: draft.trim() });
    setDraft(null);
  }
  return (
    <TextField
      size="small"
      variant="standard"
      value={draft ?? name}
      error={draft !== null && !draft.trim()}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
      slotProps={{ htmlInput: { 'aria-label': t('chains.nameLabel'), maxLength: 120, 'data-testid': 'chain-name' } }}
      sx={{ minWidth: 200, flexGrow: 1, maxWidth: 420, '& input': { fontSize: 20, fontWeight: 500 } }}
    />
  );
}

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const text = status.state === 'saved' ? t('chains.editor.saved') : status.state === 'saving' ? t('chains.editor.saving') : t('chains.editor.saveFailed', { message: status.message });
  return <Typography variant="caption" role="status" data-testid="save-status" data-state={status.state} color={status.state === 'failed' ? 'error' : 'text.secondary'}>{text}</Typography>;
}

/** Re-renders only for new props: the panel's own render with a stale node (below) costs nothing. */
const Inspector = memo(ChainInspector);

/**
 * The selected node's form, or the chain's settings. A node's form mounts in the background
 * (`useDeferredValue`): pressing a card to drag it selects it, and mounting its two dozen fields
 * at once stalled the drag's first frames. Until the new form is ready the old one is hidden, so
 * nothing is typed into the wrong node.
 */
function SidePanel({ workspaceId }: { workspaceId: string }) {
  const chain = useChainEditor((state) => state.content);
  const selectedNodeId = useChainEditor((state) => {
    const nodes = state.content?.nodes.filter((node) => state.selectedIds.has(node.id)) ?? [];
    return nodes.length === 1 ? nodes[0]!.id : null;
  });
  const shownNodeId = useDeferredValue(selectedNodeId);
  const isStale = shownNodeId !== selectedNodeId;
  const onChange = useCallback((next: Chain, options?: { coalesceKey?: string }) => useChainEditor.getState().editContent(next, options), []);
  if (!chain) return null;
  return (
    <Box aria-busy={isStale} sx={isStale ? STALE_SX : undefined}>
      <Inspector chain={chain} selectedNodeId={shownNodeId} workspaceId={workspaceId} onChange={onChange} />
    </Box>
  );
}

/**
 * Keeps the chain's findings checked. With the workspace's vocabulary the check also warns about
 * event types, fields and segments its data lacks. A component of its own: the vocabulary changes
 * as the data-quality, RFM and journey scans report progress and answer (the first minutes after
 * an import, a first run included), and that must not re-render the whole editor.
 */
function FindingsCheck({ workspaceId }: { workspaceId: string }) {
  useFindings(useWorkspaceVocabulary(workspaceId));
  return null;
}

function Editor({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const isWide = useMediaQuery(theme.breakpoints.up('lg'));
  const root = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<'help' | 'versions' | null>(null);
  const openHelp = useCallback(() => setDialog('help'), []);
  const { status, flush } = useAutosave();
  const names = useWorkspaceNames(workspaceId);
  const [summaries] = useState(() => createSummarySource(names));
  useEffect(() => summaries.setNames(names), [summaries, names]);
  useEditorMessages();
  useEditorShortcuts(root, openHelp);
  const panel = (
    <Paper variant="outlined" component="aside" aria-label={t('chains.editor.panel')} sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 2, overflow: 'auto', ...(isWide ? { width: 320, flexShrink: 0 } : {}) }}>
      <FindingsList />
      <SidePanel workspaceId={workspaceId} />
    </Paper>
  );
  return (
    <SummaryContext.Provider value={summaries}>
      <FindingsCheck workspaceId={workspaceId} />
      <Stack spacing={1} ref={root} data-testid="chain-editor">
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Button component={RouterLink} to="/chains" startIcon={<ArrowBackIcon />} size="small">{t('chains.editor.back')}</Button>
          <ChainNameField />
          <SaveIndicator status={status} />
          <Box sx={{ flexGrow: 1 }} />
          <EditorToolbar onVersions={() => setDialog('versions')} onHelp={openHelp} />
        </Stack>
        <RunResultsBar workspaceId={workspaceId} />
        {!isWide && <Palette direction="row" />}
        <Stack direction="row" spacing={1.5} sx={{ height: isWide ? 'calc(100vh - 200px)' : '70vh', minHeight: 420 }}>
          {isWide && (
            <Paper variant="outlined" sx={{ p: 1.5, width: 190, flexShrink: 0, overflow: 'auto' }}>
              <Palette direction="column" />
            </Paper>
          )}
          <Paper variant="outlined" sx={{ flexGrow: 1, minWidth: 0, overflow: 'hidden' }}>
            <ChainCanvas />
          </Paper>
          {isWide && panel}
        </Stack>
        {!isWide && panel}
      </Stack>
      <ShortcutsDialog isOpen={dialog === 'help'} onClose={() => setDialog(null)} />
      <VersionsDialog isOpen={dialog === 'versions'} onClose={() => setDialog(null)} flush={flush} />
    </SummaryContext.Provider>
  );
}

/** What reading the stored chain repaired or set aside (the stored original stays in the history). */
function ReadNotes({ loaded }: { loaded: OpenedChain }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!loaded.ok) return null;
  const { repairs, setAside } = loaded.loaded;
  if (!repairs.length && !setAside.length) return null;
  const notes = [...setAside.map((item) => item.reason[language]), ...repairs.map((note) => `${note.path}: ${note.message[language]}`)];
  return (
    <Alert severity={setAside.length ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="read-notes">
      {t(setAside.length ? 'chains.editor.setAside' : 'chains.editor.repaired', { count: setAside.length || repairs.length })}
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>{notes.slice(0, 5).map((note, index) => <li key={index}>{note}</li>)}</Box>
    </Alert>
  );
}

/** /chains/:chainId — the chain editor; read-only while another tab edits the chain (useChainTabLock.ts). */
export function ChainEditorScreen() {
  const { t } = useTranslation();
  const { chainId = '' } = useParams();
  const lock = useChainTabLock(chainId);
  if (lock === 'pending') return <LinearProgress aria-label={t('chains.editor.loading')} />;
  if (lock === 'elsewhere') return <ChainOpenElsewhere chainId={chainId} />;
  return <EditableChain chainId={chainId} />;
}

function EditableChain({ chainId }: { chainId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const workspace = useActiveWorkspace();
  const loaded = useOpenChain(chainId);
  const isOpen = useChainEditor((state) => state.chain?.id === chainId);
  const problem = useMemo(() => {
    if (loaded === 'missing') return t('chains.editor.notFound');
    if (loaded && !loaded.ok) return t('chains.editor.unreadable', { message: loaded.unreadable.message[language] });
    return null;
  }, [loaded, t, language]);
  if (problem) {
    return (
      <Stack spacing={2}>
        <Button component={RouterLink} to="/chains" startIcon={<ArrowBackIcon />} sx={{ alignSelf: 'flex-start' }}>{t('chains.editor.back')}</Button>
        <Alert severity="error">{problem}</Alert>
      </Stack>
    );
  }
  if (!workspace || !loaded || loaded === 'missing' || !isOpen) return <LinearProgress aria-label={t('chains.editor.loading')} />;
  return (
    <ReactFlowProvider>
      <ReadNotes loaded={loaded} />
      <Editor workspaceId={workspace.id} />
    </ReactFlowProvider>
  );
}
