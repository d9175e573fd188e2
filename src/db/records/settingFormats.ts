import { z } from 'zod';
import { parseInactionSettings, parseLifecycleSettings, parseStageMapping } from '../../domain/journey';
import { parseMetricsSettings } from '../../domain/metrics';
import { parseAudienceExportSettings } from '../../domain/audiences/exportColumns';
import { defaultRfmSettings, parseRfmSettings } from '../../domain/rfm';
import { schemaOf, type RawRecord, type RecordFormat } from './recordFormat';

/**
 * The formats of settings values: app-wide settings by key, workspace settings by name. A new
 * setting is registered here before it is stored (setSetting / setWorkspaceSetting refuse an
 * unregistered one), so nothing with a shape is stored without a format.
 */
export const SETTING_KEYS = {
  activeWorkspaceId: 'activeWorkspaceId',
  language: 'language',
  persistenceRequested: 'persistenceRequested',
  jobsInProgress: 'jobsInProgress',
} as const;

/** A long job (a run, opening a workspace file) while it runs: left behind if its tab closes. */
const JOB_MARKER_SCHEMA = z.looseObject({
  id: z.string(),
  kind: z.enum(['run', 'workspaceImport']),
  label: z.string(),
  workspaceId: z.string().nullable(),
  startedAt: z.number(),
});

export const APP_SETTING_FORMATS: Record<string, RecordFormat<unknown>> = {
  [SETTING_KEYS.activeWorkspaceId]: { what: 'openWorkspace', current: 1, migrations: [], schema: z.looseObject({ key: z.string(), value: z.string().nullable() }) },
  [SETTING_KEYS.language]: { what: 'language', current: 1, migrations: [], schema: z.looseObject({ key: z.string(), value: z.enum(['en', 'ru']) }) },
  [SETTING_KEYS.persistenceRequested]: { what: 'persistence', current: 1, migrations: [], schema: z.looseObject({ key: z.string(), value: z.boolean() }) },
  [SETTING_KEYS.jobsInProgress]: { what: 'jobsInProgress', current: 1, migrations: [], schema: z.looseObject({ key: z.string(), value: z.array(JOB_MARKER_SCHEMA) }) },
};

export const RFM_SETTING_NAME = 'rfm';

/** The Metrics screen's choices. */
export const METRICS_SETTING_NAME = 'metrics';

/** The Audiences screen's export columns (issue 15). */
export const AUDIENCE_EXPORT_SETTING_NAME = 'audiences.exportColumns';

export const JOURNEY_SETTING_NAMES = {
  mapping: 'journey.stageMapping',
  lifecycle: 'journey.lifecycle',
  inaction: 'journey.inaction',
} as const;

/** Fields a later version added take their defaults; an older record simply did not have them. */
function fillMissingRfmFields(raw: RawRecord): { value: RawRecord; repairs: string[] } {
  const defaults: RawRecord = { ...defaultRfmSettings() };
  const missing = Object.keys(defaults).filter((key) => !Object.hasOwn(raw, key));
  return { value: { ...Object.fromEntries(missing.map((key) => [key, defaults[key]])), ...raw }, repairs: missing.map((key) => `${key} was not saved: the default is used`) };
}

/** Workspace settings values; the format of a version-1 record is its value's own `version`. */
export const WORKSPACE_SETTING_FORMATS: Record<string, RecordFormat<unknown>> = {
  [RFM_SETTING_NAME]: { what: 'rfmSettings', current: 1, migrations: [], repair: fillMissingRfmFields, schema: schemaOf(parseRfmSettings) },
  [JOURNEY_SETTING_NAMES.mapping]: { what: 'stageMapping', current: 1, migrations: [], schema: schemaOf(parseStageMapping) },
  [JOURNEY_SETTING_NAMES.lifecycle]: { what: 'lifecycle', current: 1, migrations: [], schema: schemaOf(parseLifecycleSettings) },
  [JOURNEY_SETTING_NAMES.inaction]: { what: 'inaction', current: 1, migrations: [], schema: schemaOf(parseInactionSettings) },
  [METRICS_SETTING_NAME]: { what: 'metricsSettings', current: 1, migrations: [], schema: schemaOf(parseMetricsSettings) },
  [AUDIENCE_EXPORT_SETTING_NAME]: { what: 'audienceExportColumns', current: 1, migrations: [], schema: schemaOf(parseAudienceExportSettings) },
};
