import AccountTreeIcon from '@mui/icons-material/AccountTreeOutlined';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Workspace } from '../../../domain';
import type { SimulationReport, SimulationRunRecord } from '../../../domain/simulation';
import { useFormat, type Formatter } from '../../../ui/format';
import { SubPageHeader } from '../../../ui/SubPageHeader';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { ExportMenu } from '../export/ExportMenu';
import { loadRun } from '../list/runActions';
import { ControlSizing } from './ControlSizing';
import { DayCharts } from './DayCharts';
import { HeadlineCards } from './HeadlineCards';
import { OverlapSection } from './OverlapSection';
import { HeatMapCalendar } from './HeatMapCalendar';
import { headlineCards, heatMapOfRun, reportOfRun } from './resultsModel';
import { runErrorText } from './runText';
import { StaleRunNotice } from './StaleRunNotice';

/** A saved run and its report, read through the simulate worker. */
export function useRunRecord(workspaceId: string, runId: string) {
  const [state, setState] = useState<{ runId: string; record?: SimulationRunRecord; error?: unknown } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadRun(workspaceId, runId)
      .then((record) => isCurrent && setState({ runId, record }))
      .catch((error: unknown) => isCurrent && setState({ runId, error }));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, runId]);
  const current = state?.runId === runId ? state : null;
  const report = useMemo(() => (current?.record ? reportOfRun(current.record) : null), [current]);
  return { record: current?.record, report, error: current?.error, isLoading: current === null };
}

/** Where the canvas shows a chain with this run's counts (the run-canvas part reads `?run=`). */
export function canvasLinkOf(chainId: string, runId: string): string {
  return `/chains/${encodeURIComponent(chainId)}?run=${encodeURIComponent(runId)}`;
}

/** The line under a run's title: its chains, period, seed and when it ran. */
export function runSubtitle(record: SimulationRunRecord, t: TFunction, format: Formatter): string {
  const settings = record.inputs.settings;
  return t('runResults.results.subtitle', {
    chains: record.inputs.chains.map((input) => input.chain.name).join(', '),
    period: t('runResults.list.period', { from: format.calendarDate(settings.from), to: format.calendarDate(settings.to) }),
    seed: settings.seed,
    date: format.dateTime(record.createdAt),
  });
}

/** The honesty sentence and the run's assumptions: what a replay measures, and what only the projection claims. */
export function HonestyNote({ record }: { record: SimulationRunRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = record.inputs.settings;
  return (
    <Alert severity="info" data-testid="run-honesty">
      <Typography variant="body2">{t('runResults.results.honesty')}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="results-projection">
        {settings.projection ? t('runResults.results.projectionAssumptions', { seed: settings.seed, margin: format.percent(settings.margin, 0) }) : t('runResults.results.projectionOff')}
      </Typography>
      {settings.assumeReachable && <Typography variant="body2" sx={{ mt: 0.5 }}>{t('runResults.results.reachable')}</Typography>}
    </Alert>
  );
}

function Results({ workspace, record, report }: { workspace: Workspace; record: SimulationRunRecord; report: SimulationReport }) {
  const { t } = useTranslation();
  const cards = useMemo(() => headlineCards(report), [report]);
  const heatMap = useMemo(() => heatMapOfRun(record), [record]);
  return (
    <Stack spacing={3}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {record.inputs.chains.map(({ chain }) => (
          <Button key={chain.id} variant="outlined" size="small" startIcon={<AccountTreeIcon />} component={RouterLink} to={canvasLinkOf(chain.id, record.id)} data-testid="run-show-on-canvas">
            {record.inputs.chains.length > 1 ? t('runResults.results.showChainOnCanvas', { name: chain.name }) : t('runResults.results.showOnCanvas')}
          </Button>
        ))}
        <ExportMenu record={record} report={report} />
      </Stack>
      <StaleRunNotice workspace={workspace} record={record} />
      <HonestyNote record={record} />
      <HeadlineCards cards={cards} />
      <DayCharts report={report} />
      <HeatMapCalendar map={heatMap} />
      <OverlapSection report={report} />
      <ControlSizing report={report} />
    </Stack>
  );
}

function RunResults({ workspace, runId }: { workspace: Workspace; runId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { record, report, error, isLoading } = useRunRecord(workspace.id, runId);
  return (
    <Stack spacing={2} data-testid="run-results" aria-busy={isLoading}>
      <SubPageHeader backTo="/runs" backLabel={t('runResults.results.back')} title={record?.name ?? t('runResults.list.title')} subtitle={record ? runSubtitle(record, t, format) : ''} />
      {isLoading && <Typography color="text.secondary" role="status">{t('runResults.results.loading')}</Typography>}
      {error !== undefined && <Alert severity="error" data-testid="run-error">{runErrorText(error, t)}</Alert>}
      {record && !report && <Alert severity="warning">{t('runResults.results.noSums', { status: t(`runResults.list.status.${record.status === 'done' ? 'failed' : record.status}`) })}</Alert>}
      {record && report && <Results workspace={workspace} record={record} report={report} />}
    </Stack>
  );
}

/** /runs/:runId — the results of one saved run. */
export function RunResultsScreen() {
  const workspace = useActiveWorkspace();
  const { runId = '' } = useParams();
  return workspace ? <RunResults key={`${workspace.id}/${runId}`} workspace={workspace} runId={runId} /> : null;
}
