import type { EventBlock } from '../columnar';
import { ORDER_EVENT } from '../model';
import type { RfmDayScales } from '../rfm';
import { fromUnits, toUnits } from './money';

/**
 * What a run needs from ALL customers, computed once before the customers are split into shards
 * and handed to every shard, so that a shard's answers never depend on which customers it holds
 * (simulation.md invariant 5): the RFM scales of each day (quantile breaks are global) and the
 * average order value the projection falls back on. Plain data: it crosses to Web Workers and
 * worker threads by structured clone, and is saved with a run.
 */
export interface SimulationGlobals {
  version: 1;
  /** average order value of the orders before the period; NaN when there were none */
  averageOrderValue: number;
  /** the day-by-day RFM scales of the run's period; null when no chain reads RFM */
  rfm: RfmDayScales | null;
}

/** Average amount of the orders dated before `beforeTs` (orders without an amount do not count); summed in money units, so row order never changes it. */
export function averageOrderValueBefore(blocks: readonly EventBlock[], eventTypes: readonly string[], beforeTs: number): number {
  const orderType = eventTypes.indexOf(ORDER_EVENT);
  if (orderType < 0) return Number.NaN;
  let total = 0;
  let count = 0;
  for (const block of blocks) {
    const { type, ts, amount } = block;
    for (let row = 0; row < block.count; row++) {
      if (type[row] !== orderType || !(ts[row]! < beforeTs)) continue;
      const value = amount[row]!;
      if (value !== value) continue;
      total += toUnits(value);
      count++;
    }
  }
  return count ? fromUnits(total) / count : Number.NaN;
}
