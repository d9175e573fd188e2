import { useMemo } from 'react';
import type { PeriodUnit } from '../../domain/journey';
import type { Workspace } from '../../domain';
import type { JourneyOverview, JourneyRequest, Progress } from '../../engine';
import { useEngineCall } from '../../workers/useEngineCall';
import type { JourneySettings } from './journeySettings';

/** The request every journey worker call shares, or null while settings are loading. */
export function useJourneyRequest(workspace: Workspace | undefined, settings: JourneySettings | undefined, asOfDate: string | null, unit: PeriodUnit): JourneyRequest | null {
  // Keyed on the values, not the workspace object, which a live query renews on every change.
  const workspaceId = workspace?.id;
  const dataVersion = workspace?.dataVersion;
  const timeZone = workspace?.timeZone;
  return useMemo(() => {
    if (workspaceId === undefined || dataVersion === undefined || timeZone === undefined || !settings) return null;
    return {
      workspaceId,
      dataVersion,
      timeZone,
      settings: { mapping: settings.mapping, lifecycle: settings.lifecycle, inaction: settings.inaction },
      asOfDate,
      unit,
    };
  }, [workspaceId, dataVersion, timeZone, settings, asOfDate, unit]);
}

export interface OverviewState {
  overview: JourneyOverview | null;
  /** the overview shown belongs to an older request: a new one is being computed */
  isStale: boolean;
  progress: Progress | null;
  error: unknown;
}

/**
 * Asks the journey worker for the overview whenever the request changes; the previous overview
 * stays on screen (dimmed) until the new one arrives, and a superseded call is cancelled.
 */
export function useJourneyOverview(request: JourneyRequest | null): OverviewState {
  const { value, error, isCurrent, progress } = useEngineCall('journey', 'overview', request);
  return { overview: value ?? null, isStale: !isCurrent, progress, error: error ?? null };
}
