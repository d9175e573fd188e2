import { useMemo } from 'react';
import { getDatabase, listAudiences, type AudienceList } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { audienceConditions } from '../../domain/audiences/audience';
import type { AudienceSegmentSettings } from '../../domain/audiences/evaluate';
import { scoringOf } from '../../domain/rfm';
import type { AudienceDataRequest } from '../../engine/audiences/audienceTypes';
import { useLanguage } from '../../ui/useLanguage';
import { useJourneySettings } from '../journey/journeySettings';
import { useRfmSettings, useSegmentMap } from '../segments/useRfm';

/** The workspace's saved audiences, live (undefined while read). */
export function useSavedAudiences(workspaceId: string | undefined): AudienceList | undefined {
  return useLiveQuery(() => (workspaceId ? listAudiences(getDatabase(), workspaceId) : undefined), [workspaceId]);
}

/**
 * What every audiences call carries: the data version, the Segments and Journey screens' own
 * settings (so a count here is what those screens and a chain run say) and the saved audiences
 * a condition may name. Null until all of it is read.
 */
export function useAudienceDataRequest(workspace: Workspace): AudienceDataRequest | null {
  const language = useLanguage();
  const [rfmSettings] = useRfmSettings(workspace);
  const map = useSegmentMap(rfmSettings, language);
  const journey = useJourneySettings(workspace.id);
  const saved = useSavedAudiences(workspace.id);
  return useMemo(() => {
    if (!rfmSettings || !map || !journey || !saved) return null;
    const segments: AudienceSegmentSettings = {
      timeZone: workspace.timeZone,
      rfm: { scoring: scoringOf(rfmSettings), periodDays: rfmSettings.periodDays, map },
      journey: { mapping: journey.mapping, lifecycle: journey.lifecycle },
    };
    return { workspaceId: workspace.id, dataVersion: workspace.dataVersion, segments, audiences: audienceConditions(saved.audiences) };
  }, [workspace.id, workspace.dataVersion, workspace.timeZone, rfmSettings, map, journey, saved]);
}
