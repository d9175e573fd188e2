import { create } from 'zustand';
import type { SimulationRunRecord } from '../../../domain/simulation';

/**
 * What the canvas lays over a chain from saved runs (issue 14), shared by the screens that send
 * the user to the canvas:
 * - the run whose counts a chain shows (`showRun`, chosen in the run picker; `hideRun` hides
 *   them). A chain the user has not chosen for shows its newest run;
 * - a customer's path, step by step (`highlightPath`, called by the trace screen);
 * - the per-node differences of two runs (`showDelta`, called by the compare screen).
 */
export interface PathHighlightRequest {
  chainId: string;
  /** the nodes of the path in the order the customer visited them (a node may repeat) */
  nodeIds: readonly string[];
  /** the step shown as current: an index into nodeIds */
  step: number;
  /** whose path it is (the canvas says "Path of <customer>") */
  customerId?: string;
}

export interface DeltaRequest {
  baseRunId: string;
  otherRunId: string;
}

interface RunOverlayState {
  /** per chain id: the run shown (its record), or 'hidden' when the user hid the results */
  shown: Readonly<Record<string, SimulationRunRecord | 'hidden'>>;
  highlight: PathHighlightRequest | null;
  delta: DeltaRequest | null;
  /** the node whose customers are listed (its figures were clicked on the canvas) */
  openNode: { chainId: string; nodeId: string } | null;
  openNodeCustomers(chainId: string, nodeId: string): void;
  closeNodeCustomers(): void;
  /** Shows the run's counts on every chain of the run. */
  showRun(record: SimulationRunRecord): void;
  hideRun(chainId: string): void;
  /** Forgets a deleted run wherever it is shown (the chain falls back to its newest run). */
  forgetRun(runId: string): void;
  highlightPath(chainId: string, nodeIds: readonly string[], step: number, customerId?: string): void;
  /** Moves the current step of the highlighted path by `by` (−1 back, +1 on), within the path. */
  stepHighlight(by: number): void;
  clearHighlight(): void;
  showDelta(baseRunId: string, otherRunId: string): void;
  clearDelta(): void;
}

function clampStep(step: number, steps: number): number {
  return Math.max(0, Math.min(step, steps - 1));
}

export const useRunOverlay = create<RunOverlayState>((set) => ({
  shown: {},
  highlight: null,
  delta: null,
  openNode: null,
  openNodeCustomers: (chainId, nodeId) => set({ openNode: { chainId, nodeId } }),
  closeNodeCustomers: () => set({ openNode: null }),
  showRun: (record) =>
    set((state) => ({
      shown: { ...state.shown, ...Object.fromEntries(record.inputs.chains.map(({ chain }) => [chain.id, record])) },
      delta: null,
    })),
  hideRun: (chainId) => set((state) => ({ shown: { ...state.shown, [chainId]: 'hidden' }, delta: null })),
  forgetRun: (runId) =>
    set((state) => ({
      shown: Object.fromEntries(Object.entries(state.shown).filter(([, value]) => value === 'hidden' || value.id !== runId)),
      delta: state.delta && (state.delta.baseRunId === runId || state.delta.otherRunId === runId) ? null : state.delta,
    })),
  highlightPath: (chainId, nodeIds, step, customerId) =>
    set({ highlight: { chainId, nodeIds: [...nodeIds], step: clampStep(step, nodeIds.length), ...(customerId === undefined ? {} : { customerId }) } }),
  stepHighlight: (by) => set((state) => (state.highlight ? { highlight: { ...state.highlight, step: clampStep(state.highlight.step + by, state.highlight.nodeIds.length) } } : {})),
  clearHighlight: () => set({ highlight: null }),
  showDelta: (baseRunId, otherRunId) => set({ delta: { baseRunId, otherRunId } }),
  clearDelta: () => set({ delta: null }),
}));

/** For screens outside React: `runOverlayStore.getState().highlightPath(…)`. */
export const runOverlayStore = useRunOverlay;
export function highlightPath(chainId: string, nodeIds: readonly string[], step: number, customerId?: string): void {
  useRunOverlay.getState().highlightPath(chainId, nodeIds, step, customerId);
}
export function showDelta(baseRunId: string, otherRunId: string): void {
  useRunOverlay.getState().showDelta(baseRunId, otherRunId);
}
