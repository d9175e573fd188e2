import {
  mergeSums,
  planSimulation,
  REASONS,
  runSimulationShard,
  type RunCounters,
  type SimulationData,
  type SimulationPlan,
  type SimulationSums,
  type TraceEntry,
} from '../../domain/simulation';
import { throwIfCancelled } from '../cancel';
import type { RunContext } from '../port';
import type { CustomerPath, NodeCollect, ShardPool, ShardResult, ShardTask } from './simulateTypes';

/**
 * Shards: one shard's work over the data it holds (`runShardTask`, what every pool runs), and a
 * run's shards spread over a pool and added up (`runShards`). Sums are added in shard order, so
 * the result is the same whatever finishes first — and, sums being sums over customers, the same
 * for any number of shards.
 */
function counterOf(counters: RunCounters, chainIndex: number, nodeIndex: number, what: NodeCollect['what']): number {
  const chain = counters.chains[chainIndex]!;
  switch (what) {
    case 'entered':
      return chain.entered(nodeIndex);
    case 'waiting':
      return chain.byNode.waiting[nodeIndex]!;
    case 'ended':
      return chain.byNode.ended[nodeIndex]!;
    case 'sent':
      return chain.byNode.sent[nodeIndex]!;
    case 'withheld':
      return chain.withheld[nodeIndex * 2]! + chain.withheld[nodeIndex * 2 + 1]!;
    case 'suppressed': {
      let total = 0;
      for (let r = 0; r < REASONS.length; r++) total += chain.reasons[nodeIndex * REASONS.length + r]!;
      return total;
    }
  }
}

/** Each customer's trace turned into one path per chain, then dropped: the trace of a whole run is never held at once. */
function pathCollector(paths: CustomerPath[]) {
  return (_customer: number, customerId: string, _counters: RunCounters, trace: TraceEntry[]) => {
    const byChain = new Map<string, CustomerPath>();
    for (const entry of trace) {
      let path = byChain.get(entry.chainId);
      if (!path) {
        path = { customerId, chainId: entry.chainId, group: entry.group, from: entry.ts, to: entry.ts, steps: [], sent: 0, suppressed: 0 };
        byChain.set(entry.chainId, path);
        paths.push(path);
      }
      path.to = entry.ts;
      path.steps.push(`${entry.nodeId}:${entry.decision}`);
      if (entry.decision === 'sent') path.sent++;
      if (entry.decision === 'suppressed') path.suppressed++;
    }
    trace.length = 0;
  };
}

/** The counter whose growth after a customer's run means "collect this customer"; null: collect nobody. */
function collectedCounter(plan: SimulationPlan, collect: ShardTask['collect']): ((counters: RunCounters) => number) | null {
  if (!collect) return null;
  if (collect.what === 'severalMessagesOnOneDay') return (counters) => counters.customerDaysWithSeveralMessages;
  const chainIndex = plan.chains.findIndex((chain) => chain.id === collect.chainId);
  const nodeIndex = chainIndex >= 0 ? plan.chains[chainIndex]!.nodes.findIndex((node) => node.id === collect.nodeId) : -1;
  const what = collect.what;
  return nodeIndex >= 0 ? (counters) => counterOf(counters, chainIndex, nodeIndex, what) : null;
}

export function runShardTask(data: SimulationData, task: ShardTask, context: RunContext): ShardResult {
  const plan = planSimulation(task.chains, data.eventTypes, task.settings);
  const collected: string[] = [];
  let collectedCount = 0;
  const limit = task.collect?.limit ?? 0;
  const counter = collectedCounter(plan, task.collect);
  let seen = 0;
  const paths: CustomerPath[] = [];
  const sums = runSimulationShard(data, plan, task.globals, {
    ...(task.range ? { range: task.range } : {}),
    ...(task.shard ? { shard: task.shard } : {}),
    ...(task.only ? { only: task.only } : {}),
    traceCustomerId: task.traceCustomerId ?? null,
    customerDays: task.customerDays ?? true,
    isCancelled: () => context.signal.aborted,
    onProgress: (done, total) => context.progress({ done, total, phase: 'simulate' }),
    ...(task.paths ? { isTraced: () => true, afterCustomer: pathCollector(paths) } : {}),
    ...(counter && !task.paths
      ? {
          afterCustomer(_customer, customerId, counters) {
            const value = counter(counters);
            if (value > seen) {
              collectedCount++;
              if (collected.length < limit) collected.push(customerId);
            }
            seen = value;
          },
        }
      : {}),
  });
  throwIfCancelled(context.signal);
  return { sums, collected, collectedCount, ...(task.paths ? { paths } : {}) };
}

/** [from, to) ranges splitting `count` customers into `parts` (none empty unless count < parts). */
export function customerRanges(count: number, parts: number): { from: number; to: number }[] {
  const shards = Math.max(1, Math.min(parts, Math.max(count, 1)));
  return Array.from({ length: shards }, (_, index) => ({ from: Math.floor((index * count) / shards), to: Math.floor(((index + 1) * count) / shards) }));
}

export async function runShards(pool: ShardPool, task: Omit<ShardTask, 'range'>, customerCount: number, shards: number, context: RunContext): Promise<ShardResult> {
  const ranges = customerRanges(customerCount, shards);
  const done = ranges.map(() => 0);
  const totals = ranges.map((range) => range.to - range.from);
  const results = await Promise.all(
    ranges.map((range, index) =>
      pool.runShard(
        { ...task, range },
        {
          signal: context.signal,
          progress(update) {
            done[index] = update.done;
            totals[index] = update.total;
            context.progress({ done: done.reduce((a, b) => a + b, 0), total: totals.reduce((a, b) => a + b, 0), phase: 'simulate' });
          },
        },
      ),
    ),
  );
  throwIfCancelled(context.signal);
  const limit = task.collect?.limit ?? 0;
  return {
    sums: results.map((result) => result.sums).reduce((a: SimulationSums, b) => mergeSums(a, b)),
    collected: results.flatMap((result) => result.collected).slice(0, limit),
    collectedCount: results.reduce((sum, result) => sum + result.collectedCount, 0),
    ...(task.paths ? { paths: results.flatMap((result) => result.paths ?? []) } : {}),
  };
}

/** A pool that runs shards one after another right here, over data it loads per task (tests, one-worker runs). */
export function localShardPool(loadData: (task: ShardTask) => Promise<SimulationData> | SimulationData, size = 1): ShardPool {
  return {
    size,
    async runShard(task, context) {
      return runShardTask(await loadData(task), task, context);
    },
  };
}
