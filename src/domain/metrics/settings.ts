import { z } from 'zod';
import { describeZodError, type ParseResult } from '../journey/stageMapping';
import { isoDateToDayNumber } from '../time';
import { defaultCrmChannelMapping, parseCrmChannelMapping, type CrmChannelMapping } from './crmChannels';
import { METRICS_PERIODS, type MetricsPeriod } from './comparison';

/**
 * The Metrics screen's choices for a workspace, stored versioned with the workspace settings
 * and validated on every read: a stored value that does not validate is reported with the
 * reason and left untouched (the screen uses the defaults meanwhile), never silently replaced.
 */
export const METRICS_SETTINGS_VERSION = 1;
export const METRICS_CUT_KINDS = ['none', 'rfm', 'lifecycle', 'stage', 'audience'] as const;
export type MetricsCutChoice = (typeof METRICS_CUT_KINDS)[number];
export const COHORT_VIEWS = ['retention', 'ltv'] as const;
export type CohortViewChoice = (typeof COHORT_VIEWS)[number];

export interface MetricsSettings {
  version: typeof METRICS_SETTINGS_VERSION;
  /** YYYY-MM-DD; null = the end of the data */
  asOf: string | null;
  period: MetricsPeriod;
  unit: 'month' | 'week';
  cut: MetricsCutChoice;
  /** the saved audience of the `audience` cut (issue 16: figures cut by a saved audience); absent until one is chosen */
  audienceId?: string;
  view: CohortViewChoice;
  crmMapping: CrmChannelMapping;
}

export function defaultMetricsSettings(): MetricsSettings {
  return { version: METRICS_SETTINGS_VERSION, asOf: null, period: 'all', unit: 'month', cut: 'none', view: 'retention', crmMapping: defaultCrmChannelMapping() };
}

const schema = z
  .object({
    version: z.literal(METRICS_SETTINGS_VERSION),
    asOf: z.string().refine((text) => !Number.isNaN(isoDateToDayNumber(text)), 'not a date YYYY-MM-DD').nullable(),
    period: z.enum(METRICS_PERIODS),
    unit: z.enum(['month', 'week']),
    cut: z.enum(METRICS_CUT_KINDS),
    audienceId: z.string().max(200).optional(),
    view: z.enum(COHORT_VIEWS),
    crmMapping: z.unknown(),
  })
  .strict();

/** Validates stored settings; never throws. The CRM mapping is checked by its own parser. */
export function parseMetricsSettings(value: unknown): ParseResult<MetricsSettings> {
  const result = schema.safeParse(value);
  if (!result.success) return { ok: false, error: describeZodError(result.error) };
  const mapping = parseCrmChannelMapping(result.data.crmMapping);
  if (!mapping.ok) return { ok: false, error: `crmMapping.${mapping.error}` };
  return { ok: true, value: { ...result.data, version: METRICS_SETTINGS_VERSION, crmMapping: mapping.value } };
}
