import type { Condition, EventMatch } from './types';

/**
 * What a condition names from the workspace's data: event types, event props, profile fields,
 * RFM segments, journey stages and saved audiences (by id). The chain validator checks them against the workspace's
 * vocabulary; template matching renames event types through `mapConditionEventTypes`.
 * `path` is where the name sits, relative to the condition (e.g. `items.1.event.types.0`).
 */
export const REFERENCE_KINDS = ['eventType', 'eventProp', 'field', 'rfmSegment', 'stage', 'audience'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  kind: ReferenceKind;
  name: string;
  path: string;
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

export function eventMatchReferences(match: EventMatch, path = ''): Reference[] {
  const references: Reference[] = match.types.map((name, index) => ({ kind: 'eventType', name, path: join(join(path, 'types'), index) }));
  match.where.forEach((condition, index) => {
    if (condition.type === 'prop') references.push({ kind: 'eventProp', name: condition.key, path: join(join(join(path, 'where'), index), 'key') });
  });
  return references;
}

export function conditionReferences(condition: Condition, path = ''): Reference[] {
  switch (condition.type) {
    case 'group':
      return condition.items.flatMap((item, index) => conditionReferences(item, join(join(path, 'items'), index)));
    case 'field':
      return [{ kind: 'field', name: condition.field, path: join(path, 'field') }];
    case 'rfmSegment':
      return condition.segments.map((name, index) => ({ kind: 'rfmSegment', name, path: join(join(path, 'segments'), index) }));
    case 'stage':
      return condition.stages.map((name, index) => ({ kind: 'stage', name, path: join(join(path, 'stages'), index) }));
    case 'audience':
      return [{ kind: 'audience', name: condition.audienceId, path: join(path, 'audienceId') }];
    case 'categorySpend':
      return [{ kind: 'eventProp', name: condition.key, path: join(path, 'key') }];
    case 'eventCount':
    case 'eventSinceEntry':
    case 'daysSinceLastEvent':
      return eventMatchReferences(condition.event, join(path, 'event'));
    default:
      return [];
  }
}

/** A copy with every event type passed through `rename` (duplicates that a rename creates are merged). */
export function mapEventMatchTypes(match: EventMatch, rename: (type: string) => string): EventMatch {
  return { types: [...new Set(match.types.map(rename))], where: match.where.map((condition) => ({ ...condition })) };
}

export function mapConditionEventTypes<C extends Condition>(condition: C, rename: (type: string) => string): C {
  if (condition.type === 'group') return { ...condition, items: condition.items.map((item) => mapConditionEventTypes(item, rename)) };
  if (condition.type === 'eventCount' || condition.type === 'eventSinceEntry' || condition.type === 'daysSinceLastEvent') return { ...condition, event: mapEventMatchTypes(condition.event, rename) };
  return structuredClone(condition);
}

/** Every leaf of a condition, depth first. */
export function leafConditions(condition: Condition): Exclude<Condition, { type: 'group' }>[] {
  return condition.type === 'group' ? condition.items.flatMap(leafConditions) : [condition];
}
