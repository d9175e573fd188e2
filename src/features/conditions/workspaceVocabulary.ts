import { DEFAULT_STAGE_IDS, type StageDefinition, type StageMapping } from '../../domain/journey/stageMapping';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../../domain/journey/lifecycle';
import type { DataQualityReport } from '../../domain/quality/dataQuality';
import { presetSegmentMap, type SegmentMap } from '../../domain/rfm/segmentMaps';
import { ATTR_PREFIX } from '../../domain/conditions/types';

/**
 * What the workspace's data has, as the editors offer it.
 *
 * TEMPORARY: this mirrors `WorkspaceVocabulary` and `buildWorkspaceVocabulary` of the model
 * (src/domain/conditions/vocabulary.ts, branch issue-12-model) until that lands; then this file
 * only re-exports them and nothing else changes.
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
}

export type QualityForVocabulary = Pick<DataQualityReport, 'customers' | 'customerFields' | 'attributes' | 'eventTypes' | 'props'>;

export interface VocabularySources {
  quality: QualityForVocabulary;
  segmentMap?: SegmentMap | null;
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
