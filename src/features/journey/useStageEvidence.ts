import { useMemo } from 'react';
import type { Workspace } from '../../domain';
import { hasBehaviourEvents, stagesWithoutEvidence, type StageMapping } from '../../domain/journey';
import { useWorkspaceStats } from '../workspaces/useWorkspaces';

export interface StageEvidence {
  /** the stages the data has no events for (see stagesWithoutEvidence); empty while loading */
  without: ReadonlySet<string>;
  /** false: the data holds only orders and returns (true while loading) */
  hasBehaviour: boolean;
}

/** What the workspace's data can tell about each stage of the mapping. */
export function useStageEvidence(workspace: Workspace, mapping: StageMapping): StageEvidence {
  const stats = useWorkspaceStats(workspace);
  return useMemo(() => {
    if (!stats) return { without: new Set<string>(), hasBehaviour: true };
    const counts = new Map(stats.eventTypes.map((entry) => [entry.type, entry.count]));
    return { without: stagesWithoutEvidence(mapping, counts), hasBehaviour: hasBehaviourEvents(counts) };
  }, [stats, mapping]);
}
