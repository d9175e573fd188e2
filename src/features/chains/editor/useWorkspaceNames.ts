import i18next from 'i18next';
import { useMemo } from 'react';
import { DEFAULT_NAMES, type NameResolver } from '../../../domain/conditions/names';
import type { TextLanguage } from '../../../domain/text';
import { eventTypeLabel } from '../../../ui/eventTypeLabel';
import { useLanguage } from '../../../ui/useLanguage';
import { useJourneySettings } from '../../journey/journeySettings';
import { stageName, statusLabel } from '../../journey/labels';

/** The workspace's own names for node summaries: translated event types, its stage names, lifecycle statuses. */
export function useWorkspaceNames(workspaceId: string): NameResolver {
  const settings = useJourneySettings(workspaceId);
  const language = useLanguage();
  return useMemo(() => {
    const tFor = (target: TextLanguage) => i18next.getFixedT(target);
    return {
      ...DEFAULT_NAMES,
      eventType: (type, target) => eventTypeLabel(tFor(target), type),
      stage: (id, target) => (settings ? stageName(settings.mapping, id, tFor(target)) : id),
      lifecycle: (status, target) => statusLabel(status as Parameters<typeof statusLabel>[0], tFor(target)),
    } satisfies NameResolver;
    // language: summaries follow a language switch
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings, language]);
}
