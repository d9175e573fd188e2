import type { TFunction } from 'i18next';
import { DEFAULT_NAMES, type NameResolver } from '../../domain/conditions/names';
import type { TextLanguage } from '../../domain/text';
import { eventTypeLabel } from '../../ui/eventTypeLabel';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

/**
 * How the app names what conditions and chains refer to, in either language: event types and
 * lifecycle statuses by their translations, RFM segments by the workspace's segment map, journey
 * stages by the user's stage names (else the translated default). Summaries on node cards and the
 * option lists of the editors use the same names.
 */
export function conditionNames(vocabulary: WorkspaceVocabulary | null, tFor: (language: TextLanguage) => TFunction): NameResolver {
  return {
    eventType: (type, language) => eventTypeLabel(tFor(language), type),
    segment: (id, language) => vocabulary?.rfmSegments.find((segment) => segment.id === id)?.name || DEFAULT_NAMES.segment(id, language),
    stage: (id, language) => {
      const named = vocabulary?.stages.find((stage) => stage.id === id)?.name;
      if (named) return named;
      const key = `journey.stages.${id}`;
      const translated = tFor(language)(key);
      return translated === key ? id : translated;
    },
    lifecycle: (status, language) => {
      const key = `journey.lifecycle.status.${status}`;
      const translated = tFor(language)(key);
      return translated === key ? status : translated;
    },
    field: DEFAULT_NAMES.field,
  };
}
