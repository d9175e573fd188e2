import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameResolver } from '../../domain/conditions/names';
import { conditionNames } from './conditionNames';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

/** The app's names for conditions and node summaries (see conditionNames), renewed with the language and the data. */
export function useConditionNames(vocabulary: WorkspaceVocabulary | null): NameResolver {
  const { i18n } = useTranslation();
  // Names are looked up at each call (getFixedT), so a language change needs no new resolver.
  return useMemo(() => conditionNames(vocabulary, (language) => i18n.getFixedT(language)), [vocabulary, i18n]);
}
