import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SimulationRunRecord, TraceEntry } from '../../../domain/simulation';
import { useRunOverlay } from '../canvas/runOverlayStore';
import { canvasLinkOf } from '../results/RunResultsScreen';
import { chainsOfTrace, pathOfChain } from './traceTimeline';

export interface ShowOnCanvas {
  /** false while the trace has no step on a chain the run still describes */
  isAvailable: boolean;
  /** the chains the customer went through, in the order they first appear */
  chains: { id: string }[];
  /** Opens the chain with the run's counts and the customer's path, `step` emphasised. */
  show(chainId: string, step: number): void;
  /** The same for one entry of the trace: its chain, with its step emphasised. */
  showEntry(entry: TraceEntry, index: number): void;
}

/**
 * "Show on the canvas" of the per-customer trace: asks the canvas (`runOverlayStore`) to show
 * this run's counts and the customer's path through a chain, then opens that chain. The canvas
 * draws the path (visited nodes and links lit, the rest dimmed, the current step emphasised),
 * says whose path it is and lets the user step along it or clear it.
 */
export function useShowOnCanvas(trace: readonly TraceEntry[], record: SimulationRunRecord, customerId: string): ShowOnCanvas {
  const navigate = useNavigate();
  return useMemo(() => {
    const runChains = new Set(record.inputs.chains.map((input) => input.chain.id));
    const chains = chainsOfTrace(trace).filter((id) => runChains.has(id) && pathOfChain(trace, id).nodeIds.length > 0);
    function open(chainId: string, step: number): void {
      const overlay = useRunOverlay.getState();
      overlay.showRun(record);
      overlay.highlightPath(chainId, pathOfChain(trace, chainId).nodeIds, step, customerId);
      navigate(canvasLinkOf(chainId, record.id));
    }
    return {
      isAvailable: chains.length > 0,
      chains: chains.map((id) => ({ id })),
      show: open,
      showEntry(entry, index) {
        if (!chains.includes(entry.chainId)) return;
        open(entry.chainId, pathOfChain(trace, entry.chainId).stepOfEntry.get(index) ?? 0);
      },
    };
  }, [trace, record, customerId, navigate]);
}
