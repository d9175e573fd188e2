import { Alert, Box, Button, InputAdornment, List, ListItemButton, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import CasinoIcon from '@mui/icons-material/Casino';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { Workspace } from '../../../domain';
import { errorMessage } from '../../../ui/errorMessage';
import { useFormat } from '../../../ui/format';
import { useDebounced } from '../../../ui/useDebounced';
import { BusyBar } from '../../../ui/ProgressBars';
import { engineWorker } from '../../../workers/engineClient';
import { useEngineCall } from '../../../workers/useEngineCall';
import { pickSeededCustomer } from './traceTimeline';

const SEARCH_RESULTS = 8;
/** Candidates kept for the random pick: the count is always complete, the pick is among these. */
const RANDOM_CANDIDATES = 100_000;

export function traceLink(runId: string, customerId: string, seed?: number): string {
  return `/runs/${encodeURIComponent(runId)}/trace/${encodeURIComponent(customerId)}${seed === undefined ? '' : `?seed=${seed}`}`;
}

function CustomerSearch({ workspace, runId }: { workspace: Workspace; runId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const query = search ? { workspaceId: workspace.id, dataVersion: workspace.dataVersion, query: { search, page: 0, pageSize: SEARCH_RESULTS } } : null;
  const { value, error, isLoading } = useEngineCall('data', 'queryCustomers', query);
  // While the typing settles, the list of the text before is not offered: a click would open someone else's trace.
  const isSettled = search === text.trim();
  return (
    <Box>
      <TextField
        size="small"
        fullWidth
        label={t('runTrace.pick.search')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> }, htmlInput: { 'data-testid': 'trace-search' } }}
      />
      {search && (isLoading || !isSettled) && <BusyBar />}
      {error !== undefined && <Alert severity="error" sx={{ mt: 1 }}>{errorMessage(error, t)}</Alert>}
      {search && value && !isLoading && isSettled && (
        <>
          <Typography variant="caption" color="text.secondary" role="status">{value.matched ? t('runTrace.pick.matches', { count: value.matched }) : t('runTrace.pick.noMatch', { search })}</Typography>
          <List dense aria-label={t('runTrace.pick.title')}>
            {value.rows.map((row) => (
              <ListItemButton key={row.index} component={RouterLink} to={traceLink(runId, row.id)}>
                <ListItemText primary={`${row.name || row.id} · ${row.id}`} secondary={[row.email, row.phone, row.orders ? format.money(row.revenue, 'whole') : ''].filter(Boolean).join(' · ')} />
              </ListItemButton>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}

type RandomState = { status: 'idle' } | { status: 'searching' } | { status: 'done'; ids: string[]; count: number } | { status: 'failed'; error: unknown };

/** "A random customer who got 2+ messages on one day": the run's candidates once, then a seeded pick (the seed is in the link, so the pick can be reopened). */
function RandomBusyCustomer({ workspace, runId, seed }: { workspace: Workspace; runId: string; seed: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [state, setState] = useState<RandomState>({ status: 'idle' });
  async function pick(nextSeed: number): Promise<void> {
    let candidates = state.status === 'done' ? state : null;
    if (!candidates) {
      setState({ status: 'searching' });
      try {
        candidates = { status: 'done', ...(await engineWorker('simulate').call('customersWithBusyDays', { workspaceId: workspace.id, runId, limit: RANDOM_CANDIDATES })) };
        setState(candidates);
      } catch (error) {
        setState({ status: 'failed', error });
        return;
      }
    }
    const id = pickSeededCustomer(candidates.ids, runId, nextSeed);
    if (id) navigate(traceLink(runId, id, nextSeed));
  }
  const isSearching = state.status === 'searching';
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="outlined" startIcon={<CasinoIcon />} disabled={isSearching} onClick={() => void pick(seed === null ? 1 : seed + 1)} data-testid="trace-random">
          {seed === null ? t('runTrace.pick.random') : t('runTrace.pick.another')}
        </Button>
        {seed !== null && <Typography variant="caption" color="text.secondary">{t('runTrace.pick.seed', { seed })}</Typography>}
      </Stack>
      {isSearching && <BusyBar label={t('runTrace.pick.searching')} />}
      {state.status === 'failed' && <Alert severity="error">{errorMessage(state.error, t)}</Alert>}
      {state.status === 'done' && state.count === 0 && <Alert severity="info" data-testid="trace-random-none">{t('runTrace.pick.randomNone')}</Alert>}
      {state.status === 'done' && state.count > 0 && seed !== null && <Typography variant="body2" role="status">{t('runTrace.pick.randomFound', { count: state.count, seed: format.count(seed) })}</Typography>}
    </Stack>
  );
}

/** Choosing whose trace to read: a search over the workspace's customers, or a random customer with a busy day. */
export function TracePicker({ workspace, runId, seed }: { workspace: Workspace; runId: string; seed: number | null }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{t('runTrace.pick.title')}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
        <CustomerSearch workspace={workspace} runId={runId} />
        <RandomBusyCustomer key={`${workspace.id}|${workspace.dataVersion}|${runId}`} workspace={workspace} runId={runId} seed={seed} />
      </Box>
    </Paper>
  );
}
