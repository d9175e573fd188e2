import { DEFAULT_STAGE_IDS, type StageDefinition, type StageMapping } from '../journey/stageMapping';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../journey/lifecycle';
import type { DataQualityReport } from '../quality/dataQuality';
import { presetSegmentMap, type SegmentMap } from '../rfm/segmentMaps';
import { closestNames } from '../similarity';
import type { LocalizedText } from '../text';
import { isProfileField, profileFieldName } from './names';
import type { Reference } from './references';
import { ATTR_PREFIX } from './types';

/**
 * What a workspace's data actually has, for the editor to offer ("never typed blind") and the
 * validator to check names against: event types and props with counts, the profile fields and
 * source columns customers have values in, the RFM segments of the map in use, the lifecycle
 * statuses and the journey stages. Built from results the app already computes (the data-quality
 * scan, the RFM map, the stage mapping); counts of customers per segment / stage / status are
 * optional extras the screens have at hand.
 */
export interface NamedCount {
  name: string;
  count: number;
}

export interface WorkspaceVocabulary {
  customers: number;
  /** most frequent first */
  eventTypes: NamedCount[];
  /** event prop keys with their most frequent values */
  eventProps: (NamedCount & { values: { value: string; count: number }[] })[];
  /** profile fields (`firstName`, `signupAt` …) and source columns (`attrs.<column>`) with how many customers have a value */
  fields: (NamedCount & { values: { value: string; count: number }[] })[];
  rfmSegments: { id: string; name: string; customers: number | null }[];
  lifecycleStatuses: { status: LifecycleStatus; customers: number | null }[];
  stages: { id: string; name: string | null; customers: number | null }[];
  /** the workspace's saved audiences (an `audience` condition names one); absent where none are known */
  audiences?: { id: string; name: string }[];
}

export type QualityForVocabulary = Pick<DataQualityReport, 'customers' | 'customerFields' | 'attributes' | 'eventTypes' | 'props'>;

export interface VocabularySources {
  quality: QualityForVocabulary;
  /** the RFM segment map in use; default: the R × FM grid preset (English names) */
  segmentMap?: SegmentMap | null;
  /** default: the six default stages */
  stageMapping?: StageMapping | null;
  segmentCustomers?: Readonly<Record<string, number>>;
  stageCustomers?: Readonly<Record<string, number>>;
  lifecycleCustomers?: Readonly<Partial<Record<LifecycleStatus, number>>>;
}

export function buildWorkspaceVocabulary(sources: VocabularySources): WorkspaceVocabulary {
  const { quality } = sources;
  const map = sources.segmentMap ?? presetSegmentMap('grid', 5, 'en');
  const stages: readonly StageDefinition[] = sources.stageMapping?.stages ?? DEFAULT_STAGE_IDS.map((id) => ({ id }));
  const fields = [
    ...quality.customerFields.map((field) => ({ name: field.name, count: field.filled, values: field.top })),
    ...quality.attributes.map((field) => ({ name: `${ATTR_PREFIX}${field.name}`, count: field.filled, values: field.top })),
  ].filter((field) => field.count > 0);
  return {
    customers: quality.customers,
    eventTypes: quality.eventTypes.filter((type) => type.count > 0).map((type) => ({ name: type.type, count: type.count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    eventProps: quality.props.filter((prop) => prop.filled > 0).map((prop) => ({ name: prop.name, count: prop.filled, values: prop.top })),
    fields,
    rfmSegments: map.segments.map((segment) => ({ id: segment.id, name: segment.name, customers: sources.segmentCustomers?.[segment.id] ?? null })),
    lifecycleStatuses: LIFECYCLE_STATUSES.map((status) => ({ status, customers: sources.lifecycleCustomers?.[status] ?? null })),
    stages: stages.map((stage) => ({ id: stage.id, name: stage.name ?? null, customers: sources.stageCustomers?.[stage.id] ?? null })),
  };
}

/** A name the data lacks, with the closest names it has. */
export interface ReferenceProblem {
  reference: Reference;
  code: 'unknown_event_type' | 'unknown_event_prop' | 'unknown_field' | 'unknown_segment' | 'unknown_stage' | 'unknown_audience';
  message: LocalizedText;
  suggestions: string[];
}

function suggestionText(suggestions: readonly string[]): LocalizedText {
  if (!suggestions.length) return { en: '', ru: '' };
  const list = suggestions.join(', ');
  return { en: ` Closest: ${list}.`, ru: ` Похожие: ${list}.` };
}

function problem(reference: Reference, code: ReferenceProblem['code'], candidates: readonly string[], en: string, ru: string): ReferenceProblem {
  const suggestions = closestNames(reference.name, candidates);
  const hint = suggestionText(suggestions);
  return { reference, code, suggestions, message: { en: `${en}${hint.en}`, ru: `${ru}${hint.ru}` } };
}

function fieldProblem(reference: Reference, vocabulary: WorkspaceVocabulary): ReferenceProblem | null {
  const { name } = reference;
  if (vocabulary.fields.some((field) => field.name === name)) return null;
  const candidates = vocabulary.fields.map((field) => field.name);
  if (isProfileField(name)) {
    const en = profileFieldName(name, 'en');
    const ru = profileFieldName(name, 'ru');
    return problem(reference, 'unknown_field', candidates, `No customer in this workspace's data has a ${en}.`, `Ни у одного клиента в данных этой области нет поля «${ru}».`);
  }
  const column = name.slice(ATTR_PREFIX.length);
  return problem(reference, 'unknown_field', candidates, `The customers' data has no column "${column}".`, `В данных клиентов нет колонки «${column}».`);
}

/** Null when the workspace has the name; else what is wrong and the closest names. */
export function checkReference(reference: Reference, vocabulary: WorkspaceVocabulary): ReferenceProblem | null {
  const { name } = reference;
  switch (reference.kind) {
    case 'eventType': {
      const names = vocabulary.eventTypes.map((type) => type.name);
      return names.includes(name) ? null : problem(reference, 'unknown_event_type', names, `The workspace's data has no "${name}" events.`, `В данных этой области нет событий «${name}».`);
    }
    case 'eventProp': {
      const names = vocabulary.eventProps.map((prop) => prop.name);
      return names.includes(name) ? null : problem(reference, 'unknown_event_prop', names, `No event in the workspace's data has a "${name}" property.`, `Ни у одного события в данных нет свойства «${name}».`);
    }
    case 'field':
      return fieldProblem(reference, vocabulary);
    case 'rfmSegment': {
      const ids = vocabulary.rfmSegments.map((segment) => segment.id);
      return ids.includes(name) ? null : problem(reference, 'unknown_segment', ids, `The RFM segment map has no segment "${name}".`, `В карте RFM-сегментов нет сегмента «${name}».`);
    }
    case 'stage': {
      const ids = vocabulary.stages.map((stage) => stage.id);
      return ids.includes(name) ? null : problem(reference, 'unknown_stage', ids, `The journey stages have no stage "${name}".`, `Среди этапов пути клиента нет этапа «${name}».`);
    }
    case 'audience': {
      // unknown only when the saved audiences were read (a vocabulary without them cannot tell)
      if (!vocabulary.audiences || vocabulary.audiences.some((audience) => audience.id === name)) return null;
      return { reference, code: 'unknown_audience', suggestions: [], message: { en: 'This saved audience no longer exists (deleted?): choose another one.', ru: 'Этой сохранённой аудитории больше нет (удалена?): выберите другую.' } };
    }
    default:
      return null;
  }
}

/** How many customers lack a field (for "add a fallback" hints); null when the vocabulary does not know the field. */
export function customersWithout(field: string, vocabulary: WorkspaceVocabulary): number | null {
  const entry = vocabulary.fields.find((item) => item.name === field);
  if (!entry) return null;
  return Math.max(0, vocabulary.customers - entry.count);
}
