import { useMemo } from 'react';
import { getDatabase, getWorkspace, listAudiences } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { useDataQuality } from '../dataQuality/useDataQuality';
import { useJourneyOverview, useJourneyRequest } from '../journey/useJourneyOverview';
import { useJourneySettings } from '../journey/journeySettings';
import { rfmRequest, useRfmSettings, useRfmSummary, useSegmentMap } from '../segments/useRfm';
import { useLanguage } from '../../ui/useLanguage';
import { buildWorkspaceVocabulary, type WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

/** The workspace by id, live (a new data version renews what depends on it). */
export function useWorkspace(workspaceId: string): Workspace | undefined {
  return useLiveQuery(() => getWorkspace(getDatabase(), workspaceId), [workspaceId]);
}

/**
 * What the workspace's data has, for the editors to offer with counts: event types, props and
 * fields (data-quality scan), RFM segments of the map in use with their customers (RFM summary),
 * journey stages and lifecycle statuses with their customers (journey overview). Null until the
 * scan is read; the saved audiences join when read; segment, stage and status counts fill in when their computations finish (every
 * one of them is cached per data version by its worker).
 */
export function useWorkspaceVocabulary(workspaceId: string): WorkspaceVocabulary | null {
  const workspace = useWorkspace(workspaceId);
  const language = useLanguage();
  const quality = useDataQuality(workspace)?.report ?? null;
  const [rfmSettings] = useRfmSettings(workspace);
  const segmentMap = useSegmentMap(rfmSettings, language);
  const rfm = useRfmSummary(workspace && rfmSettings && segmentMap ? rfmRequest(workspace, rfmSettings, segmentMap) : null);
  const journeySettings = useJourneySettings(workspace?.id);
  const journey = useJourneyOverview(useJourneyRequest(workspace, journeySettings, null, 'month'));
  const summary = rfm.isCurrent ? (rfm.value ?? null) : null;
  const overview = journey.isStale ? null : journey.overview;
  const saved = useLiveQuery(() => listAudiences(getDatabase(), workspaceId), [workspaceId]);
  return useMemo(() => {
    if (!quality) return null;
    const segmentCustomers = summary ? Object.fromEntries(summary.map.segments.map((segment, code) => [segment.id, summary.segments[code]?.customers ?? 0])) : undefined;
    const stageCustomers = overview?.funnel ? Object.fromEntries(overview.funnel.stages.map((stage) => [stage.stageId, stage.furthest])) : undefined;
    const vocabulary = buildWorkspaceVocabulary({
      quality,
      segmentMap: segmentMap ?? null,
      stageMapping: journeySettings?.mapping ?? null,
      segmentCustomers,
      stageCustomers,
      lifecycleCustomers: overview?.lifecycle ?? undefined,
    });
    // saved audiences (issue 15): an `audience` condition names one; unknown until read
    return saved ? { ...vocabulary, audiences: saved.audiences.map(({ id, name }) => ({ id, name })) } : vocabulary;
  }, [quality, segmentMap, summary, journeySettings, overview, saved]);
}
