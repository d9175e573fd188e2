import AddIcon from '@mui/icons-material/Add';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Alert, Box, Button, Checkbox, Chip, IconButton, LinearProgress, Link, Menu, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { Workspace } from '../../../domain';
import type { RunListItem, RunSummary } from '../../../engine/simulate/simulateTypes';
import { useAppStore } from '../../../store/appStore';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { visuallyHidden } from '../../../ui/visuallyHidden';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { runErrorText } from '../results/runText';
import { NewRunDialog } from './NewRunDialog';
import { RunDialogs, type RunDialog } from './RunDialogs';
import { repeatRun, useSavedRuns } from './runActions';

type Summary = RunSummary & { ok: true };

function RowMenu({ run, onAction }: { run: Summary; onAction(kind: RunDialog['kind'] | 'repeat'): void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (kind: RunDialog['kind'] | 'repeat') => {
    setAnchor(null);
    onAction(kind);
  };
  return (
    <>
      <IconButton size="small" aria-label={t('runResults.list.more', { name: run.name })} onClick={(event) => setAnchor(event.currentTarget)} data-testid="run-row-menu">
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('repeat')} data-testid="run-repeat">{t('runResults.list.repeat')}</MenuItem>
        <MenuItem onClick={() => choose('rename')} data-testid="run-rename">{t('runResults.list.rename')}</MenuItem>
        <MenuItem onClick={() => choose('delete')} sx={{ color: 'error.main' }} data-testid="run-delete">{t('runResults.list.delete')}</MenuItem>
      </Menu>
    </>
  );
}

/**
 * Date, chains and period have columns of their own only where the window is wide; narrower
 * (under the `lg` breakpoint, 800 px among them) they go under the run's name, so the table
 * fits the window instead of scrolling sideways (it was 1006 px wide in Russian).
 */
const WIDE_ONLY = { display: { xs: 'none', lg: 'table-cell' } } as const;
const NARROW_ONLY = { display: { xs: 'block', lg: 'none' } } as const;

function RunTable({ runs, picked, onPick, onAction }: { runs: Summary[]; picked: string[]; onPick(id: string): void; onAction(run: Summary, kind: RunDialog['kind'] | 'repeat'): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = t('runResults.list.columns', { returnObjects: true }) as Record<string, string>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="run-list">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox"><Box component="span" sx={visuallyHidden}>{columns.pick}</Box></TableCell>
            <TableCell>{columns.name}</TableCell>
            <TableCell sx={WIDE_ONLY}>{columns.date}</TableCell>
            <TableCell sx={WIDE_ONLY}>{columns.chains}</TableCell>
            <TableCell sx={WIDE_ONLY}>{columns.period}</TableCell>
            <TableCell align="right">{columns.customers}</TableCell>
            <TableCell align="right">{columns.messages}</TableCell>
            <TableCell align="right">{columns.cost}</TableCell>
            <TableCell align="right"><Box component="span" sx={visuallyHidden}>{columns.actions}</Box></TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => {
            const isPicked = picked.includes(run.id);
            const createdAt = format.dateTime(run.createdAt);
            const chains = run.chains.map((chain) => chain.name).join(', ');
            const period = t('runResults.list.period', { from: format.calendarDate(run.period.from), to: format.calendarDate(run.period.to) });
            return (
              <TableRow key={run.id} hover selected={isPicked} data-testid="run-row" data-run-id={run.id}>
                <TableCell padding="checkbox">
                  <Checkbox checked={isPicked} disabled={!isPicked && picked.length >= 2} onChange={() => onPick(run.id)} slotProps={{ input: { 'aria-label': t('runResults.list.pick', { name: run.name }) } }} data-testid="run-pick" />
                </TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  <Link component={RouterLink} to={`/runs/${run.id}`} sx={{ fontWeight: 500 }} data-testid="run-open">{run.name}</Link>
                  {run.status !== 'done' && <Chip size="small" variant="outlined" color="warning" sx={{ ml: 1 }} label={t(`runResults.list.status.${run.status}`)} />}
                  <Typography variant="body2" color="text.secondary" sx={NARROW_ONLY} data-testid="run-row-details">{[createdAt, chains, period].join(' · ')}</Typography>
                </TableCell>
                <TableCell sx={{ ...WIDE_ONLY, whiteSpace: 'nowrap' }}>{createdAt}</TableCell>
                <TableCell sx={WIDE_ONLY}>{chains}</TableCell>
                <TableCell sx={{ ...WIDE_ONLY, whiteSpace: 'nowrap' }}>{period}</TableCell>
                <TableCell align="right" data-testid="run-customers">{format.count(run.customers)}</TableCell>
                <TableCell align="right" data-testid="run-messages">{format.count(run.messages)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }} data-testid="run-cost">{format.money(run.cost, 'whole')}</TableCell>
                <TableCell align="right"><RowMenu run={run} onAction={(kind) => onAction(run, kind)} /></TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Saved runs that cannot be read: listed with the reason, never hidden; deleting one is the user's choice. */
function UnreadableRuns({ items, onDelete }: { items: Extract<RunListItem, { ok: false }>[]; onDelete(id: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert severity="warning" data-testid="unreadable-runs">
      {items.map((item) => (
        <Stack key={item.id} direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <Typography variant="body2">{t('runResults.list.unreadable', { id: item.id, message: item.message[language] })}</Typography>
          <Button size="small" color="inherit" onClick={() => onDelete(item.id)}>{t('runResults.list.delete')}</Button>
        </Stack>
      ))}
    </Alert>
  );
}

function useRepeat(workspace: Workspace, reload: () => void) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [repeating, setRepeating] = useState<{ name: string; done: number; total: number } | null>(null);
  const controller = useRef<AbortController | null>(null);
  async function repeat(run: Summary): Promise<void> {
    controller.current = new AbortController();
    setRepeating({ name: run.name, done: 0, total: 0 });
    try {
      const record = await repeatRun(workspace.id, run.id, (name) => t('runResults.list.repeatName', { name }), {
        signal: controller.current.signal,
        onProgress: ({ done, total }) => setRepeating({ name: run.name, done, total }),
      });
      notify('success', t('runResults.list.repeated', { name: record.name }));
    } catch (error) {
      if (!controller.current.signal.aborted) notify('error', runErrorText(error, t));
    } finally {
      setRepeating(null);
      reload();
    }
  }
  return { repeating, repeat, cancel: () => controller.current?.abort() };
}

function Runs({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, error, reload } = useSavedRuns(workspace.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [dialog, setDialog] = useState<RunDialog | null>(null);
  const [isNewRunOpen, setNewRunOpen] = useState(false);
  const { repeating, repeat, cancel } = useRepeat(workspace, reload);
  const runs = (items ?? []).filter((item): item is Summary => item.ok);
  const unreadable = (items ?? []).filter((item): item is Extract<RunListItem, { ok: false }> => !item.ok);
  const shownPicks = picked.filter((id) => runs.some((run) => run.id === id));
  function pick(id: string): void {
    setPicked((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current, id].slice(-2)));
  }
  function act(run: Summary, kind: RunDialog['kind'] | 'repeat'): void {
    if (kind === 'repeat') void repeat(run);
    else setDialog({ kind, runId: run.id, name: run.name });
  }
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h5" component="h1">{t('runResults.list.title')}</Typography>
          <Typography color="text.secondary">{t('runResults.list.subtitle')}</Typography>
        </Box>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setNewRunOpen(true)} data-testid="runs-new-run">{t('runResults.list.newRun')}</Button>
      </Stack>
      {runs.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" data-testid="run-picked">{t('runResults.list.picked', { n: shownPicks.length })}</Typography>
          <Button variant="contained" startIcon={<CompareArrowsIcon />} disabled={shownPicks.length !== 2} onClick={() => navigate(`/runs/compare/${shownPicks[0]}/${shownPicks[1]}`)} data-testid="run-compare">{t('runResults.list.compare')}</Button>
          {shownPicks.length > 0 && <Button onClick={() => setPicked([])}>{t('runResults.list.clearPicks')}</Button>}
        </Stack>
      )}
      {repeating && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="run-repeating">
          <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
            <Typography variant="body2" sx={{ flexGrow: 1 }}>{t('runResults.list.repeating', { name: repeating.name })}</Typography>
            <Button size="small" onClick={cancel}>{t('runResults.list.cancel')}</Button>
          </Stack>
          <LinearProgress variant={repeating.total ? 'determinate' : 'indeterminate'} value={repeating.total ? (100 * repeating.done) / repeating.total : 0} aria-label={t('runResults.list.repeating', { name: repeating.name })} />
        </Paper>
      )}
      {error !== undefined && <Alert severity="error">{runErrorText(error, t)}</Alert>}
      {unreadable.length > 0 && <UnreadableRuns items={unreadable} onDelete={(id) => setDialog({ kind: 'delete', runId: id, name: id })} />}
      {items === undefined && error === undefined ? (
        <Typography color="text.secondary" role="status">{t('runResults.list.loading')}</Typography>
      ) : runs.length === 0 && unreadable.length === 0 ? (
        <Alert severity="info" data-testid="runs-empty" action={<Button color="inherit" component={RouterLink} to="/chains">{t('runResults.list.toChains')}</Button>}>{t('runResults.list.empty')}</Alert>
      ) : (
        runs.length > 0 && <RunTable runs={runs} picked={shownPicks} onPick={pick} onAction={act} />
      )}
      {dialog && <RunDialogs workspaceId={workspace.id} dialog={dialog} onClose={() => setDialog(null)} onDone={reload} />}
      {isNewRunOpen && <NewRunDialog workspaceId={workspace.id} onClose={() => setNewRunOpen(false)} onFinished={reload} />}
    </Stack>
  );
}

/** /runs — the saved runs of the workspace. */
export function RunsScreen() {
  const workspace = useActiveWorkspace();
  return workspace ? <Runs key={workspace.id} workspace={workspace} /> : null;
}
