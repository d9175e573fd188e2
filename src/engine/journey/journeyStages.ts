import {
  asOfInstant,
  buildJourneyData,
  defaultAsOfDate,
  journeyInputFromColumns,
  prepareJourney,
  stagesSummary,
  type InactionSettings,
  type JourneyData,
  type JourneyIndex,
  type LifecycleSettings,
  type StageMapping,
  type StagesSummary,
} from '../../domain/journey';
import type { Dataset } from '../port';
import type { PlausibleWindow } from '../../domain/time';

/**
 * Journey stages' one path from a dataset to results, for the Journey screen
 * (journeyHandlers.ts) and `chainlab stages` alike: events regrouped per customer (once per data
 * version), the per-customer index for a mapping, lifecycle settings and time zone, and the
 * as-of date (default: the day after the last event).
 */
export interface JourneySettingsInput {
  mapping: StageMapping;
  lifecycle: LifecycleSettings;
  inaction: InactionSettings;
}

/** The journey data of a dataset; its time range (default as-of date, first period) is the plausible span (`window`). */
export function journeyDataOf(dataset: Dataset, window: PlausibleWindow): JourneyData {
  return buildJourneyData(journeyInputFromColumns(dataset.customers, dataset.events, dataset.eventTypes), window);
}

export function journeyIndexOf(data: JourneyData, settings: Pick<JourneySettingsInput, 'mapping' | 'lifecycle'>, timeZone: string): JourneyIndex {
  return prepareJourney(data, settings.mapping, settings.lifecycle, timeZone);
}

/** The as-of date asked for, or the day after the last plausible event ("end of data"); null when there is none. */
export function resolveAsOf(index: JourneyIndex, asOfDate: string | null): { date: string; at: number } | null {
  const date = asOfDate ?? defaultAsOfDate(Number.isNaN(index.data.lastTs) ? null : index.data.lastTs, index.timeZone);
  return date ? { date, at: asOfInstant(date, index.timeZone) } : null;
}

/** Funnel and lifecycle counts as of a date (`chainlab stages`); null when there are no events. */
export function stagesOf(dataset: Dataset, settings: Pick<JourneySettingsInput, 'mapping' | 'lifecycle'>, timeZone: string, asOfDate: string | null, window: PlausibleWindow): StagesSummary | null {
  const index = journeyIndexOf(journeyDataOf(dataset, window), settings, timeZone);
  const asOf = resolveAsOf(index, asOfDate);
  return asOf ? stagesSummary(index, asOf.at, asOf.date) : null;
}
