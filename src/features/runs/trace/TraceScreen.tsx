import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import BadgeIcon from '@mui/icons-material/Badge';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { getDatabase, loadCustomerBlocks, loadTimeline } from '../../../db';
import { useLiveQuery } from '../../../db/react';
import type { Workspace } from '../../../domain';
import { simulationPeriod, type SimulationRunRecord } from '../../../domain/simulation';
import { createFormatter } from '../../../domain/format';
import { useAppStore } from '../../../store/appStore';
import { errorMessage } from '../../../ui/errorMessage';
import { BusyBar } from '../../../ui/ProgressBars';
import { SubPageHeader } from '../../../ui/SubPageHeader';
import { useLanguage } from '../../../ui/useLanguage';
import { useEngineCall } from '../../../workers/useEngineCall';
import { CustomerCard } from '../../data/CustomerCard';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { TracePicker } from './TracePicker';
import { TraceTimelineView } from './TraceTimelineView';
import { useShowOnCanvas } from './useShowOnCanvas';

/** The customer's index and real events, found by id (the trace is asked for by id, the data is stored by index). */
function useCustomerEvents(workspace: Workspace, customerId: string) {
  return useLiveQuery(async () => {
    const db = getDatabase();
    const blocks = await loadCustomerBlocks(db, workspace.id);
    for (const block of blocks) {
      const row = block.id.indexOf(customerId);
      if (row >= 0) {
        const index = block.start + row;
        return { index, events: await loadTimeline(db, workspace.id, { index, id: customerId }) };
      }
    }
    return { index: -1, events: [] };
  }, [workspace.id, workspace.dataVersion, customerId]);
}

/** Times in the run's own zone, so they agree with the local times the engine writes in the reasons. */
function useRunFormatter(record: SimulationRunRecord) {
  const language = useLanguage();
  const currency = useAppStore((state) => state.display.currency.code);
  return useMemo(() => createFormatter({ language, currency, timeZone: record.inputs.settings.timeZone }), [language, currency, record]);
}

function CustomerTrace({ workspace, record, customerId }: { workspace: Workspace; record: SimulationRunRecord; customerId: string }) {
  const { t } = useTranslation();
  const format = useRunFormatter(record);
  const trace = useEngineCall('simulate', 'trace', { workspaceId: workspace.id, runId: record.id, customerId });
  const customer = useCustomerEvents(workspace, customerId);
  const [isCardOpen, setCardOpen] = useState(false);
  const chains = useMemo(() => record.inputs.chains.map((input) => input.chain), [record]);
  const period = useMemo(() => {
    const { startTs, endTs } = simulationPeriod(record.inputs.settings);
    return { fromTs: startTs, toTs: endTs };
  }, [record]);
  const showOnCanvas = useShowOnCanvas(trace.value ?? [], record, customerId);
  const entries = trace.isCurrent ? trace.value ?? [] : [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="customer-trace">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2" data-testid="trace-customer">{t('runTrace.customer', { id: customerId })}</Typography>
        {trace.isCurrent && !trace.error && <Typography variant="body2" color="text.secondary">{t('runTrace.steps', { count: entries.length })}</Typography>}
        <Box sx={{ flexGrow: 1 }} />
        {customer && customer.index >= 0 && <Button startIcon={<BadgeIcon />} onClick={() => setCardOpen(true)}>{t('runTrace.openCard')}</Button>}
        {showOnCanvas.chains.map((chain) => (
          <Button key={chain.id} variant="outlined" data-testid="trace-show-on-canvas" onClick={() => showOnCanvas.show(chain.id, 0)}>{`${t('runTrace.showOnCanvas')}: ${chains.find((item) => item.id === chain.id)?.name ?? chain.id}`}</Button>
        ))}
      </Stack>
      {(trace.isLoading || !customer) && <BusyBar />}
      {trace.error !== undefined && <Alert severity="error">{errorMessage(trace.error, t)}</Alert>}
      {trace.isCurrent && !trace.error && customer && (
        <>
          {entries.length === 0 && <Alert severity="info" sx={{ mb: 1 }}>{t('runTrace.noSteps')}</Alert>}
          <TraceTimelineView trace={entries} events={customer.events} period={period} timeZone={record.inputs.settings.timeZone} chains={chains} format={format} onShowStep={showOnCanvas.isAvailable ? (entry, index) => showOnCanvas.showEntry(entry, index) : null} />
        </>
      )}
      {isCardOpen && customer && customer.index >= 0 && <CustomerCard workspace={workspace} customerIndex={customer.index} onClose={() => setCardOpen(false)} />}
    </Paper>
  );
}

function TraceOfRun({ workspace, runId, customerId }: { workspace: Workspace; runId: string; customerId: string | null }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const seedText = searchParams.get('seed');
  const seed = seedText !== null && /^\d{1,9}$/.test(seedText) ? Number(seedText) : null;
  const run = useEngineCall('simulate', 'loadRun', { workspaceId: workspace.id, runId });
  const record = run.isCurrent ? run.value : undefined;
  return (
    <Stack spacing={2}>
      <SubPageHeader backTo={`/runs/${encodeURIComponent(runId)}`} backLabel={t('runTrace.backToRun')} title={t('runTrace.title')} subtitle={t('runTrace.subtitle', { run: record?.name ?? runId })} />
      {run.isLoading && <BusyBar label={t('runTrace.loadingRun')} />}
      {run.error !== undefined && <Alert severity="error">{errorMessage(run.error, t)}</Alert>}
      {record && (
        <>
          <TracePicker workspace={workspace} runId={runId} seed={seed} />
          {customerId && <CustomerTrace key={customerId} workspace={workspace} record={record} customerId={customerId} />}
        </>
      )}
    </Stack>
  );
}

/** `/runs/:runId/trace` (choose a customer) and `/runs/:runId/trace/:customerId` (their trace). */
export function TraceScreen() {
  const { runId = '', customerId = null } = useParams();
  const workspace = useActiveWorkspace();
  if (!workspace) return <BusyBar />;
  return <TraceOfRun key={workspace.id} workspace={workspace} runId={runId} customerId={customerId} />;
}
