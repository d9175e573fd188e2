import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase, listWorkspaces, loadWorkspaceStats, type WorkspaceStats } from '../../db';
import type { Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';

export function useWorkspaces(): Workspace[] | undefined {
  return useLiveQuery(() => listWorkspaces(getDatabase()), []);
}

export function useActiveWorkspace(): Workspace | undefined {
  const id = useAppStore((state) => state.activeWorkspaceId);
  return useLiveQuery(() => (id ? getDatabase().workspaces.get(id) : undefined), [id]);
}

/** Counts of the workspace, recomputed when its data version changes. */
export function useWorkspaceStats(workspace: Workspace | undefined): WorkspaceStats | undefined {
  return useLiveQuery(
    () => (workspace ? loadWorkspaceStats(getDatabase(), workspace.id) : undefined),
    [workspace?.id, workspace?.dataVersion],
  );
}
