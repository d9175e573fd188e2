import { useLiveQuery } from '../../db/react';
import { getDatabase, JOURNEY_SETTING_NAMES, loadWorkspaceSetting, setWorkspaceSetting, updateWorkspaceSetting, type ChainLabDatabase } from '../../db';
import {
  defaultInactionSettings,
  defaultLifecycleSettings,
  defaultStageMapping,
  parseStageMapping,
  type InactionSettings,
  type LifecycleSettings,
  type StageMapping,
} from '../../domain/journey';
import type { StorageReason } from '../../ui/storageReason';

/**
 * The journey settings of a workspace, stored with the workspace settings and loaded by the one
 * policy of stored records (src/db/records). A stored value that cannot be understood is
 * reported and left untouched (defaults are used meanwhile), so nothing is lost until the user
 * saves a new one.
 */
export { JOURNEY_SETTING_NAMES };

export type JourneySettingKind = keyof typeof JOURNEY_SETTING_NAMES;

export interface JourneySettings {
  mapping: StageMapping;
  lifecycle: LifecycleSettings;
  inaction: InactionSettings;
  /** settings whose stored value did not validate, with the reason */
  problems: { kind: JourneySettingKind; error: StorageReason }[];
}

const KINDS = Object.keys(JOURNEY_SETTING_NAMES) as JourneySettingKind[];

async function readOne<T>(db: ChainLabDatabase, workspaceId: string, kind: JourneySettingKind, fallback: () => T, problems: JourneySettings['problems']): Promise<T> {
  const loaded = await loadWorkspaceSetting<T>(db, workspaceId, JOURNEY_SETTING_NAMES[kind]);
  if (loaded.state === 'loaded') return loaded.value;
  if (loaded.state === 'unreadable') problems.push({ kind, error: { reason: loaded.reason, why: loaded.why } });
  return fallback();
}

export async function loadJourneySettings(workspaceId: string, db: ChainLabDatabase = getDatabase()): Promise<JourneySettings> {
  const problems: JourneySettings['problems'] = [];
  const [mapping, lifecycle, inaction] = await Promise.all([
    readOne(db, workspaceId, 'mapping', defaultStageMapping, problems),
    readOne(db, workspaceId, 'lifecycle', defaultLifecycleSettings, problems),
    readOne(db, workspaceId, 'inaction', defaultInactionSettings, problems),
  ]);
  // In the order of the kinds, whatever order the reads finished in.
  problems.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  return { mapping, lifecycle, inaction, problems };
}

/** Live: re-reads when any of the three settings changes (here or in another tab). */
export function useJourneySettings(workspaceId: string | undefined): JourneySettings | undefined {
  return useLiveQuery(() => (workspaceId ? loadJourneySettings(workspaceId) : undefined), [workspaceId]);
}

export async function saveJourneySetting<K extends JourneySettingKind>(
  workspaceId: string,
  kind: K,
  value: K extends 'mapping' ? StageMapping : K extends 'lifecycle' ? LifecycleSettings : InactionSettings,
  db: ChainLabDatabase = getDatabase(),
): Promise<void> {
  await setWorkspaceSetting(db, workspaceId, JOURNEY_SETTING_NAMES[kind], value);
}

/**
 * Applies an edit to the stored stage mapping inside one transaction, so that quick successive
 * edits (two drags in a row) each start from the one before, never from a stale copy.
 */
export async function updateStageMapping(workspaceId: string, edit: (mapping: StageMapping) => StageMapping, db: ChainLabDatabase = getDatabase()): Promise<StageMapping> {
  return updateWorkspaceSetting(db, workspaceId, JOURNEY_SETTING_NAMES.mapping, (stored) => {
    const parsed = stored === undefined ? null : parseStageMapping(stored);
    return edit(parsed?.ok ? parsed.value : defaultStageMapping());
  });
}
