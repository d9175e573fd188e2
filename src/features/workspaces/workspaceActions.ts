import {
  createWorkspace,
  deleteWorkspace,
  getDatabase,
  getSetting,
  getWorkspace,
  listWorkspaces,
  setSetting,
  SETTING_KEYS,
  unusedName,
} from '../../db';
import type { Workspace } from '../../domain';
import { DEFAULT_DEMO_OPTIONS } from '../../domain/demo';
import { useAppStore } from '../../store/appStore';
import { engineWorker } from '../../workers/engineClient';
import { isQuotaError } from '../../domain/errors';

/** Makes `id` the open workspace and remembers it for the next visit. */
export async function switchWorkspace(id: string): Promise<void> {
  try {
    await setSetting(getDatabase(), SETTING_KEYS.activeWorkspaceId, id);
  } catch (error) {
    // With the disk full the app still opens and shows the data; only the next visit may open
    // another workspace first. Every write that matters says "not enough space" itself.
    if (!isQuotaError(error)) throw error;
  }
  useAppStore.getState().setActiveWorkspaceId(id);
}

export type DemoProgress = (done: number, total: number) => void;

/** Fills a workspace with generated demo data in the data worker. */
export async function fillWithDemoData(workspace: Workspace, onProgress: DemoProgress): Promise<void> {
  const { customers, seed } = workspace.demo ?? DEFAULT_DEMO_OPTIONS;
  onProgress(0, customers);
  await engineWorker('data').call('createDemoData', { workspaceId: workspace.id, customers, seed }, { onProgress: (p) => onProgress(p.done, p.total) });
}

export async function createDemoWorkspace(name: string, onProgress: DemoProgress): Promise<Workspace> {
  const db = getDatabase();
  const workspace = await createWorkspace(db, { name, isDemo: true, demo: { ...DEFAULT_DEMO_OPTIONS } });
  await fillWithDemoData(workspace, onProgress);
  return workspace;
}

function bootProgress(done: number, total: number): void {
  useAppStore.getState().setBoot({ status: 'creating-demo', done, total });
}

/**
 * Opens the workspace of the last visit; on a first visit (empty storage) creates the Demo
 * workspace. A demo workspace whose generation was interrupted (tab closed) is filled again.
 */
export async function openStartWorkspace(demoName: string): Promise<{ workspace: Workspace; isNewDemo: boolean }> {
  const db = getDatabase();
  const workspaces = await listWorkspaces(db);
  if (workspaces.length === 0) {
    const workspace = await createDemoWorkspace(await unusedName(db, demoName), bootProgress);
    await switchWorkspace(workspace.id);
    return { workspace, isNewDemo: true };
  }
  const savedId = await getSetting<string | null>(db, SETTING_KEYS.activeWorkspaceId, null);
  const workspace = (savedId && (await getWorkspace(db, savedId))) || workspaces[0]!;
  if (workspace.isDemo && workspace.dataVersion === 0) await fillWithDemoData(workspace, bootProgress);
  await switchWorkspace(workspace.id);
  return { workspace, isNewDemo: false };
}

/**
 * Deletes a workspace. When it was the open one, opens another; when it was the last one,
 * creates a fresh Demo workspace so the app is never without one.
 */
export async function deleteWorkspaceAndMoveOn(id: string, demoName: string, onProgress: DemoProgress): Promise<void> {
  const db = getDatabase();
  await deleteWorkspace(db, id);
  if (useAppStore.getState().activeWorkspaceId !== id) return;
  const remaining = await listWorkspaces(db);
  const next = remaining[0] ?? (await createDemoWorkspace(await unusedName(db, demoName), onProgress));
  await switchWorkspace(next.id);
}
