import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getDatabase, getWorkspaceSetting, setWorkspaceSetting } from '../../db';
import type { Workspace } from '../../domain';
import { normalizeRfmSettings, presetSegmentMap, scaleSegmentMap, type RfmSettings, type SegmentMap } from '../../domain/rfm';
import type { Language } from '../../i18n/i18n';
import type { Progress } from '../../workers/rpc';
import type { RfmRequest } from '../../workers/rfmEngine';
import type { RfmWorkerHandlers } from '../../workers/rfmWorker';
import { rfmWorker } from '../../workers/rfmWorkerClient';

/** The workspace setting that holds the Segments screen's settings. */
export const RFM_SETTING_NAME = 'rfm';

/** The workspace's RFM settings (repaired on load) and a function that saves a change. */
export function useRfmSettings(workspace: Workspace | undefined): [RfmSettings | undefined, (change: Partial<RfmSettings>) => void] {
  const stored = useLiveQuery(
    async () => (workspace ? normalizeRfmSettings(await getWorkspaceSetting(getDatabase(), workspace.id, RFM_SETTING_NAME, null)) : undefined),
    [workspace?.id],
  );
  const workspaceId = workspace?.id;
  const update = useCallback(
    (change: Partial<RfmSettings>) => {
      if (!workspaceId) return;
      // Read-modify-write in one transaction, so quick successive changes never undo each other.
      const db = getDatabase();
      void db.transaction('rw', db.workspaceSettings, async () => {
        const current = normalizeRfmSettings(await getWorkspaceSetting(db, workspaceId, RFM_SETTING_NAME, null));
        await setWorkspaceSetting(db, workspaceId, RFM_SETTING_NAME, { ...current, ...change });
      });
    },
    [workspaceId],
  );
  return [stored, update];
}

/** The map in use: the edited one, or the preset in the interface language — at the settings' levels. */
export function resolveSegmentMap(settings: RfmSettings, language: Language): SegmentMap {
  if (settings.customMap) return scaleSegmentMap(settings.customMap, settings.levels);
  return presetSegmentMap(settings.mapPreset, settings.levels, language);
}

export function useSegmentMap(settings: RfmSettings | undefined, language: Language): SegmentMap | undefined {
  return useMemo(() => (settings ? resolveSegmentMap(settings, language) : undefined), [settings, language]);
}

export function rfmRequest(workspace: Workspace, settings: RfmSettings, map: SegmentMap): RfmRequest {
  return { workspaceId: workspace.id, dataVersion: workspace.dataVersion, timeZone: workspace.timeZone, settings, map };
}

interface Answer<T> {
  key: string;
  value?: T;
  error?: unknown;
}

type Handlers = RfmWorkerHandlers;

/**
 * Calls an RFM worker method whenever its arguments change (cancelling the call they replace).
 * The last answer stays on screen while the new one is computed; `isLoading` says so.
 */
export function useRfmCall<K extends keyof Handlers & string>(method: K, args: Parameters<Handlers[K]>[0] | null) {
  const key = args ? JSON.stringify(args) : '';
  const [answer, setAnswer] = useState<Answer<Awaited<ReturnType<Handlers[K]>>> | null>(null);
  const [progress, setProgress] = useState<{ key: string; progress: Progress } | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    rfmWorker()
      .call(method, JSON.parse(key) as Parameters<Handlers[K]>[0], { signal: controller.signal, onProgress: (p) => setProgress({ key, progress: p }) })
      .then((value) => setAnswer({ key, value }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ key, error });
      });
    return () => controller.abort();
  }, [method, key]);
  const isCurrent = answer?.key === key;
  return {
    value: answer?.value,
    error: isCurrent ? answer.error : undefined,
    isLoading: Boolean(key) && !isCurrent,
    progress: progress?.key === key ? progress.progress : null,
  };
}

export function useRfmSummary(request: RfmRequest | null) {
  return useRfmCall('rfmSummary', request);
}
