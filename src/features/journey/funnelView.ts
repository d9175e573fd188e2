import type { Funnel, FunnelStage } from '../../domain/journey';

/**
 * The funnel as shown when some stages are left out (stages the data has no events for):
 * conversion and drop-off run between the stages on screen, and the time from the previous
 * stage is kept only where that stage is the one shown before.
 */
export function visibleFunnelStages(funnel: Funnel, hidden: ReadonlySet<string>): FunnelStage[] {
  const shown: FunnelStage[] = [];
  let previous: FunnelStage | null = null;
  let isPreviousAdjacent = true;
  for (const stage of funnel.stages) {
    if (hidden.has(stage.stageId)) {
      isPreviousAdjacent = false;
      continue;
    }
    const base: FunnelStage | null = previous;
    shown.push({
      ...stage,
      conversionFromPrevious: base && base.reached > 0 ? stage.reached / base.reached : null,
      dropOffFromPrevious: base ? base.reached - stage.reached : null,
      daysFromPrevious: base && isPreviousAdjacent ? stage.daysFromPrevious : null,
    });
    previous = stage;
    isPreviousAdjacent = true;
  }
  return shown;
}

/** The largest share lost between two shown stages, as positions in `stages`. */
export function biggestDropOff(stages: readonly FunnelStage[]): { from: number; to: number; share: number } | null {
  let biggest: { from: number; to: number; share: number } | null = null;
  for (let s = 1; s < stages.length; s++) {
    const conversion = stages[s]!.conversionFromPrevious;
    if (conversion !== null && 1 - conversion > 0 && (!biggest || 1 - conversion > biggest.share)) biggest = { from: s - 1, to: s, share: 1 - conversion };
  }
  return biggest;
}
