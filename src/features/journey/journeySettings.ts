import { useLiveQuery } from '../../db/react';
import { getDatabase, getWorkspaceSetting, setWorkspaceSetting, updateWorkspaceSetting, type ChainLabDatabase } from '../../db';
import {
  defaultInactionSettings,
  defaultLifecycleSettings,
  defaultStageMapping,
  parseInactionSettings,
  parseLifecycleSettings,
  parseStageMapping,
  type InactionSettings,
  type LifecycleSettings,
  type ParseResult,
  type StageMapping,
} from '../../domain/journey';

/**
 * The journey settings of a workspace, stored with the workspace settings and validated on
 * every read. A stored value that does not validate is reported and left untouched (defaults
 * are used meanwhile), so nothing is lost until the user saves a new one.
 */
export const JOURNEY_SETTING_NAMES = {
  mapping: 'journey.stageMapping',
  lifecycle: 'journey.lifecycle',
  inaction: 'journey.inaction',
} as const;

export type JourneySettingKind = keyof typeof JOURNEY_SETTING_NAMES;

export interface JourneySettings {
  mapping: StageMapping;
  lifecycle: LifecycleSettings;
  inaction: InactionSettings;
  /** settings whose stored value did not validate, with the reason */
  problems: { kind: JourneySettingKind; error: string }[];
}

function readOne<T>(stored: unknown, parse: (value: unknown) => ParseResult<T>, fallback: () => T, kind: JourneySettingKind, problems: JourneySettings['problems']): T {
  if (stored === undefined) return fallback();
  const parsed = parse(stored);
  if (parsed.ok) return parsed.value;
  problems.push({ kind, error: parsed.error });
  return fallback();
}

export async function loadJourneySettings(workspaceId: string, db: ChainLabDatabase = getDatabase()): Promise<JourneySettings> {
  const [mapping, lifecycle, inaction] = await Promise.all(
    Object.values(JOURNEY_SETTING_NAMES).map((name) => getWorkspaceSetting<unknown>(db, workspaceId, name, undefined)),
  );
  const problems: JourneySettings['problems'] = [];
  return {
    mapping: readOne(mapping, parseStageMapping, defaultStageMapping, 'mapping', problems),
    lifecycle: readOne(lifecycle, parseLifecycleSettings, defaultLifecycleSettings, 'lifecycle', problems),
    inaction: readOne(inaction, parseInactionSettings, defaultInactionSettings, 'inaction', problems),
    problems,
  };
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
