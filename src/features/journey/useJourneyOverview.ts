import { useEffect, useMemo, useState } from 'react';
import type { PeriodUnit } from '../../domain/journey';
import type { Workspace } from '../../domain';
import type { Progress } from '../../workers/rpc';
import type { JourneyOverview, JourneyRequest } from '../../workers/journeyTypes';
import { journeyWorker } from '../../workers/journeyWorkerClient';
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
  const key = request ? JSON.stringify(request) : '';
  const [answer, setAnswer] = useState<{ key: string; overview: JourneyOverview | null; error: unknown } | null>(null);
  const [progress, setProgress] = useState<{ key: string; progress: Progress } | null>(null);
  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    journeyWorker()
      .call('overview', request, { signal: controller.signal, onProgress: (update) => setProgress({ key, progress: update }) })
      .then((overview) => !controller.signal.aborted && setAnswer({ key, overview, error: null }))
      .catch((error: unknown) => !controller.signal.aborted && setAnswer({ key, overview: null, error }));
    return () => controller.abort();
  }, [request, key]);
  const isCurrent = answer?.key === key;
  return {
    overview: answer?.overview ?? null,
    isStale: !isCurrent,
    progress: !isCurrent && progress?.key === key ? progress.progress : null,
    error: isCurrent ? answer.error : null,
  };
}
