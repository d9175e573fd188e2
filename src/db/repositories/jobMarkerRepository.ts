import type { ChainLabDatabase } from '../schema';
import { newId } from '../database';
import { SETTING_KEYS } from '../records/settingFormats';
import { webLocks } from '../workspaceLocks';
import { getSetting, setSetting } from './settingsRepository';

/**
 * Telling the user on reopening that a long job was cut off (issue 17). A run and the opening
 * of a workspace file each write their result in one transaction, so a tab closed in the middle
 * leaves nothing half-written — and, without this, no trace either. While such a job runs, its
 * tab holds a Web Lock named after it and a marker is stored; the marker is removed when the job
 * ends in any way. A marker whose lock nobody holds belongs to a tab that closed or crashed.
 */
export type JobKind = 'run' | 'workspaceImport';

export interface JobMarker {
  id: string;
  kind: JobKind;
  /** the run's name, the file's name */
  label: string;
  workspaceId: string | null;
  startedAt: number;
}

const LOCK_PREFIX = 'chainlab-job:';

async function updateMarkers(db: ChainLabDatabase, edit: (markers: JobMarker[]) => JobMarker[]): Promise<void> {
  // One transaction: two tabs adding their markers at once both stay.
  await db.transaction('rw', db.settings, async () => {
    const markers = await getSetting<JobMarker[]>(db, SETTING_KEYS.jobsInProgress, []);
    await setSetting(db, SETTING_KEYS.jobsInProgress, edit(markers));
  });
}

export function listJobMarkers(db: ChainLabDatabase): Promise<JobMarker[]> {
  return getSetting<JobMarker[]>(db, SETTING_KEYS.jobsInProgress, []);
}

export function removeJobMarker(db: ChainLabDatabase, id: string): Promise<void> {
  return updateMarkers(db, (markers) => markers.filter((marker) => marker.id !== id));
}

/**
 * Runs `work` as a tracked job. Without Web Locks (an old browser) the job runs untracked: a
 * marker could not be told from a job still running in another tab. The marker is best effort —
 * a full disk must not stop the job itself, which reports its own storage error.
 */
export async function trackJob<T>(db: ChainLabDatabase, job: Omit<JobMarker, 'id' | 'startedAt'>, work: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const locks = webLocks();
  if (!locks) return work();
  const marker: JobMarker = { ...job, id: newId(), startedAt: now() };
  return locks.request(`${LOCK_PREFIX}${marker.id}`, async () => {
    const isMarked = await updateMarkers(db, (markers) => [...markers, marker]).then(
      () => true,
      () => false,
    );
    try {
      return await work();
    } finally {
      if (isMarked) await removeJobMarker(db, marker.id).catch(() => undefined);
    }
  });
}

/** Jobs whose tab closed or crashed before they ended, oldest first. */
export async function findInterruptedJobs(db: ChainLabDatabase): Promise<JobMarker[]> {
  const locks = webLocks();
  if (!locks) return [];
  const markers = await listJobMarkers(db);
  if (markers.length === 0) return [];
  const state = await locks.query();
  const held = new Set((state.held ?? []).map((lock) => lock.name));
  return markers.filter((marker) => !held.has(`${LOCK_PREFIX}${marker.id}`)).sort((a, b) => a.startedAt - b.startedAt);
}
