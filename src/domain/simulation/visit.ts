import type { ChainCounters } from './counters';
import type { RuntimeChain } from './plan';

/**
 * One customer's state in one chain of the run: the current visit (where they are, since when,
 * which comparison group), what re-entry needs (entered before, left when), the conversion
 * window of the last visit, and per-trigger state (inactivity clocks, segment membership).
 * Objects are made once per chain and reset for every customer.
 */
export const GROUP = { treatment: 0, control: 1, holdout: 2 } as const;

export class ChainVisit {
  isActive = false;
  node = -1;
  /** bumped whenever the visit moves on or ends: agenda items carrying an older token are stale */
  token = 0;
  enteredAt = 0;
  entryVisible = -1;
  entryExtraVisible = -1;
  group = 0;
  isHeld = false;
  /** resting at a wait-for node (CustomerRun.waitingVisits) */
  isWaitingForEvent = false;
  /** visits so far (the control-group draw's occurrence) */
  entries = 0;
  lastExitTs = Number.NEGATIVE_INFINITY;
  /** conversions count for the group of the last visit from its entry until its end + the attribution window */
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.NEGATIVE_INFINITY;
  windowGroup = 0;
  /** bit per group: the customer was in it / converted in it (in this chain) */
  groupsSeen = 0;
  groupsConverted = 0;
  /** arrivals at each node (the occurrence of split and projection draws) */
  readonly nodeVisits: Int32Array;
  /** per trigger of the chain (index into chain.triggers): last matching event of an inactivity trigger, its arming token */
  readonly inactivityLast: Float64Array;
  readonly inactivityToken: Int32Array;
  /** per trigger: whether the customer was in the segment or audience at the last nightly check */
  readonly segmentMember: Uint8Array;

  /** `counters` are the shard's tallies of this chain, kept here so a step reaches them in one load */
  constructor(
    readonly chain: RuntimeChain,
    readonly counters: ChainCounters,
  ) {
    this.nodeVisits = new Int32Array(chain.nodes.length);
    this.inactivityLast = new Float64Array(chain.triggers.length);
    this.inactivityToken = new Int32Array(chain.triggers.length);
    this.segmentMember = new Uint8Array(chain.triggers.length);
  }

  reset(): void {
    this.isActive = false;
    this.node = -1;
    this.token = 0;
    this.entryVisible = -1;
    this.entryExtraVisible = -1;
    this.group = 0;
    this.isHeld = false;
    this.isWaitingForEvent = false;
    this.entries = 0;
    this.lastExitTs = Number.NEGATIVE_INFINITY;
    this.windowStart = Number.POSITIVE_INFINITY;
    this.windowEnd = Number.NEGATIVE_INFINITY;
    this.windowGroup = 0;
    this.groupsSeen = 0;
    this.groupsConverted = 0;
    // plain loops, not TypedArray#fill: these arrays hold a handful of slots and are reset for
    // every customer, where fill's call into the runtime costs more than the writes
    const nodeVisits = this.nodeVisits;
    for (let node = 0; node < nodeVisits.length; node++) nodeVisits[node] = 0;
    for (let trigger = 0; trigger < this.inactivityLast.length; trigger++) {
      this.inactivityLast[trigger] = Number.NaN;
      this.inactivityToken[trigger] = 0;
      this.segmentMember[trigger] = 0;
    }
  }

  /** Whether a conversion at `ts` falls in the current visit or the window after the last one. */
  isInConversionWindow(ts: number): boolean {
    return this.isActive ? ts >= this.enteredAt : ts >= this.windowStart && ts <= this.windowEnd;
  }

  conversionGroup(): number {
    return this.isActive ? this.group : this.windowGroup;
  }
}
