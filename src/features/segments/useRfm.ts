import { useCallback, useMemo } from 'react';
import { getDatabase, getWorkspaceSetting, updateWorkspaceSetting } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { normalizeRfmSettings, presetSegmentMap, scaleSegmentMap, type RfmSettings, type SegmentMap } from '../../domain/rfm';
import type { RfmRequest } from '../../engine';
import type { Language } from '../../i18n/i18n';
import { useEngineCall } from '../../workers/useEngineCall';

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
      void updateWorkspaceSetting(getDatabase(), workspaceId, RFM_SETTING_NAME, (current) => ({ ...normalizeRfmSettings(current ?? null), ...change }));
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

export function useRfmSummary(request: RfmRequest | null) {
  return useEngineCall('rfm', 'rfmSummary', request);
}
