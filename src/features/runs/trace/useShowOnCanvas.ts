import { useMemo } from 'react';
import type { TraceEntry } from '../../../domain/simulation';
import { chainsOfTrace } from './traceTimeline';

/**
 * "Show on the canvas": the customer's path through a chain, highlighted step by step by the
 * canvas (issue-14 run-canvas's overlay store). Until that store is on main, nothing is offered.
 */
export function useShowOnCanvas(trace: readonly TraceEntry[]) {
  return useMemo(() => ({
    isAvailable: false,
    chains: chainsOfTrace(trace).slice(0, 0).map((id) => ({ id })),
    show(_chainId: string, _step: number) {},
    showEntry(_entry: TraceEntry, _index: number) {},
  }), [trace]);
}
