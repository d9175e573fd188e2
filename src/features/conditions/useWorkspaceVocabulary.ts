import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDatabase } from '../../db';
import type { Workspace } from '../../domain';
import type { DataQualityReport } from '../../domain/quality';
import { dataQualityWorker } from '../../workers/dataQualityWorkerClient';
import { useJourneyOverview, useJourneyRequest } from '../journey/useJourneyOverview';
import { useJourneySettings } from '../journey/journeySettings';
import { rfmRequest, useRfmSettings, useRfmSummary, useSegmentMap } from '../segments/useRfm';
import { useLanguage } from '../../ui/useLanguage';
import { buildWorkspaceVocabulary, type WorkspaceVocabulary } from './workspaceVocabulary';

/** The workspace by id, live (a new data version renews what depends on it). */
export function useWorkspace(workspaceId: string): Workspace | undefined {
  return useLiveQuery(() => getDatabase().workspaces.get(workspaceId), [workspaceId]);
}

function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
}

/** The data-quality scan (event types, props and fields with counts), cached per data version by its worker. */
function useQualityReport(workspace: Workspace | undefined): DataQualityReport | null {
  const key = workspace ? `${workspace.id}:${workspace.dataVersion}:${workspace.timeZone}` : '';
  const [answer, setAnswer] = useState<{ key: string; report: DataQualityReport } | null>(null);
  useEffect(() => {
    if (!workspace) return;
    let isCurrent = true;
    dataQualityWorker()
      .call('quality', { workspaceId: workspace.id, dataVersion: workspace.dataVersion, timeZone: workspace.timeZone, today: todayIn(workspace.timeZone) })
      .then((report) => isCurrent && setAnswer({ key, report }))
      // Without the scan the editors still offer the model's names, without counts.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [workspace, key]);
  return answer?.key === key ? answer.report : null;
}

/**
 * What the workspace's data has, for the editors to offer with counts: event types, props and
 * fields (data-quality scan), RFM segments of the map in use with their customers (RFM summary),
 * journey stages and lifecycle statuses with their customers (journey overview). Null until the
 * scan is read; segment, stage and status counts fill in when their computations finish (every
 * one of them is cached per data version by its worker).
 */
export function useWorkspaceVocabulary(workspaceId: string): WorkspaceVocabulary | null {
  const workspace = useWorkspace(workspaceId);
  const language = useLanguage();
  const quality = useQualityReport(workspace);
  const [rfmSettings] = useRfmSettings(workspace);
  const segmentMap = useSegmentMap(rfmSettings, language);
  const rfm = useRfmSummary(workspace && rfmSettings && segmentMap ? rfmRequest(workspace, rfmSettings, segmentMap) : null);
  const journeySettings = useJourneySettings(workspace?.id);
  const journey = useJourneyOverview(useJourneyRequest(workspace, journeySettings, null, 'month'));
  const summary = rfm.isLoading ? null : (rfm.value ?? null);
  const overview = journey.isStale ? null : journey.overview;
  return useMemo(() => {
    if (!quality) return null;
    const segmentCustomers = summary ? Object.fromEntries(summary.map.segments.map((segment, code) => [segment.id, summary.segments[code]?.customers ?? 0])) : undefined;
    const stageCustomers = overview?.funnel ? Object.fromEntries(overview.funnel.stages.map((stage) => [stage.stageId, stage.furthest])) : undefined;
    return buildWorkspaceVocabulary({
      quality,
      segmentMap: segmentMap ?? null,
      stageMapping: journeySettings?.mapping ?? null,
      segmentCustomers,
      stageCustomers,
      lifecycleCustomers: overview?.lifecycle ?? undefined,
    });
  }, [quality, segmentMap, summary, journeySettings, overview]);
}
