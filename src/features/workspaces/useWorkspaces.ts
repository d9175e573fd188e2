import { useLiveQuery } from '../../db/react';
import { getDatabase, getWorkspace, listWorkspaces, loadWorkspaceStats, type WorkspaceStats } from '../../db';
import type { Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';

export function useWorkspaces(): Workspace[] | undefined {
  return useLiveQuery(() => listWorkspaces(getDatabase()), []);
}

export function useActiveWorkspace(): Workspace | undefined {
  const id = useAppStore((state) => state.activeWorkspaceId);
  return useLiveQuery(() => (id ? getWorkspace(getDatabase(), id) : undefined), [id]);
}

/** Counts of the workspace, recomputed when its data version changes. */
export function useWorkspaceStats(workspace: Workspace | undefined): WorkspaceStats | undefined {
  const workspaceId = workspace?.id;
  const answer = useLiveQuery(
    async () => (workspaceId ? { workspaceId, stats: await loadWorkspaceStats(getDatabase(), workspaceId) } : undefined),
    [workspaceId, workspace?.dataVersion],
  );
  // Another workspace's figures must not show under this one's name while its own load.
  return answer && answer.workspaceId === workspaceId ? answer.stats : undefined;
}
