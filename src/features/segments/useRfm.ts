import { useCallback, useMemo } from 'react';
import { getDatabase, loadWorkspaceSetting, readWorkspaceSettingValue, RFM_SETTING_NAME, updateWorkspaceSetting, type ChainLabDatabase } from '../../db';
import { useLiveQuery } from '../../db/react';
import type { Workspace } from '../../domain';
import { defaultRfmSettings, presetSegmentMap, scaleSegmentMap, type RfmSettings, type SegmentMap } from '../../domain/rfm';
import type { RfmRequest } from '../../engine';
import type { Language } from '../../i18n/i18n';
import type { StorageReason } from '../../ui/storageReason';
import { useEngineCall } from '../../workers/useEngineCall';

export { RFM_SETTING_NAME };

export interface StoredRfmSettings {
  settings: RfmSettings;
  /** why the stored settings could not be read (the defaults are shown; saving replaces them) */
  problem: StorageReason | null;
}

/** The workspace's RFM settings by the one load policy of stored records (src/db/records). */
export async function loadRfmSettings(workspaceId: string, db: ChainLabDatabase = getDatabase()): Promise<StoredRfmSettings> {
  const loaded = await loadWorkspaceSetting<RfmSettings>(db, workspaceId, RFM_SETTING_NAME);
  if (loaded.state === 'loaded') return { settings: loaded.value, problem: null };
  return { settings: defaultRfmSettings(), problem: loaded.state === 'unreadable' ? { reason: loaded.reason, why: loaded.why } : null };
}

/** The workspace's RFM settings, a function that saves a change, and why the stored ones could not be read (or null). */
export function useRfmSettings(workspace: Workspace | undefined): [RfmSettings | undefined, (change: Partial<RfmSettings>) => void, StorageReason | null] {
  const stored = useLiveQuery(async () => (workspace ? loadRfmSettings(workspace.id) : undefined), [workspace?.id]);
  const workspaceId = workspace?.id;
  const update = useCallback(
    (change: Partial<RfmSettings>) => {
      if (!workspaceId) return;
      // Read-modify-write in one transaction, so quick successive changes never undo each other;
      // the change applies to what the screen shows (the defaults, when the stored value is unreadable).
      void updateWorkspaceSetting(getDatabase(), workspaceId, RFM_SETTING_NAME, (stored) => ({ ...(readWorkspaceSettingValue<RfmSettings>(RFM_SETTING_NAME, stored) ?? defaultRfmSettings()), ...change }));
    },
    [workspaceId],
  );
  return [stored?.settings, update, stored?.problem ?? null];
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
