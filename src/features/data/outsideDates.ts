import type { WorkspaceStats } from '../../db';

/** The first and last events' dates where they lie outside the plausible range (the ones the range leaves out). */
export function outsideExtremes(stats: WorkspaceStats): number[] {
  if (!stats.outsidePlausible || stats.firstTs === null || stats.lastTs === null) return [];
  if (stats.firstPlausibleTs === null || stats.lastPlausibleTs === null) return stats.firstTs === stats.lastTs ? [stats.firstTs] : [stats.firstTs, stats.lastTs];
  return [...(stats.firstTs < stats.firstPlausibleTs ? [stats.firstTs] : []), ...(stats.lastTs > stats.lastPlausibleTs ? [stats.lastTs] : [])];
}
