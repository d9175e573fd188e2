import type { SegmentSource } from '../conditions';
import type { RunCounters } from './counters';
import type { SimulationPlan } from './plan';
import type { SimulationGlobals } from './globals';

/** What every customer of a shard is simulated with: the plan, the run-wide values, the segment source and the tallies. */
export interface ShardContext {
  plan: SimulationPlan;
  globals: SimulationGlobals;
  /** RFM and journey state; null when no chain needs them */
  segments: SegmentSource | null;
  counters: RunCounters;
}
