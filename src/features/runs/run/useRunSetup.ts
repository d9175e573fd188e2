import { useMemo } from 'react';
import type { Workspace } from '../../../domain';
import { useLanguage } from '../../../ui/useLanguage';
import { useEngineCall } from '../../../workers/useEngineCall';
import { useDataQuality } from '../../dataQuality/useDataQuality';
import { audienceConditions } from '../../../domain/audiences/audience';
import { useSavedAudiences } from '../../audiences/useAudiences';
import { useJourneySettings } from '../../journey/journeySettings';
import { useRfmSettings, useSegmentMap } from '../../segments/useRfm';
import type { WorkspaceRunSettings } from './runForm';

/** What the Run dialog needs from the workspace before a run can start. */
export interface RunSetup {
  /** the default period (the last 90 days of the data); null: the workspace has no events */
  period: { from: string; to: string } | null;
  /** events dated outside the plausible window (9999, 1900 …), left out of the default period */
  eventsOutside: number;
  customers: number;
  /** customers reachable on the best channel (contact and consent), null while the data scan runs */
  reachable: number | null;
  /** true while the contacts scan has not answered (null `reachable` after it: the scan failed) */
  isReachPending: boolean;
  settings: WorkspaceRunSettings;
}

/** The workspace's defaults, contacts and settings for a run; undefined while they are read. */
export function useRunSetup(workspace: Workspace | undefined): { setup: RunSetup | undefined; error: unknown } {
  const language = useLanguage();
  // The data version is part of the arguments so new data (an import) asks again.
  const defaultsArgs = workspace ? { workspaceId: workspace.id, dataVersion: workspace.dataVersion } : null;
  const defaults = useEngineCall('simulate', 'defaults', defaultsArgs);
  const quality = useDataQuality(workspace);
  const [rfm] = useRfmSettings(workspace);
  const segmentMap = useSegmentMap(rfm, language);
  const journey = useJourneySettings(workspace?.id);
  const saved = useSavedAudiences(workspace?.id);
  const setup = useMemo((): RunSetup | undefined => {
    if (!workspace || !defaults.isCurrent || !defaults.value || !rfm || !segmentMap || !journey || !saved) return undefined;
    const channels = quality?.report?.channels;
    return {
      period: defaults.value.period,
      eventsOutside: defaults.value.eventsOutside,
      customers: defaults.value.customers,
      reachable: channels ? Math.max(0, ...channels.map((channel) => channel.reachable)) : null,
      isReachPending: quality === undefined,
      settings: { timeZone: defaults.value.timeZone, rfm, segmentMap, journey: { mapping: journey.mapping, lifecycle: journey.lifecycle }, audiences: audienceConditions(saved.audiences) },
    };
  }, [workspace, defaults.isCurrent, defaults.value, quality, rfm, segmentMap, journey, saved]);
  return { setup, error: defaults.error };
}
