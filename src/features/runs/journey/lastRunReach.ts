import { useEffect, useState } from 'react';
import type { SimulationRunRecord } from '../../../domain/simulation';
import type { RunListItem, RunSummary } from '../../../engine/simulate/simulateTypes';
import { engineWorker } from '../../../workers/engineClient';

export interface ChainReach {
  runId: string;
  runName: string;
  /** different customers who entered the chain in that run */
  customers: number;
}

/** Per chain id, the newest finished run that ran it (runs come newest first, as listRuns gives them). */
export function lastRunOfChains(items: readonly RunListItem[]): Map<string, RunSummary> {
  const last = new Map<string, RunSummary>();
  for (const item of items) {
    if (!item.ok || item.status !== 'done') continue;
    for (const chain of item.chains) if (!last.has(chain.id)) last.set(chain.id, item);
  }
  return last;
}

/** The customers each chain reached in its own last run, read from those runs' saved sums. */
export function chainReach(last: ReadonlyMap<string, RunSummary>, records: readonly SimulationRunRecord[]): Map<string, ChainReach> {
  const byId = new Map(records.map((record) => [record.id, record]));
  const reach = new Map<string, ChainReach>();
  for (const [chainId, run] of last) {
    const chain = byId.get(run.id)?.sums?.chains.find((item) => item.id === chainId);
    if (chain) reach.set(chainId, { runId: run.id, runName: run.name, customers: chain.customers });
  }
  return reach;
}

/**
 * The CJM map's "reached in the last run" per chain (issue 14, journey stages): for each chain,
 * its newest run, and how many customers entered it there. Undefined while loading; an empty map
 * when nothing was run or the runs cannot be read (the map then shows the chains alone).
 */
export function useLastRunReach(workspaceId: string): Map<string, ChainReach> | undefined {
  const [reach, setReach] = useState<{ workspaceId: string; value: Map<string, ChainReach> } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const simulate = engineWorker('simulate');
    void simulate
      .call('listRuns', { workspaceId })
      .then(async (items) => {
        const last = lastRunOfChains(items);
        const runIds = [...new Set([...last.values()].map((run) => run.id))];
        const records = await Promise.all(runIds.map((runId) => simulate.call('loadRun', { workspaceId, runId })));
        if (isCurrent) setReach({ workspaceId, value: chainReach(last, records) });
      })
      .catch(() => isCurrent && setReach({ workspaceId, value: new Map() }));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId]);
  return reach?.workspaceId === workspaceId ? reach.value : undefined;
}
