import { CHAIN_FORMAT_VERSION } from '../../domain/chains';
import {
  computeSimulationGlobals,
  defaultSimulationPeriod,
  needsGlobalData,
  planSimulation,
  restoreRunRecord,
  RUN_RECORD_VERSION,
  type SimulationRunRecord,
  type TraceEntry,
} from '../../domain/simulation';
import { UserFacingError } from '../../domain/errors';
import { throwIfCancelled } from '../cancel';
import type { RunContext } from '../port';
import { runShards, runShardTask } from './shards';
import type { CustomerPath, RunRequest, BusyDayCollect, BusyDayRequest, CustomersAtNode, NodeCollect, CustomersAtNodeRequest, RunStore, ShardPool, SimulatePort, SimulateRequest, TraceRequest } from './simulateTypes';

/**
 * The simulation use case (simulation.md, docs/simulation.md): what is global to every customer
 * first (RFM scales, the average order value — computed from the whole data once, only when a
 * chain needs it), then the customers in shards over the pool, the shards' sums added, and the
 * run saved with its exact inputs so it can be repeated. A saved run answers later questions —
 * a customer's trace, the customers at a node — by running those inputs again for just them.
 */
function newRunId(createdAt: number): string {
  return `run-${createdAt.toString(36)}-${Math.floor(Math.random() * 0x100000).toString(36)}`;
}

export async function simulateRun(port: SimulatePort, pool: ShardPool, request: SimulateRequest, context: RunContext, store: RunStore | null): Promise<SimulationRunRecord> {
  const startedAt = Date.now();
  const info = await port.datasetInfo(request.workspaceId);
  const chains = request.chains.map((input) => input.chain);
  if (!chains.length) throw new UserFacingError('simulation.noChains', 'Choose at least one chain to run.');
  const plan = planSimulation(chains, info.eventTypes, request.settings);
  context.progress({ done: 0, total: info.customerCount, phase: 'prepare' });
  const globals = computeSimulationGlobals(needsGlobalData(plan) ? await port.loadDataset(request.workspaceId) : null, plan);
  throwIfCancelled(context.signal);
  const workers = Math.max(1, Math.min(request.workers ?? pool.size, 64));
  const task = { workspaceId: request.workspaceId, chains, settings: request.settings, globals, ...(request.shard ? { shard: request.shard } : {}), traceCustomerId: request.traceCustomerId ?? null, customerDays: request.customerDays ?? true };
  const { sums } = await runShards(pool, task, info.customerCount, workers, context);
  const record: SimulationRunRecord = {
    version: RUN_RECORD_VERSION,
    id: newRunId(startedAt),
    workspaceId: request.workspaceId,
    name: request.name?.trim() || chains.map((chain) => chain.name).join(' + '),
    createdAt: startedAt,
    finishedAt: Date.now(),
    status: 'done',
    error: null,
    inputs: { chains: request.chains.map((input) => ({ ...input, chainVersion: CHAIN_FORMAT_VERSION })), settings: request.settings, dataVersion: info.dataVersion, batchIds: info.batchIds, workers },
    globals,
    sums,
  };
  await store?.saveRun(record);
  return record;
}

/**
 * The default period of a new run: the last 90 days of the data's plausible span, and how many
 * events that span left out (dated 9999, 1900 …: the dialog and the CLI say so).
 */
export async function simulationDefaults(port: SimulatePort, workspaceId: string) {
  const info = await port.datasetInfo(workspaceId);
  return { timeZone: info.timeZone, customers: info.customerCount, period: defaultSimulationPeriod(info.eventSpan, info.timeZone), eventsOutside: info.eventSpan.outside };
}

export async function loadRunRecord(store: RunStore, workspaceId: string, runId: string): Promise<SimulationRunRecord> {
  const raw = await store.loadRun(workspaceId, runId);
  if (raw === undefined) throw new UserFacingError('simulation.noRun', 'This run is not saved in the workspace (it may have been deleted).');
  const restored = restoreRunRecord(raw);
  if (!restored.ok) throw new UserFacingError('simulation.badRun', restored.message.en);
  return restored.record;
}

/** A run's new name: trimmed, not empty (a run is found by its name in the list). */
export async function renameRun(store: RunStore, workspaceId: string, runId: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new UserFacingError('simulation.emptyRunName', 'A run needs a name.');
  await loadRunRecord(store, workspaceId, runId);
  await store.renameRun(workspaceId, runId, trimmed);
}

function requireSameData(record: SimulationRunRecord, dataVersion: number): void {
  if (record.inputs.dataVersion !== dataVersion) {
    throw new UserFacingError('simulation.dataChanged', 'The workspace\'s data changed since this run (an import or an undo): run it again to trace customers or list them.');
  }
}

/** One customer's trace in a saved run: the run's inputs again, for that customer alone. */
export async function traceCustomer(port: SimulatePort, store: RunStore, request: TraceRequest, context: RunContext): Promise<TraceEntry[]> {
  const record = await loadRunRecord(store, request.workspaceId, request.runId);
  const info = await port.datasetInfo(request.workspaceId);
  requireSameData(record, info.dataVersion);
  const customers = await port.loadCustomers(request.workspaceId);
  const block = customers.find((item) => item.id.includes(request.customerId));
  const index = block ? block.start + block.id.indexOf(request.customerId) : -1;
  if (index < 0) throw new UserFacingError('simulation.noCustomer', `There is no customer "${request.customerId}" in this workspace.`, { customerId: request.customerId });
  const data = await port.loadDatasetSlice(request.workspaceId, { from: index, to: index + 1 });
  const task = { workspaceId: request.workspaceId, chains: record.inputs.chains.map((input) => input.chain), settings: record.inputs.settings, globals: record.globals!, only: [index], traceCustomerId: request.customerId, customerDays: false };
  return runShardTask(data, task, context).sums.trace;
}

/** Every customer's path through the chains of a saved run (the per-customer export): the run's inputs again, with each customer's trace turned into a path. */
export async function customerPaths(port: SimulatePort, pool: ShardPool, store: RunStore, request: RunRequest, context: RunContext): Promise<CustomerPath[]> {
  const record = await loadRunRecord(store, request.workspaceId, request.runId);
  const info = await port.datasetInfo(request.workspaceId);
  requireSameData(record, info.dataVersion);
  const task = { workspaceId: request.workspaceId, chains: record.inputs.chains.map((input) => input.chain), settings: record.inputs.settings, globals: record.globals!, paths: true, customerDays: false };
  return (await runShards(pool, task, info.customerCount, pool.size, context)).paths ?? [];
}

/** Runs a saved run's inputs again over everyone, collecting the customers `collect` names. */
async function collectFromRun(port: SimulatePort, pool: ShardPool, store: RunStore, request: RunRequest, collect: NodeCollect | BusyDayCollect, context: RunContext): Promise<CustomersAtNode> {
  const record = await loadRunRecord(store, request.workspaceId, request.runId);
  const info = await port.datasetInfo(request.workspaceId);
  requireSameData(record, info.dataVersion);
  const bounded = { ...collect, limit: Math.max(0, Math.min(collect.limit, 100_000)) };
  const task = { workspaceId: request.workspaceId, chains: record.inputs.chains.map((input) => input.chain), settings: record.inputs.settings, globals: record.globals!, collect: bounded, customerDays: false };
  const result = await runShards(pool, task, info.customerCount, pool.size, context);
  return { ids: result.collected, count: result.collectedCount };
}

/** The customers who entered / wait at / ended at / were sent, suppressed or withheld a node in a saved run. */
export function customersAtNode(port: SimulatePort, pool: ShardPool, store: RunStore, request: CustomersAtNodeRequest, context: RunContext): Promise<CustomersAtNode> {
  return collectFromRun(port, pool, store, request, { chainId: request.chainId, nodeId: request.nodeId, what: request.what, limit: request.limit }, context);
}

/** The customers of a saved run who were sent 2+ messages on one local day (the trace screen picks one of them at random). */
export function customersWithBusyDays(port: SimulatePort, pool: ShardPool, store: RunStore, request: BusyDayRequest, context: RunContext): Promise<CustomersAtNode> {
  return collectFromRun(port, pool, store, request, { what: 'severalMessagesOnOneDay', limit: request.limit }, context);
}
