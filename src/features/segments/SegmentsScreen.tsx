import { Alert, Box, Button, Chip, FormControl, InputLabel, MenuItem, Paper, Select, Stack, Tab, Tabs, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { SEGMENT_MAP_PRESETS, presetSegmentMap, type RfmSettings, type SegmentMap, type SegmentMapPreset } from '../../domain/rfm';
import { useAppStore } from '../../store/appStore';
import { useLanguage } from '../../ui/useLanguage';
import { BusyBar } from '../../ui/ProgressBars';
import type { RfmSummary } from '../../engine';
import { engineWorker } from '../../workers/engineClient';
import { useActiveWorkspace } from '../workspaces/useWorkspaces';
import { BreaksCard } from './BreaksCard';
import { CustomerListDialog } from './CustomerListDialog';
import type { DrillDown } from './drillDown';
import { manualFromQuantile } from './manualFromQuantile';
import { RfmHeatmap } from './RfmHeatmap';
import { RfmSettingsPanel } from './RfmSettingsPanel';
import { RfmStats } from './RfmStats';
import { SegmentCharts } from './SegmentCharts';
import { PRESET_LABELS, SegmentMapEditor } from './SegmentMapEditor';
import { rfmErrorMessage, segmentLabels } from './segmentLabels';
import { SegmentTable } from './SegmentTable';
import { TransitionView } from './TransitionView';
import { rfmRequest, useRfmSettings, useRfmSummary, useSegmentMap } from './useRfm';
import { useSegmentExport } from './useSegmentExport';
import { storageReasonText } from '../../ui/storageReason';

type View = 'overview' | 'table' | 'movement';

export function SegmentsScreen() {
  const workspace = useActiveWorkspace();
  if (!workspace) return null;
  return <SegmentsView key={workspace.id} workspace={workspace} />;
}

function MapPicker({ settings, onPick, onEdit }: { settings: RfmSettings; onPick(preset: SegmentMapPreset): void; onEdit(): void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="rfm-map-label">{t('segments.map.title')}</InputLabel>
        <Select labelId="rfm-map-label" label={t('segments.map.title')} value={settings.mapPreset} onChange={(event) => onPick(event.target.value as SegmentMapPreset)} data-testid="rfm-map-preset">
          {SEGMENT_MAP_PRESETS.map((preset) => <MenuItem key={preset} value={preset}>{t(PRESET_LABELS[preset])}</MenuItem>)}
        </Select>
      </FormControl>
      {settings.customMap && <Chip size="small" label={t('segments.map.edited', { preset: t(PRESET_LABELS[settings.mapPreset]) })} />}
      <Button startIcon={<EditIcon />} onClick={onEdit} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid="rfm-edit-map">{t('segments.map.edit')}</Button>
    </Stack>
  );
}

function ProgressLine({ progress }: { progress: { phase?: string } | null }) {
  const { t } = useTranslation();
  const phase = progress?.phase === 'load' ? 'phaseLoad' : progress?.phase === 'prepare' ? 'phasePrepare' : progress?.phase === 'score' ? 'phaseScore' : 'computing';
  return (
    <Box role="status" data-testid="rfm-progress">
      <BusyBar label={t(`segments.settings.${phase}`)} />
      <Typography variant="caption" color="text.secondary">{t(`segments.settings.${phase}`)}</Typography>
    </Box>
  );
}

function Results({ summary, settings, onChange, onOpen, onExport, isExporting, request }: {
  summary: RfmSummary;
  settings: RfmSettings;
  onChange(change: Partial<RfmSettings>): void;
  onOpen(target: DrillDown): void;
  onExport(target: DrillDown): void;
  isExporting: boolean;
  request: ReturnType<typeof rfmRequest>;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('overview');
  const labels = useMemo(() => segmentLabels(summary.map, t), [summary.map, t]);
  const levels = summary.params.levels;
  return (
    <Stack spacing={2}>
      {summary.scored === 0 && <Alert severity="warning" data-testid="rfm-nobody">{t('segments.errors.nobodyScored')}</Alert>}
      <RfmStats summary={summary} />
      <BreaksCard breaks={summary.breaks} levels={levels} direction={settings.direction} monetary={summary.params.monetary} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={view} onChange={(_, next: View) => setView(next)}>
          <Tab value="overview" label={t('segments.tabs.overview')} data-testid="rfm-tab-overview" />
          <Tab value="table" label={t('segments.tabs.table')} data-testid="rfm-tab-table" />
          <Tab value="movement" label={t('segments.tabs.movement')} data-testid="rfm-tab-movement" />
        </Tabs>
      </Box>
      {view === 'overview' && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.1fr) minmax(0, 1fr)' }, alignItems: 'stretch' }}>
          <RfmHeatmap cells={summary.heatmap} levels={levels} direction={settings.direction} labels={labels} onOpenCell={(r, f) => onOpen({ kind: 'cell', r, f })} />
          <SegmentCharts totals={summary.segments} labels={labels} />
        </Box>
      )}
      {view === 'table' && (
        <SegmentTable totals={summary.segments} labels={labels} isExporting={isExporting} onOpen={(code) => onOpen({ kind: 'segment', code })} onExport={(code) => onExport({ kind: 'segment', code })} />
      )}
      {view === 'movement' && <TransitionView request={request} asOfDay={summary.params.asOfDay} labels={labels} onChange={onChange} onOpen={onOpen} />}
    </Stack>
  );
}

function SegmentsView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notify = useAppStore((state) => state.notify);
  const [settings, update, settingsProblem] = useRfmSettings(workspace);
  const map = useSegmentMap(settings, language);
  const request = settings && map ? rfmRequest(workspace, settings, map) : null;
  const summary = useRfmSummary(request);
  const [target, setTarget] = useState<DrillDown | null>(null);
  const [editing, setEditing] = useState<SegmentMap | null>(null);
  const { exportTarget, isExporting } = useSegmentExport(request, summary.value?.params.asOfDay);

  if (!settings || !map || !request) return <BusyBar />;

  async function quantileCuts() {
    const quantile = await engineWorker('rfm').call('rfmSummary', { ...request!, settings: { ...settings!, method: 'quantile' } });
    return manualFromQuantile(quantile.breaks, settings!.levels);
  }

  function saveMap(next: SegmentMap): void {
    const preset = presetSegmentMap(next.preset, next.levels, language);
    const isPreset = JSON.stringify(preset) === JSON.stringify(next);
    update({ mapPreset: next.preset, customMap: isPreset ? null : next });
    setEditing(null);
    notify('success', ({ t }) => t('segments.editor.saved'));
  }

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">{t('segments.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('segments.subtitle')}</Typography>
        </Box>
        <MapPicker
          settings={settings}
          onPick={(preset) => (settings.customMap ? setEditing(presetSegmentMap(preset, settings.levels, language)) : update({ mapPreset: preset }))}
          onEdit={() => setEditing(map)}
        />
      </Stack>
      {settingsProblem && <Alert severity="warning" data-testid="rfm-settings-problem">{t('segments.settingsProblem', { error: storageReasonText(t, settingsProblem) })}</Alert>}
      <RfmSettingsPanel settings={settings} meta={summary.value?.meta} onChange={update} quantileCuts={quantileCuts} />
      {summary.isLoading && <ProgressLine progress={summary.progress} />}
      {summary.error !== undefined && <Alert severity={isNoOrders(summary.error) ? 'info' : 'error'} data-testid="rfm-error">{rfmErrorMessage(summary.error, t)}</Alert>}
      {summary.value && summary.error === undefined && (
        <Box sx={{ opacity: summary.isLoading ? 0.6 : 1, transition: 'opacity 0.2s' }} data-testid="rfm-results" aria-busy={summary.isLoading}>
          <Results
            summary={summary.value}
            settings={settings}
            request={request}
            onChange={update}
            onOpen={setTarget}
            onExport={(next) => void exportTarget(next)}
            isExporting={isExporting}
          />
        </Box>
      )}
      {!summary.value && !summary.error && <Paper sx={{ p: 3 }}><Typography color="text.secondary">{t('segments.settings.computing')}</Typography></Paper>}
      {target && summary.value && (
        <CustomerListDialog
          workspace={workspace}
          request={request}
          target={target}
          labels={segmentLabels(summary.value.map, t)}
          isExporting={isExporting}
          onExport={(next) => void exportTarget(next)}
          onClose={() => setTarget(null)}
        />
      )}
      {editing && <SegmentMapEditor map={editing} direction={settings.direction} onSave={saveMap} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function isNoOrders(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'rfm.noOrders';
}
