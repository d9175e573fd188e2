import { useCallback } from 'react';
import type { TFunction } from 'i18next';
import { getDatabase, getWorkspaceSetting, updateWorkspaceSetting } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { LIFECYCLE_STATUSES } from '../../domain/journey';
import { defaultMetricsSettings, parseMetricsSettings, type MetricsSettings } from '../../domain/metrics';
import type { MetricsCut, MetricsRequest } from '../../engine';
import type { JourneySettings } from '../journey/journeySettings';
import { stageName, statusLabel } from '../journey/labels';
import { segmentLabels } from '../segments/segmentLabels';
import type { RfmSettings, SegmentMap } from '../../domain/rfm';
import type { GroupLabel } from './cutRows';

/** The workspace setting that holds the Metrics screen's choices. */
export const METRICS_SETTING_NAME = 'metrics';

export interface StoredMetricsSettings {
  settings: MetricsSettings;
  /** why the stored value was not used (the defaults are shown meanwhile) */
  problem: string | null;
}

function readSettings(stored: unknown): StoredMetricsSettings {
  if (stored === undefined || stored === null) return { settings: defaultMetricsSettings(), problem: null };
  const parsed = parseMetricsSettings(stored);
  return parsed.ok ? { settings: parsed.value, problem: null } : { settings: defaultMetricsSettings(), problem: parsed.error };
}

/** The workspace's metrics settings (validated on every read) and a function that saves a change. */
export function useMetricsSettings(workspace: Workspace): [StoredMetricsSettings | undefined, (change: Partial<MetricsSettings>) => void] {
  const stored = useLiveQuery(async () => readSettings(await getWorkspaceSetting<unknown>(getDatabase(), workspace.id, METRICS_SETTING_NAME, undefined)), [workspace.id]);
  const workspaceId = workspace.id;
  const update = useCallback(
    (change: Partial<MetricsSettings>) => {
      void updateWorkspaceSetting(getDatabase(), workspaceId, METRICS_SETTING_NAME, (current) => ({ ...readSettings(current).settings, ...change }));
    },
    [workspaceId],
  );
  return [stored, update];
}

/** The cut the settings ask for, from the settings of the screens that own it; null for none. */
export function metricsCut(settings: MetricsSettings, rfm: { settings: RfmSettings; map: SegmentMap } | undefined, journey: JourneySettings | undefined): MetricsCut | null {
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
export function groupLabels(cut: MetricsCut, groupKeys: readonly string[], t: TFunction): GroupLabel[] {
  if (cut.kind === 'rfm') return segmentLabels(cut.map, t).map((label) => ({ name: label.name, color: label.color }));
  if (cut.kind === 'lifecycle') return LIFECYCLE_STATUSES.map((status) => ({ name: statusLabel(status, t) }));
  if (cut.kind === 'stage') return groupKeys.map((key) => ({ name: key === 'none' ? t('metrics.cuts.noneGroup') : stageName(cut.mapping, key, t) }));
  return [{ name: t('metrics.cuts.allGroups') }, { name: t('metrics.cuts.allGroups') }];
}
