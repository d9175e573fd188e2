import { useMemo } from 'react';
import type { Workspace } from '../../domain';
import { stagesWithoutEvidence, type StageMapping } from '../../domain/journey';
import { useWorkspaceStats } from '../workspaces/useWorkspaces';

/** The stages the workspace's data has no events for (see stagesWithoutEvidence); empty while loading. */
export function useStagesWithoutEvidence(workspace: Workspace, mapping: StageMapping): ReadonlySet<string> {
  const stats = useWorkspaceStats(workspace);
  return useMemo(() => (stats ? stagesWithoutEvidence(mapping, new Map(stats.eventTypes.map((entry) => [entry.type, entry.count]))) : new Set<string>()), [stats, mapping]);
}
