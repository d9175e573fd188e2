import type { LocalizedText } from '../text';
import type { ZoneOffsetSource } from '../time';
import type { CustomerMoment } from '../conditions';
import type { Agenda } from './agenda';
import type { ShardContext } from './context';
import type { RuntimeChain, RuntimeNode } from './plan';
import type { SentLog } from './sentLog';
import type { TraceDecision, TraceEntry } from './trace';
import type { ChainVisit } from './visit';

/**
 * What the node and trigger modules (messaging, projection, triggerRuns) may use of the customer
 * being run. CustomerRun implements it; the modules depend on this, not on CustomerRun, so the
 * run and its helpers do not import each other.
 */
export interface RunState {
  readonly context: ShardContext;
  readonly agenda: Agenda;
  readonly visits: ChainVisit[];
  readonly moment: CustomerMoment;
  readonly extraChain: number[];
  readonly extraNode: number[];
  readonly extraIsConversion: boolean[];
  readonly sent: SentLog;
  /** scratch, one flag per chain of the run: the chains whose messages fill a cap window */
  readonly capChains: Uint8Array;
  /** per consent channel (CONSENT_CHANNELS), what the customer's profile says of reaching them there, as messaging codes it; −1 = not asked yet for this customer */
  readonly profileReach: Int8Array;
  /** the customer's key for random draws (computed at the first draw) */
  readonly customerKey: number;
  /** the simulated instant of the happening being handled (read here, not passed along: see CustomerRun.now) */
  readonly now: number;
  trace: TraceEntry[] | null;
  tryEnter(visit: ChainVisit, trigger: RuntimeNode): void;
  leave(visit: ChainVisit, port: number): void;
  endVisit(visit: ChainVisit): void;
  noteSent(): void;
  matches(match: NonNullable<RuntimeNode['waitFor']>, real: number, extra: number): boolean;
  /** `ts` defaults to now */
  momentFor(visit: ChainVisit | null, ts?: number): CustomerMoment;
  dayOf(): number;
  /** the zones' offsets, cached for instants near now (the customer's clock moves forward) */
  readonly offsets: ZoneOffsetSource;
  offsetOf(timeZone: string): number;
  entry(ts: number, chain: RuntimeChain, node: RuntimeNode, decision: TraceDecision, reason: LocalizedText): TraceEntry;
}
