import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { getDatabase, loadWorkspaceSetting, METRICS_SETTING_NAME, readWorkspaceSettingValue, updateWorkspaceSetting } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { LIFECYCLE_STATUSES } from '../../domain/journey';
import { defaultMetricsSettings, type MetricsSettings } from '../../domain/metrics';
import type { StorageReason } from '../../ui/storageReason';
import type { MetricsCut, MetricsRequest } from '../../engine';
import type { JourneySettings } from '../journey/journeySettings';
import { stageName, statusLabel } from '../journey/labels';
import { segmentLabels } from '../segments/segmentLabels';
import type { RfmSettings, SegmentMap } from '../../domain/rfm';
import type { GroupLabel } from './cutRows';
import type { AudienceDataRequest } from '../../engine/audiences/audienceTypes';

export { METRICS_SETTING_NAME };

export interface StoredMetricsSettings {
  settings: MetricsSettings;
  /** why the stored value could not be read (the defaults are shown meanwhile; saving replaces it) */
  problem: StorageReason | null;
}

/** The workspace's metrics settings by the one load policy of stored records (src/db/records). */
async function loadMetricsSettings(workspaceId: string): Promise<StoredMetricsSettings> {
  const loaded = await loadWorkspaceSetting<MetricsSettings>(getDatabase(), workspaceId, METRICS_SETTING_NAME);
  if (loaded.state === 'loaded') return { settings: loaded.value, problem: null };
  return { settings: defaultMetricsSettings(), problem: loaded.state === 'unreadable' ? { reason: loaded.reason, why: loaded.why } : null };
}

/** The workspace's metrics settings and a function that saves a change. */
export function useMetricsSettings(workspace: Workspace): [StoredMetricsSettings | undefined, (change: Partial<MetricsSettings>) => void] {
  const stored = useLiveQuery(() => loadMetricsSettings(workspace.id), [workspace.id]);
  const workspaceId = workspace.id;
  const update = useCallback(
    (change: Partial<MetricsSettings>) => {
      // The change applies to what the screen shows (the defaults, when the stored value is unreadable).
      void updateWorkspaceSetting(getDatabase(), workspaceId, METRICS_SETTING_NAME, (stored) => ({ ...(readWorkspaceSettingValue<MetricsSettings>(METRICS_SETTING_NAME, stored) ?? defaultMetricsSettings()), ...change }));
    },
    [workspaceId],
  );
  return [stored, update];
}

/** The cut the settings ask for, from the settings of the screens that own it; null for none (or an audience not chosen / gone). */
export function metricsCut(settings: MetricsSettings, rfm: { settings: RfmSettings; map: SegmentMap } | undefined, journey: JourneySettings | undefined, audiences?: AudienceDataRequest | null): MetricsCut | null {
  if (settings.cut === 'audience') {
    const condition = settings.audienceId && audiences ? audiences.audiences[settings.audienceId] : undefined;
    return condition && audiences && settings.audienceId ? { kind: 'audience', audienceId: settings.audienceId, condition, audiences: audiences.audiences, segments: audiences.segments } : null;
  }
  if (settings.cut === 'rfm') return rfm ? { kind: 'rfm', settings: rfm.settings, map: rfm.map } : null;
  if (settings.cut === 'lifecycle' || settings.cut === 'stage') return journey ? { kind: settings.cut, mapping: journey.mapping, lifecycle: journey.lifecycle } : null;
  return null;
}

export function metricsRequest(workspace: Workspace, settings: MetricsSettings, churnDays: number): Omit<MetricsRequest, 'scope'> {
  return {
    workspaceId: workspace.id,
    dataVersion: workspace.dataVersion,
    timeZone: workspace.timeZone,
    asOf: settings.asOf,
    period: settings.period,
    unit: settings.unit,
    churnDays,
    crmMapping: settings.crmMapping,
  };
}

/** Names (and colours) of a cut's groups in the interface language, by the keys the engine gives. */
export function groupLabels(cut: MetricsCut, groupKeys: readonly string[], t: TFunction, audienceName?: string): GroupLabel[] {
  if (cut.kind === 'audience') return [{ name: audienceName ?? t('metrics.controls.audience') }, { name: t('metrics.cuts.everyoneElse') }];
  if (cut.kind === 'rfm') return segmentLabels(cut.map, t).map((label) => ({ name: label.name, color: label.color }));
  if (cut.kind === 'lifecycle') return LIFECYCLE_STATUSES.map((status) => ({ name: statusLabel(status, t) }));
  if (cut.kind === 'stage') return groupKeys.map((key) => ({ name: key === 'none' ? t('metrics.cuts.noneGroup') : stageName(cut.mapping, key, t) }));
  return [{ name: t('metrics.cuts.allGroups') }, { name: t('metrics.cuts.allGroups') }];
}
