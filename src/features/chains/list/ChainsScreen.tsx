import AddIcon from '@mui/icons-material/Add';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesomeOutlined';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import SearchIcon from '@mui/icons-material/Search';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import { Alert, Box, Button, Checkbox, Chip, IconButton, InputAdornment, Link, Menu, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from '../../../db/react';
import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useWorkspaceVocabulary } from '../../conditions/useWorkspaceVocabulary';
import { createChainRecord, getDatabase, listChains, newId, type ChainListItem, type UnreadableChain } from '../../../db';
import type { Workspace } from '../../../domain';
import { useAppStore } from '../../../store/appStore';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { useJourneySettings } from '../../journey/journeySettings';
import { stageName } from '../../journey/labels';
import { RunStoredChains } from '../../runs/run/RunStoredChains';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { ChainDialogs, type ChainDialog } from './ChainDialogs';
import { MAX_CHAIN_FILE_BYTES, readChainImport } from './chainImport';
import { blankChain, filterRows } from './chainListModel';
import { TemplatePicker } from './TemplatePicker';

function useImportChain(workspace: Workspace) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const navigate = useNavigate();
  return async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CHAIN_FILE_BYTES) {
      notify('error', t('chains.file.tooLarge', { file: file.name, size: format.bytes(file.size) }));
      return;
    }
    const result = readChainImport(await file.text(), newId());
    if (!result.ok) {
      if (result.reason === 'refused') notify('error', t('chains.file.refused', { file: file.name, message: result.message[language] }));
      else notify('error', t('chains.file.setAside', { file: file.name, count: result.count, reasons: result.reasons.map((reason) => reason[language]).join('; ') }));
      return;
    }
    // A fresh id and, when the name is taken, "Name 2" (the repository).
    const chain = await createChainRecord(getDatabase(), workspace.id, result.chain);
    if (result.repairs.length) notify('warning', t('chains.file.importedRepaired', { name: chain.name, count: result.repairs.length, notes: result.repairs.map((note) => note[language]).join('; ') }));
    else notify('success', t('chains.file.imported', { name: chain.name }));
    navigate(`/chains/${chain.id}`);
  };
}

function RowActions({ row, onAction, onRun }: { row: ChainListItem; onAction(dialog: ChainDialog): void; onRun(chainIds: string[]): void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (kind: ChainDialog['kind']) => {
    setAnchor(null);
    onAction({ kind, chainId: row.id, name: row.name });
  };
  return (
    <>
      <IconButton aria-label={t('chains.more', { name: row.name })} onClick={(event) => setAnchor(event.currentTarget)} data-testid="chain-row-menu" size="small">
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => { setAnchor(null); onRun([row.id]); }} data-testid="chain-row-run">{t('runCanvas.run')}</MenuItem>
        <MenuItem onClick={() => choose('rename')}>{t('chains.rename')}</MenuItem>
        <MenuItem onClick={() => choose('duplicate')}>{t('chains.duplicate')}</MenuItem>
        <MenuItem onClick={() => choose('delete')} sx={{ color: 'error.main' }}>{t('chains.delete')}</MenuItem>
      </Menu>
    </>
  );
}

function ValidityChip({ row }: { row: ChainListItem }) {
  const { t } = useTranslation();
  if (!row.isValid) return <Chip size="small" color="error" variant="outlined" icon={<ErrorOutlineIcon />} label={t('chains.invalid', { count: row.errors })} />;
  if (row.warnings) return <Chip size="small" color="warning" variant="outlined" label={t('chains.warnings', { count: row.warnings })} />;
  return <Chip size="small" color="success" variant="outlined" icon={<CheckCircleIcon />} label={t('chains.valid')} />;
}

interface Selection {
  ids: ReadonlySet<string>;
  toggle(id: string): void;
  setAll(ids: readonly string[]): void;
}

function ChainTable({ rows, workspace, onAction, onRun, selection }: { rows: ChainListItem[]; workspace: Workspace; onAction(dialog: ChainDialog): void; onRun(chainIds: string[]): void; selection: Selection }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useJourneySettings(workspace.id);
  const nameOfStage = (stage: string | null) => (stage === null ? t('chains.noStage') : settings ? stageName(settings.mapping, stage, t) : stage);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="chain-list">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                size="small"
                checked={rows.length > 0 && rows.every((row) => selection.ids.has(row.id))}
                indeterminate={rows.some((row) => selection.ids.has(row.id)) && !rows.every((row) => selection.ids.has(row.id))}
                onChange={(event) => selection.setAll(event.target.checked ? rows.map((row) => row.id) : [])}
                slotProps={{ input: { 'aria-label': t('runCanvas.selectAll') } }}
              />
            </TableCell>
            <TableCell>{t('chains.columns.name')}</TableCell>
            <TableCell>{t('chains.columns.stage')}</TableCell>
            <TableCell align="right">{t('chains.columns.nodes')}</TableCell>
            <TableCell>{t('chains.columns.validity')}</TableCell>
            <TableCell>{t('chains.columns.updated')}</TableCell>
            <TableCell align="right"><Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('chains.columns.actions')}</Box></TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover data-testid="chain-row" data-chain-id={row.id} selected={selection.ids.has(row.id)}>
              <TableCell padding="checkbox">
                <Checkbox size="small" checked={selection.ids.has(row.id)} onChange={() => selection.toggle(row.id)} slotProps={{ input: { 'aria-label': t('runCanvas.select', { name: row.name }), 'data-testid': 'chain-row-select' } as object }} />
              </TableCell>
              <TableCell><Link component={RouterLink} to={`/chains/${row.id}`} sx={{ fontWeight: 500 }}>{row.name}</Link></TableCell>
              <TableCell>{nameOfStage(row.stage)}</TableCell>
              <TableCell align="right">{format.count(row.nodeCount)}</TableCell>
              <TableCell><ValidityChip row={row} /></TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(row.updatedAt)}</TableCell>
              <TableCell align="right"><RowActions row={row} onAction={onAction} onRun={onRun} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Stored chains that cannot be read: listed with why, kept (deleting one is the user's choice). */
function UnreadableChains({ items, onAction }: { items: UnreadableChain[]; onAction(dialog: ChainDialog): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert severity="warning" data-testid="unreadable-chains">
      {items.map((item) => (
        <Stack key={item.id} direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Typography variant="body2">{t('chains.unreadableRow', { name: item.name, message: item.message[language] })}</Typography>
          <Button size="small" color="inherit" onClick={() => onAction({ kind: 'delete', chainId: item.id, name: item.name })}>{t('chains.delete')}</Button>
        </Stack>
      ))}
    </Alert>
  );
}

function Chains({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<ChainDialog | null>(null);
  const [isPickingTemplate, setPickingTemplate] = useState(false);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [runIds, setRunIds] = useState<string[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The check counts names the workspace's data lacks, as the editor's does (once the vocabulary is known).
  const vocabulary = useWorkspaceVocabulary(workspace.id);
  const listed = useLiveQuery(() => listChains(getDatabase(), workspace.id, { vocabulary }), [workspace.id, vocabulary]);
  const settings = useJourneySettings(workspace.id);
  const rows = useMemo(() => listed?.chains ?? [], [listed]);
  const importFile = useImportChain(workspace);
  const shown = filterRows(rows, query, (stage) => (stage && settings ? stageName(settings.mapping, stage, t) : ''));
  // Selected chains that still exist, in the list's order.
  const selectedRows = rows.filter((row) => selectedIds.has(row.id));
  const selection: Selection = {
    ids: selectedIds,
    toggle: (id) => setSelectedIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    }),
    setAll: (ids) => setSelectedIds(new Set(ids)),
  };
  async function createBlank(): Promise<void> {
    const chain = await createChainRecord(getDatabase(), workspace.id, blankChain(newId(), t('chains.blankName')));
    navigate(`/chains/${chain.id}`);
  }
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h5" component="h1">{t('chains.title')}</Typography>
        <Typography color="text.secondary">{t('chains.subtitle')}</Typography>
      </Box>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          size="small"
          type="search"
          placeholder={t('chains.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          slotProps={{ htmlInput: { 'aria-label': t('chains.search') }, input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
          sx={{ minWidth: 240, flexGrow: 1, maxWidth: 400 }}
        />
        <Box sx={{ flexGrow: 1 }} />
        {selectedRows.length > 0 && (
          <Button variant="contained" color="secondary" startIcon={<PlayArrowIcon />} onClick={() => setRunIds(selectedRows.map((row) => row.id))} data-testid="run-selected">{t('runCanvas.runSelected', { count: selectedRows.length })}</Button>
        )}
        <Button variant="contained" startIcon={<AutoAwesomeIcon />} onClick={() => setPickingTemplate(true)} data-testid="new-from-template">{t('chains.newFromTemplate')}</Button>
        <Button variant="outlined" startIcon={<AddIcon />} onClick={() => void createBlank()} data-testid="new-blank">{t('chains.newBlank')}</Button>
        <Button variant="text" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()} data-testid="import-chain">{t('chains.import')}</Button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(event) => void importFile(event)} data-testid="import-chain-input" aria-label={t('chains.import')} />
      </Stack>
      {listed && listed.unreadable.length > 0 && <UnreadableChains items={listed.unreadable} onAction={setDialog} />}
      {listed === undefined ? null : rows.length === 0 ? (
        <Alert severity="info">{t('chains.empty')}</Alert>
      ) : shown.length === 0 ? (
        <Alert severity="info">{t('chains.noMatch', { query })}</Alert>
      ) : (
        <ChainTable rows={shown} workspace={workspace} onAction={setDialog} onRun={setRunIds} selection={selection} />
      )}
      {dialog && <ChainDialogs dialog={dialog} onClose={() => setDialog(null)} />}
      <RunStoredChains chainIds={runIds} onClose={() => setRunIds(null)} />
      {isPickingTemplate && <TemplatePicker workspace={workspace} onClose={() => setPickingTemplate(false)} />}
    </Stack>
  );
}

/** /chains — the workspace's chains. */
export function ChainsScreen() {
  const workspace = useActiveWorkspace();
  return workspace ? <Chains key={workspace.id} workspace={workspace} /> : null;
}
