import { fromUnits, restoreRunRecord, type SimulationRunRecord } from '../../domain/simulation';
import type { HandlerMap } from '../handlers';
import type { RunContext } from '../port';
import { runShardTask } from './shards';
import { customerPaths, customersAtNode, customersWithBusyDays, loadRunRecord, renameRun, simulateRun, simulationDefaults, traceCustomer } from './simulateRun';
import type { BusyDayRequest, CustomersAtNodeRequest, RenameRunRequest, RunListItem, RunRequest, RunStore, RunSummary, ShardPool, ShardTask, SimulatePort, SimulateRequest, TraceRequest } from './simulateTypes';

/**
 * The simulate worker's handlers (docs/simulation.md "Using it from a screen"): defaults for a new
 * run, the run itself (progress, cancel, saved with its inputs), the saved runs, a customer's
 * trace and the customers at a node of a saved run, and `runShard` — what each shard worker of
 * the pool serves over its own slice of the store.
 */
export function runSummaryOf(record: SimulationRunRecord): RunSummary {
  const totals = record.sums?.totals;
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt,
    status: record.status,
    period: { from: record.inputs.settings.from, to: record.inputs.settings.to },
    chains: record.inputs.chains.map(({ chain }) => ({ id: chain.id, name: chain.name })),
    customers: totals?.customersReached ?? 0,
    messages: totals?.messages ?? 0,
    cost: totals ? fromUnits(totals.cost) : 0,
  };
}

function runListItem(raw: unknown): RunListItem {
  const restored = restoreRunRecord(raw);
  if (restored.ok) return { ok: true, ...runSummaryOf(restored.record) };
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '?';
  return { ok: false, id, message: restored.message };
}

/** The saved run as `simulate` answers it: without its customer-day rows when the caller asked so (SimulateRequest.answerCustomerDays). */
function answeredRecord(record: SimulationRunRecord, request: SimulateRequest): SimulationRunRecord {
  if (request.answerCustomerDays !== false || !record.sums?.customerDays) return record;
  return { ...record, sums: { ...record.sums, customerDays: null } };
}

/** What the handlers run over: the data, where runs are saved, and where shards run. */
export interface SimulateServices {
  port: SimulatePort;
  store: RunStore;
  pool: ShardPool;
}

export function createSimulateHandlers({ port, store, pool }: SimulateServices) {
  return {
    defaults: ({ workspaceId }: { workspaceId: string }) => simulationDefaults(port, workspaceId),
    simulate: async (request: SimulateRequest, context: RunContext) => answeredRecord(await simulateRun(port, pool, request, context, store), request),
    listRuns: async ({ workspaceId }: { workspaceId: string }) => (await store.listRuns(workspaceId)).map(runListItem),
    loadRun: ({ workspaceId, runId }: RunRequest) => loadRunRecord(store, workspaceId, runId),
    deleteRun: ({ workspaceId, runId }: RunRequest) => store.deleteRun(workspaceId, runId),
    renameRun: ({ workspaceId, runId, name }: RenameRunRequest) => renameRun(store, workspaceId, runId, name),
    trace: (request: TraceRequest, context: RunContext) => traceCustomer(port, store, request, context),
    customersAtNode: (request: CustomersAtNodeRequest, context: RunContext) => customersAtNode(port, pool, store, request, context),
    customerPaths: (request: RunRequest, context: RunContext) => customerPaths(port, pool, store, request, context),
    customersWithBusyDays: (request: BusyDayRequest, context: RunContext) => customersWithBusyDays(port, pool, store, request, context),
    runShard: async (task: ShardTask, context: RunContext) => runShardTask(await port.loadDatasetSlice(task.workspaceId, task.range ?? { from: 0, to: Number.MAX_SAFE_INTEGER }), task, context),
  } satisfies HandlerMap;
}

export type SimulateHandlers = ReturnType<typeof createSimulateHandlers>;
