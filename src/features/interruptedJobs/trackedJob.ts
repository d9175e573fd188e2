import { getDatabase, trackJob, type JobMarker } from '../../db';

/**
 * A run or the opening of a workspace file, tracked so that reopening the app after its tab
 * closed says what was cut off (db/repositories/jobMarkerRepository.ts).
 */
export function trackedJob<T>(job: Omit<JobMarker, 'id' | 'startedAt'>, work: () => Promise<T>): Promise<T> {
  return trackJob(getDatabase(), job, work);
}
