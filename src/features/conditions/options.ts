import type { NameResolver } from '../../domain/conditions/names';
import { ATTR_PREFIX, PROFILE_FIELDS } from '../../domain/conditions/types';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../../domain/journey/lifecycle';
import { DEFAULT_EVENT_TYPES } from '../../domain/model/event';
import type { TextLanguage } from '../../domain/text';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

/**
 * What the editors offer for a name (event type, prop, field, segment, stage, status): the
 * workspace's own names with their counts first, then names the model knows but the data lacks
 * (so a chain can be designed before its data is imported — the validator warns about them),
 * and any name already chosen that is in neither list (kept and marked, never dropped).
 */
export interface NameOption {
  value: string;
  label: string;
  /** events / customers with it in this workspace; null when unknown (not computed yet) */
  count: number | null;
  /** in the workspace's data (false: known to the model only, or already chosen but missing) */
  isInData: boolean;
}

/** A value of a field or prop, with how many have it. */
export interface ValueOption {
  value: string;
  count: number;
}

interface Names {
  names: NameResolver;
  language: TextLanguage;
}

function withChosen(options: NameOption[], chosen: readonly string[], label: (value: string) => string): NameOption[] {
  const known = new Set(options.map((option) => option.value));
  const missing = chosen.filter((value) => value !== '' && !known.has(value));
  return [...options, ...[...new Set(missing)].map((value) => ({ value, label: label(value), count: 0, isInData: false }))];
}

/** Event types: the data's, most frequent first; then the default vocabulary the data lacks. */
export function eventTypeOptions(vocabulary: WorkspaceVocabulary | null, chosen: readonly string[], { names, language }: Names): NameOption[] {
  const label = (type: string) => names.eventType(type, language);
  const inData = (vocabulary?.eventTypes ?? []).map((type) => ({ value: type.name, label: label(type.name), count: type.count, isInData: true }));
  const known = new Set(inData.map((option) => option.value));
  const defaults = DEFAULT_EVENT_TYPES.filter((type) => !known.has(type)).map((type) => ({ value: type, label: label(type), count: vocabulary ? 0 : null, isInData: false }));
  return withChosen([...inData, ...defaults], chosen, label);
}

/** Event props (keys) of the data, with how many events have them. */
export function eventPropOptions(vocabulary: WorkspaceVocabulary | null, chosen: readonly string[]): NameOption[] {
  const inData = (vocabulary?.eventProps ?? []).map((prop) => ({ value: prop.name, label: prop.name, count: prop.count, isInData: true }));
  return withChosen(inData, chosen, (value) => value);
}

export function eventPropValueOptions(vocabulary: WorkspaceVocabulary | null, key: string): ValueOption[] {
  return vocabulary?.eventProps.find((prop) => prop.name === key)?.values ?? [];
}

/**
 * Profile fields and source columns: the ones customers have values in (with how many), then the
 * profile fields nobody has. `only` narrows to some fields (date fields for a date trigger).
 */
export function fieldOptions(vocabulary: WorkspaceVocabulary | null, chosen: readonly string[], { names, language }: Names, only?: (field: string) => boolean): NameOption[] {
  const label = (field: string) => names.field(field, language);
  const fits = only ?? (() => true);
  const inData = (vocabulary?.fields ?? []).filter((field) => fits(field.name)).map((field) => ({ value: field.name, label: label(field.name), count: field.count, isInData: true }));
  const known = new Set(inData.map((option) => option.value));
  const profile = PROFILE_FIELDS.filter((field) => fits(field) && !known.has(field)).map((field) => ({ value: field, label: label(field), count: vocabulary ? 0 : null, isInData: false }));
  return withChosen([...inData, ...profile], chosen, label);
}

export function fieldValueOptions(vocabulary: WorkspaceVocabulary | null, field: string): ValueOption[] {
  return vocabulary?.fields.find((item) => item.name === field)?.values ?? [];
}

/** Whether a field is a source column (`attrs.<column>`). */
export function isSourceColumn(field: string): boolean {
  return field.startsWith(ATTR_PREFIX);
}

export function rfmSegmentOptions(vocabulary: WorkspaceVocabulary | null, chosen: readonly string[], { names, language }: Names): NameOption[] {
  const inData = (vocabulary?.rfmSegments ?? []).map((segment) => ({ value: segment.id, label: segment.name || names.segment(segment.id, language), count: segment.customers, isInData: true }));
  return withChosen(inData, chosen, (id) => names.segment(id, language));
}

export function stageOptions(vocabulary: WorkspaceVocabulary | null, chosen: readonly string[], { names, language }: Names): NameOption[] {
  const inData = (vocabulary?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name || names.stage(stage.id, language), count: stage.customers, isInData: true }));
  return withChosen(inData, chosen, (id) => names.stage(id, language));
}

/** Every lifecycle status, with its customers when known. */
export function lifecycleOptions(vocabulary: WorkspaceVocabulary | null, { names, language }: Names): NameOption[] {
  return LIFECYCLE_STATUSES.map((status) => ({
    value: status,
    label: names.lifecycle(status, language),
    count: vocabulary?.lifecycleStatuses.find((item) => item.status === status)?.customers ?? null,
    isInData: true,
  }));
}

export function isLifecycleStatus(value: string): value is LifecycleStatus {
  return (LIFECYCLE_STATUSES as readonly string[]).includes(value);
}
