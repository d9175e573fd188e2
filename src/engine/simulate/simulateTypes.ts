import type { Chain } from '../../domain/chains';
import type { RunChainInput, SimulationGlobals, SimulationRunRecord, SimulationSettings, SimulationSums, TraceEntry } from '../../domain/simulation';
import type { Dataset, EnginePort, RunContext } from '../port';
import type { PlausibleSpan } from '../../domain/time';

/**
 * The simulation use case's requests and results (docs/simulation.md, "Running it"): the runs
 * screens call these through the simulate worker; the command line calls the same functions.
 */
export interface SimulateRequest {
  workspaceId: string;
  /** the chains to run together, in this order (at one instant, earlier chains act first) */
  chains: RunChainInput[];
  settings: SimulationSettings;
  /** shards to split the customers into; default: the pool's size. Never changes the result. */
  workers?: number;
  /** a name for the saved run; default: the chains' names */
  name?: string;
  /** only the customers of this stable hash shard (`chainlab simulate --shard I/N`) */
  shard?: { index: number; count: number } | null;
  /** record this customer's trace in the sums */
  traceCustomerId?: string | null;
  /** keep the heat map's customer-day rows in the sums (default true; the command line's report has no use for them) */
  customerDays?: boolean;
  /**
   * send the customer-day rows back with the answer (default true). They are saved either way;
   * the page's Run leaves them out of the answer: on 100,000 customers, unpacking them from the
   * worker's message took 130 ms of the page's thread as the run ended, and the canvas and the
   * progress notice do not use them (the results page loads the saved run).
   */
  answerCustomerDays?: boolean;
}

/** One shard of a run: the customers of `range` (indexes) or of hash shard `shard`, or just `only`. */
export interface ShardTask {
  workspaceId: string;
  chains: Chain[];
  settings: SimulationSettings;
  globals: SimulationGlobals;
  range?: { from: number; to: number };
  shard?: { index: number; count: number };
  only?: number[];
  traceCustomerId?: string | null;
  collect?: NodeCollect | BusyDayCollect | null;
  /** list every customer's path through the chains (the per-customer export) */
  paths?: boolean;
  /** record the heat map's customer-day rows (default true; see ShardOptions.customerDays) */
  customerDays?: boolean;
}

/** One customer's way through one chain of a run: the steps in order as "nodeId:decision". */
export interface CustomerPath {
  customerId: string;
  chainId: string;
  group: TraceEntry['group'];
  /** the first and the last step's instant (ms) */
  from: number;
  to: number;
  steps: string[];
  sent: number;
  suppressed: number;
}

/** Which customers to list at a node: those who entered it, are still waiting there, ended there, were sent, suppressed or withheld its message. */
export const NODE_COLLECTIONS = ['entered', 'waiting', 'ended', 'sent', 'suppressed', 'withheld'] as const;
export type NodeCollection = (typeof NODE_COLLECTIONS)[number];

export interface NodeCollect {
  chainId: string;
  nodeId: string;
  what: NodeCollection;
  /** ids kept (the count is always complete) */
  limit: number;
}

/** The customers who were sent two or more messages on one local day (any chains of the run). */
export interface BusyDayCollect {
  what: 'severalMessagesOnOneDay';
  limit: number;
}

export interface BusyDayRequest {
  workspaceId: string;
  runId: string;
  /** ids kept (the count is always complete) */
  limit: number;
}

export interface ShardResult {
  sums: SimulationSums;
  /** customer ids of `collect`, at most its limit, in customer order */
  collected: string[];
  collectedCount: number;
  /** with `paths`: every customer's path, in customer order */
  paths?: CustomerPath[];
}

/** Where shards run: Web Workers in the browser, worker threads on the command line, or right here. */
export interface ShardPool {
  size: number;
  runShard(task: ShardTask, context: RunContext): Promise<ShardResult>;
}

/** What a run needs to know about the data before loading it. */
export interface DatasetInfo {
  customerCount: number;
  dataVersion: number;
  batchIds: string[];
  /** the workspace's zone: the run's days, and local times of chains without their own zone */
  timeZone: string;
  /** the events' plausible span (`plausibleSpan` at the default window): first and last instant, and how many events lie outside (dated 9999, 1900 …) */
  eventSpan: PlausibleSpan;
  eventTypes: string[];
}

/** Saved runs (src/db implements it over the runs table). */
export interface RunStore {
  saveRun(record: SimulationRunRecord): Promise<void>;
  /** the stored record as it is (restoreRunRecord reads it), undefined when there is none */
  loadRun(workspaceId: string, runId: string): Promise<unknown>;
  /** every stored record of the workspace as it is, newest first */
  listRuns(workspaceId: string): Promise<unknown[]>;
  deleteRun(workspaceId: string, runId: string): Promise<void>;
  /** gives a saved run another name (nothing else of it changes) */
  renameRun(workspaceId: string, runId: string, name: string): Promise<void>;
}

/** The port the simulate use case needs beyond the engine's. */
export interface SimulatePort extends EnginePort {
  datasetInfo(workspaceId: string): Promise<DatasetInfo>;
  /** the customer blocks and the event blocks that hold customers [from, to) (a shard's slice) */
  loadDatasetSlice(workspaceId: string, range: { from: number; to: number }): Promise<Dataset>;
}

/** A saved run in the list of runs; a record that cannot be read is listed with the reason. */
export type RunListItem = ({ ok: true } & RunSummary) | { ok: false; id: string; message: { en: string; ru: string } };

export interface RunSummary {
  id: string;
  name: string;
  createdAt: number;
  status: SimulationRunRecord['status'];
  period: { from: string; to: string };
  chains: { id: string; name: string }[];
  customers: number;
  messages: number;
  cost: number;
}

export interface RunRequest {
  workspaceId: string;
  runId: string;
}

export interface RenameRunRequest extends RunRequest {
  name: string;
}

export interface TraceRequest {
  workspaceId: string;
  runId: string;
  customerId: string;
}

export interface CustomersAtNodeRequest extends NodeCollect {
  workspaceId: string;
  runId: string;
}

export interface CustomersAtNode {
  ids: string[];
  count: number;
}
