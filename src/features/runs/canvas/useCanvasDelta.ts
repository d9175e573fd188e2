import { useEffect, useMemo, useState } from 'react';
import { compareChains, type ChainDelta } from '../../../domain/runs';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { engineWorker } from '../../../workers/engineClient';
import { reportOfRun } from '../results/resultsModel';
import { useRunOverlay } from './runOverlayStore';

export interface CanvasDelta {
  /** the run the shown one is compared against */
  base: SimulationRunRecord;
  /** the chain's per-node and per-edge changes (shown run − base run) */
  chain: ChainDelta;
}

/**
 * The compare's deltas for the open chain: while the canvas shows the run the compare screen sent
 * it to (`showDelta(base, other)` with `other` shown), the base run is loaded and the chain's
 * changes against it are worked out. Any other run shown, or the request cleared: null.
 */
export function useCanvasDelta(workspaceId: string, chainId: string, record: SimulationRunRecord | null): CanvasDelta | null {
  const request = useRunOverlay((state) => state.delta);
  const baseRunId = request && record && request.otherRunId === record.id ? request.baseRunId : null;
  const [base, setBase] = useState<SimulationRunRecord | null>(null);
  useEffect(() => {
    if (!baseRunId) return;
    let isCurrent = true;
    void engineWorker('simulate')
      .call('loadRun', { workspaceId, runId: baseRunId })
      .then((loaded) => isCurrent && setBase(loaded))
      // A base run that cannot be read (deleted meanwhile): no deltas, the counts stay.
      .catch(() => isCurrent && useRunOverlay.getState().clearDelta());
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, baseRunId]);
  return useMemo(() => {
    if (!record || !base || base.id !== baseRunId) return null;
    const baseReport = reportOfRun(base);
    const otherReport = reportOfRun(record);
    if (!baseReport || !otherReport) return null;
    const chain = compareChains(baseReport, otherReport).find((item) => item.chainId === chainId);
    return chain ? { base, chain } : null;
  }, [record, base, baseRunId, chainId]);
}
