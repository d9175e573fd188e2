import { Alert, Box, Button, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isoDateToDayNumber, type Workspace } from '../../domain';
import type { PeriodUnit } from '../../domain/journey';
import { errorMessage } from '../../ui/errorMessage';
import { DateField } from '../../ui/DateField';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import type { JourneyOverview } from '../../engine';
import { CustomerCard } from '../data/CustomerCard';
import { storageReasonText } from '../../ui/storageReason';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { CjmMap } from './CjmMap';
import { FunnelPanel } from './FunnelPanel';
import { InactionPanel } from './InactionPanel';
import { useJourneySettings, type JourneySettings } from './journeySettings';
import { LifecyclePanel } from './LifecyclePanel';
import { MappingEditor } from './MappingEditor';
import { useJourneyOverview, useJourneyRequest } from './useJourneyOverview';

export const JOURNEY_TABS = ['funnel', 'cjm', 'lifecycle', 'inaction', 'mapping'] as const;
export type JourneyTab = (typeof JOURNEY_TABS)[number];

function isValidDate(value: string | null): value is string {
  return value !== null && !Number.isNaN(isoDateToDayNumber(value));
}

function AsOfBar({ overview, asOfDate, onChange }: { overview: JourneyOverview | null; asOfDate: string | null; onChange(date: string | null): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = asOfDate ?? overview?.defaultAsOfDate ?? null;
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <DateField
          label={t('journey.asOf')}
          value={shown}
          onChange={(date) => onChange(isValidDate(date) ? date : null)}
          helperText={t('journey.asOfHelp')}
          min={overview?.firstDate}
          max={overview?.defaultAsOfDate}
          testId="journey-as-of"
          sx={{ width: 230 }}
        />
        <Button startIcon={<EventIcon />} disabled={asOfDate === null} onClick={() => onChange(null)}>
          {t('journey.endOfData')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {overview?.firstDate && overview.lastDate && (
          <Stack sx={{ alignItems: { sm: 'flex-end' } }}>
            <Typography variant="body2" color="text.secondary">
              {t('journey.dataRange', { from: format.calendarDate(overview.firstDate), to: format.calendarDate(overview.lastDate) })}
            </Typography>
            {overview.defaultAsOfDate && (
              <Typography variant="caption" color="text.secondary">
                {t('journey.endOfData')}: {t('journey.endOfDataHint', { date: format.calendarDate(overview.defaultAsOfDate) })}
              </Typography>
            )}
            {overview.outsideEvents > 0 && (
              <Typography variant="caption" color="text.secondary" data-testid="journey-outside-events">
                {t('journey.outsideEvents', { count: overview.outsideEvents })}
              </Typography>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function SettingsProblems({ settings }: { settings: JourneySettings }) {
  const { t } = useTranslation();
  return settings.problems.map((problem) => (
    <Alert key={problem.kind} severity="warning" data-testid="journey-settings-problem">
      {t('journey.settingsProblem', { what: t(`journey.settingsWhat.${problem.kind}`), error: storageReasonText(t, problem.error) })}
    </Alert>
  ));
}

function TabPanel({ tab, workspace, settings, overview, request, onOpenCustomer }: {
  tab: Exclude<JourneyTab, 'mapping'>;
  workspace: Workspace;
  settings: JourneySettings;
  overview: JourneyOverview;
  request: NonNullable<ReturnType<typeof useJourneyRequest>>;
  onOpenCustomer(index: number): void;
}) {
  const { t } = useTranslation();
  if (!overview.asOfDate) return <Alert severity="info" data-testid="journey-no-events">{t('journey.noEvents')}</Alert>;
  if (tab === 'funnel') return <FunnelPanel workspace={workspace} mapping={settings.mapping} overview={overview} unit={request.unit} />;
  if (tab === 'cjm') return <CjmMap workspace={workspace} settings={settings} overview={overview} />;
  if (tab === 'lifecycle') return <LifecyclePanel workspace={workspace} settings={settings} overview={overview} request={request} />;
  return <InactionPanel workspace={workspace} settings={settings} overview={overview} request={request} onOpenCustomer={onOpenCustomer} />;
}

/** The Journey screen: funnel, CJM map, lifecycle, inaction lists and the stage mapping. */
export function JourneyScreen() {
  const { t } = useTranslation();
  const workspace = useActiveWorkspace();
  const settings = useJourneySettings(workspace?.id);
  const [params, setParams] = useSearchParams();
  const tab = (JOURNEY_TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as JourneyTab) : 'funnel';
  const asOfParam = params.get('asOf');
  const asOfDate = isValidDate(asOfParam) ? asOfParam : null;
  const unit: PeriodUnit = params.get('unit') === 'week' ? 'week' : 'month';
  const request = useJourneyRequest(workspace, settings, asOfDate, unit);
  const { overview, isStale, progress, error } = useJourneyOverview(request);
  const selected = params.get('customer');
  const selectedIndex = selected !== null && /^\d+$/.test(selected) ? Number(selected) : null;

  function update(changes: Record<string, string | null>): void {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  }

  if (!workspace) return null;
  return (
    <Stack spacing={2} data-testid="journey-screen">
      <Box>
        <Typography variant="h5" component="h1">{t('journey.title')}</Typography>
        <Typography variant="body2" color="text.secondary">{t('journey.subtitle')}</Typography>
      </Box>
      {settings && <SettingsProblems settings={settings} />}
      <AsOfBar overview={overview} asOfDate={asOfDate} onChange={(date) => update({ asOf: date === overview?.defaultAsOfDate ? null : date })} />
      {overview && overview.customersWithoutDate > 0 && (
        <Alert severity="info">{t('journey.withoutDate', { count: overview.customersWithoutDate })}</Alert>
      )}
      {error !== null && <Alert severity="error">{errorMessage(error, t)}</Alert>}
      <Paper sx={{ px: 1 }}>
        <Tabs value={tab} onChange={(_, value: JourneyTab) => update({ tab: value === 'funnel' ? null : value })} variant="scrollable" scrollButtons="auto" aria-label={t('journey.title')}>
          {JOURNEY_TABS.map((value) => <Tab key={value} value={value} label={t(`journey.tabs.${value}`)} data-testid={`journey-tab-${value}`} />)}
        </Tabs>
      </Paper>
      {/* The mapping editor needs no figures: a bar there would only push it down as the figures
          arrive, under a click on its buttons. */}
      {isStale && tab !== 'mapping' && (
        <Box role="status" aria-live="polite">
          <BusyBar label={progress?.phase ? t(`journey.phase.${progress.phase}`) : t('journey.computing')} done={progress?.done} total={progress?.total} />
          <Typography variant="caption" color="text.secondary">{progress?.phase ? t(`journey.phase.${progress.phase}`) : t('journey.computing')}</Typography>
        </Box>
      )}
      {/* The mapping editor needs no figures and keeps one place in the tree, so a dialog opened in it
          stays open when the figures arrive. */}
      {settings && (tab === 'mapping' || (overview && request)) && (
        <Box sx={{ opacity: isStale && tab !== 'mapping' ? 0.6 : 1, transition: 'opacity 0.2s' }} data-testid="journey-panel" data-stale={isStale ? 'true' : 'false'} aria-busy={isStale}>
          {tab === 'mapping'
            ? <MappingEditor workspace={workspace} mapping={settings.mapping} />
            : overview && request && <TabPanel tab={tab} workspace={workspace} settings={settings} overview={overview} request={request} onOpenCustomer={(index) => update({ customer: String(index) })} />}
        </Box>
      )}
      {selectedIndex !== null && <CustomerCard workspace={workspace} customerIndex={selectedIndex} onClose={() => update({ customer: null })} />}
    </Stack>
  );
}
