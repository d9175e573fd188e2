import { Alert, Box, Button, LinearProgress, Paper, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import type { MetricsDashboard, MetricsSettings } from '../../domain/metrics';
import { formatEpochDay } from '../../domain/time';
import type { MetricsCut, MetricsCutResult, MetricsRequest } from '../../engine';
import { isCancelled } from '../../engine/cancel';
import { useAppStore } from '../../store/appStore';
import { downloadText } from '../../ui/download';
import { errorMessage } from '../../ui/errorMessage';
import { useLanguage } from '../../ui/useLanguage';
import { useEngineCall } from '../../workers/useEngineCall';
import { useJourneySettings } from '../journey/journeySettings';
import { useRfmSettings, useSegmentMap } from '../segments/useRfm';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { CohortCustomersDialog } from './CohortCustomersDialog';
import { CohortTable, type CohortCellTarget } from './CohortTable';
import { CurvesSection } from './CurvesSection';
import { CutTable } from './CutTable';
import { useAudienceDataRequest, useSavedAudiences } from '../audiences/useAudiences';
import { HeadlineCards } from './HeadlineCards';
import { headlineFigures } from './headlineFigures';
import { MetricsControls } from './MetricsControls';
import { cohortCsv, cutCsv, dashboardDocument, ordersPerBuyerCsv, periodLabelOf, totalsCsv, type ExportContext } from './metricsExport';
import { dashboardHtml } from './dashboardHtml';
import { useMetricsFormat, type MetricsFormat } from './metricsFormat';
import { OrdersPerBuyer } from './OrdersPerBuyer';
import { groupLabels, metricsCut, metricsRequest, useMetricsSettings } from './useMetrics';
import { printHtml } from './printHtml';
import { storageReasonText } from '../../ui/storageReason';

export function MetricsScreen() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return <MetricsView key={workspace.id} workspace={workspace} />;
}

function CsvButton({ label, onClick, testId }: { label: string; onClick(): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={onClick} aria-label={t('metrics.export.csvOf', { table: label })} data-testid={testId}>
      {t('metrics.export.csv')}
    </Button>
  );
}

function windowText(dashboard: MetricsDashboard, format: MetricsFormat, t: ReturnType<typeof useTranslation>['t']): string {
  const to = format.calendarDate(formatEpochDay(dashboard.window.toDay - 1));
  if (dashboard.window.fromDay === null) return t('metrics.cards.windowAll', { to });
  return t('metrics.cards.window', { from: format.calendarDate(formatEpochDay(dashboard.window.fromDay)), to });
}

/** The cut the settings ask for, with the settings it needs from the Segments and Journey screens. */
function useCut(workspace: Workspace, settings: MetricsSettings | undefined): { cut: MetricsCut | null; churnDays: number | undefined; audiences: { id: string; name: string }[] | undefined } {
  const language = useLanguage();
  const journey = useJourneySettings(workspace.id);
  const [rfmSettings] = useRfmSettings(workspace);
  const map = useSegmentMap(rfmSettings, language);
  const audienceRequest = useAudienceDataRequest(workspace);
  const saved = useSavedAudiences(workspace.id);
  const cut = useMemo(() => (settings ? metricsCut(settings, rfmSettings && map ? { settings: rfmSettings, map } : undefined, journey, audienceRequest) : null), [settings, rfmSettings, map, journey, audienceRequest]);
  const audiences = useMemo(() => saved?.audiences.map(({ id, name }) => ({ id, name })), [saved]);
  return { cut, churnDays: journey?.lifecycle.lapsedDays, audiences };
}

function MetricsView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useMetricsFormat();
  const notify = useAppStore((state) => state.notify);
  const [stored, update] = useMetricsSettings(workspace);
  const settings = stored?.settings;
  const { cut, churnDays, audiences } = useCut(workspace, settings);
  const [scopeGroup, setScopeGroup] = useState<{ cutKey: string; group: number } | null>(null);
  const [target, setTarget] = useState<CohortCellTarget | null>(null);
  const cutKey = JSON.stringify(cut);
  const group = scopeGroup?.cutKey === cutKey ? scopeGroup.group : null;
  const base = settings && churnDays !== undefined ? metricsRequest(workspace, settings, churnDays) : null;
  const request: MetricsRequest | null = base ? { ...base, scope: cut && group !== null ? { cut, group } : null } : null;
  const summary = useEngineCall('metrics', 'metricsSummary', request);
  const cutAnswer = useEngineCall('metrics', 'metricsCut', base && cut ? { ...base, scope: null, cut } : null);

  if (!settings || !request) return <LinearProgress aria-label={t('metrics.progress.load')} />;
  const dashboard = summary.value?.dashboard ?? null;
  const cutResult = cutAnswer.value && cutAnswer.value.kind === cut?.kind ? cutAnswer.value : null;
  const audienceName = cut?.kind === 'audience' ? audiences?.find((audience) => audience.id === cut.audienceId)?.name : undefined;
  const labels = cut && cutResult ? groupLabels(cut, cutResult.groupKeys, t, audienceName) : [];
  const cutName = settings.cut === 'none' ? '' : (audienceName ?? t(`metrics.controls.cuts.${settings.cut}`));
  const scopeName = group !== null ? labels[group]?.name ?? '' : null;

  function exportContext(current: MetricsDashboard): ExportContext {
    return {
      dashboard: current,
      cut: cutResult ? { totals: cutResult.totals, labels, name: cutName } : null,
      format,
      t,
      churnDays: churnDays!,
      workspaceName: workspace.name,
      timeZone: workspace.timeZone,
      scopeNote: scopeName ? t('metrics.cuts.cohortsOf', { group: scopeName }) : null,
    };
  }
  function save(fileName: string, text: string, type?: string) {
    downloadText(fileName, text, type);
    notify('success', t('metrics.export.done', { file: fileName }));
  }
  const fileStem = `metrics-${formatEpochDay(dashboard?.asOfDay ?? 0)}`;
  const html = () => dashboardHtml(dashboardDocument(exportContext(dashboard!), language, windowText(dashboard!, format, t)));

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">{t('metrics.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('metrics.subtitle')}</Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
          <Button variant="outlined" startIcon={<DownloadIcon />} disabled={!dashboard} onClick={() => save(`${fileStem}.html`, html(), 'text/html;charset=utf-8')} data-testid="metrics-export-html">
            {t('metrics.export.html')}
          </Button>
          <Button startIcon={<PrintIcon />} disabled={!dashboard} onClick={() => printHtml(html())} data-testid="metrics-print">{t('metrics.export.print')}</Button>
        </Stack>
      </Stack>
      {stored.problem && <Alert severity="warning" data-testid="metrics-settings-problem">{t('errors.storage.setAside', { what: 'metricsSettings', reason: storageReasonText(t, stored.problem, language) })}</Alert>}
      <MetricsControls settings={settings} defaultAsOf={summary.value?.defaultAsOf ?? null} ordersOutsidePlausible={summary.value?.ordersOutsidePlausible ?? 0} format={format} audiences={audiences} onChange={update} />
      {summary.isLoading && <Box role="status"><LinearProgress /><Typography variant="caption" color="text.secondary">{t(`metrics.progress.${summary.progress?.phase ?? 'compute'}`, { defaultValue: t('metrics.progress.compute') })}</Typography></Box>}
      {summary.error !== undefined && !isCancelled(summary.error) && <Alert severity="error" data-testid="metrics-error">{t('metrics.errors.failed', { message: errorMessage(summary.error, t) })}</Alert>}
      {summary.value && !summary.value.hasOrders && <Alert severity="info" data-testid="metrics-empty">{t('metrics.empty')}</Alert>}
      {dashboard && (
        <Stack spacing={2} sx={{ opacity: summary.isLoading ? 0.6 : 1, transition: 'opacity 0.2s' }} aria-busy={summary.isLoading} data-testid="metrics-results">
          {dashboard.ordersWithoutAmount > 0 && <Alert severity="info">{t('metrics.ordersWithoutAmount', { count: dashboard.ordersWithoutAmount })}</Alert>}
          {dashboard.asOfDay <= dashboard.firstOrderDay && <Alert severity="info">{t('metrics.noOrdersBefore', { date: format.calendarDate(formatEpochDay(dashboard.asOfDay)) })}</Alert>}
          {scopeName !== null && (
            <Alert severity="info" action={<Button color="inherit" size="small" onClick={() => setScopeGroup(null)} data-testid="metrics-scope-clear">{t('metrics.cuts.clearGroup')}</Button>}>
              <span data-testid="metrics-scope">{t('metrics.cuts.cohortsOf', { group: scopeName })}</span>
            </Alert>
          )}
          <HeadlineCards
            figures={headlineFigures(dashboard, format, churnDays!, (value) => t('metrics.cards.points', { value }))}
            period={windowText(dashboard, format, t)}
            actions={<CsvButton label={t('metrics.export.totalsTable')} onClick={() => save(`${fileStem}-totals.csv`, totalsCsv(exportContext(dashboard)))} testId="metrics-csv-totals" />}
          />
          <CohortSection dashboard={dashboard} settings={settings} format={format} onChange={update} onOpen={setTarget} onCsv={(view) => save(`${fileStem}-cohorts-${view}.csv`, cohortCsv(dashboard.cohorts, view, t))} />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' }, alignItems: 'start' }}>
            <CurvesSection dashboard={dashboard} format={format} />
            <OrdersPerBuyer
              totals={dashboard.totals}
              format={format}
              actions={<CsvButton label={t('metrics.export.ordersPerBuyer')} onClick={() => save(`${fileStem}-orders-per-buyer.csv`, ordersPerBuyerCsv(dashboard, t))} testId="metrics-csv-orders" />}
            />
          </Box>
          <CutSection
            settingsCut={settings.cut}
            cutResult={cutResult}
            isLoading={cutAnswer.isLoading}
            labels={labels}
            format={format}
            selected={group}
            onSelect={(next) => setScopeGroup(next === null ? null : { cutKey, group: next })}
            onCsv={() => cutResult && save(`${fileStem}-${settings.cut}.csv`, cutCsv(cutResult.totals, labels, t))}
          />
        </Stack>
      )}
      {target && dashboard && (
        <CohortCustomersDialog
          workspace={workspace}
          request={request}
          target={target}
          periodName={target.k === null ? null : periodLabelOf(t, dashboard.cohorts.unit, target.k)}
          format={format}
          onClose={() => setTarget(null)}
        />
      )}
    </Stack>
  );
}

function CohortSection({ dashboard, settings, format, onChange, onOpen, onCsv }: {
  dashboard: MetricsDashboard;
  settings: MetricsSettings;
  format: MetricsFormat;
  onChange(change: Partial<MetricsSettings>): void;
  onOpen(target: CohortCellTarget): void;
  onCsv(view: 'retention' | 'ltv'): void;
}) {
  const { t } = useTranslation();
  const unit = t(dashboard.cohorts.unit === 'week' ? 'metrics.cohorts.unitWeek' : 'metrics.cohorts.unitMonth');
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="metrics-cohorts-title">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2" id="metrics-cohorts-title">{t('metrics.cohorts.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('metrics.cohorts.help', { unit })} {t(`metrics.cohorts.${settings.view}Help`, { unit })}</Typography>
        </Box>
        <ToggleButtonGroup size="small" exclusive value={settings.view} onChange={(_, view: 'retention' | 'ltv' | null) => view && onChange({ view })} aria-label={t('metrics.cohorts.title')}>
          <ToggleButton value="retention" data-testid="metrics-view-retention">{t('metrics.cohorts.views.retention')}</ToggleButton>
          <ToggleButton value="ltv" data-testid="metrics-view-ltv">{t('metrics.cohorts.views.ltv')}</ToggleButton>
        </ToggleButtonGroup>
        <CsvButton label={t(settings.view === 'retention' ? 'metrics.export.cohortRetention' : 'metrics.export.cohortLtv')} onClick={() => onCsv(settings.view)} testId="metrics-csv-cohorts" />
      </Stack>
      <CohortTable table={dashboard.cohorts} view={settings.view} format={format} onOpen={onOpen} />
    </Paper>
  );
}

function CutSection({ settingsCut, cutResult, isLoading, labels, format, selected, onSelect, onCsv }: {
  settingsCut: MetricsSettings['cut'];
  cutResult: MetricsCutResult | null;
  isLoading: boolean;
  labels: ReturnType<typeof groupLabels>;
  format: MetricsFormat;
  selected: number | null;
  onSelect(group: number | null): void;
  onCsv(): void;
}) {
  const { t } = useTranslation();
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="metrics-cuts-title" data-testid="metrics-cuts">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h6" component="h2" id="metrics-cuts-title">
            {t('metrics.cuts.title')}{settingsCut !== 'none' ? `: ${t(`metrics.controls.cuts.${settingsCut}`)}` : ''}
          </Typography>
          <Typography variant="body2" color="text.secondary">{settingsCut === 'none' ? t('metrics.cuts.pick') : t('metrics.cuts.help')}</Typography>
        </Box>
        {cutResult && <CsvButton label={t('metrics.export.cuts')} onClick={onCsv} testId="metrics-csv-cut" />}
      </Stack>
      {settingsCut !== 'none' && isLoading && !cutResult && <LinearProgress aria-label={t('metrics.progress.cut')} />}
      {settingsCut !== 'none' && cutResult && <CutTable cut={cutResult.totals} labels={labels} format={format} selected={selected} onSelect={onSelect} />}
    </Paper>
  );
}
