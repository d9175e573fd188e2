import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chain } from '../../../domain/chains';
import { resultsFreshness, runChainFingerprints, type ChainFigures, type ResultsFreshness } from '../../../domain/runs';
import type { SimulationRunRecord } from '../../../domain/simulation';
import type { RunSummary } from '../../../engine/simulate/simulateTypes';
import { useFormat } from '../../../ui/format';
import { useLanguage } from '../../../ui/useLanguage';
import { engineWorker } from '../../../workers/engineClient';
import { useChainEditor } from '../../chains/canvas/editorStore';
import { useRunJob } from '../run/runJobStore';
import { withDeltas } from './deltaOverlay';
import { runCanvasOverlay } from './runCanvasOverlay';
import { useCanvasDelta, type CanvasDelta } from './useCanvasDelta';
import { useRunOverlay } from './runOverlayStore';

/** The saved runs that ran `chainId`, newest first (readable ones only). */
export function runsOfChain(items: readonly ({ ok: true } & RunSummary | { ok: false })[], chainId: string): RunSummary[] {
  return items.filter((item): item is { ok: true } & RunSummary => item.ok && item.chains.some((chain) => chain.id === chainId));
}

export interface CanvasRun {
  /** the run whose counts belong to this chain, or null (none yet, or hidden) */
  record: SimulationRunRecord | null;
  isHidden: boolean;
  /** current: the counts are on the canvas; stale: the chain was edited after the run (counts withdrawn) */
  freshness: ResultsFreshness | null;
  /** the chain's saved runs, newest first (for the run picker) */
  runs: RunSummary[];
  /** the chain's figures in the run, while they describe the chain as it is */
  figures: ChainFigures | null;
  /** a compare's changes against another run, drawn beside the counts */
  delta: CanvasDelta | null;
}

/**
 * The run shown on the open chain's canvas: the one the user chose (or just ran), else the
 * chain's newest saved run. Its counts go onto the canvas while they describe the chain as it
 * is; once the chain is edited (anything but moving, renaming or notes) they are withdrawn and
 * the canvas says so.
 */
export function useCanvasRun(workspaceId: string, chain: Chain | null): CanvasRun {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const chainId = chain?.id ?? '';
  const shown = useRunOverlay((state) => state.shown[chainId]);
  const finishedRunId = useRunJob((state) => (state.job?.status === 'done' ? state.job.record.id : null));
  const [runs, setRuns] = useState<RunSummary[]>([]);
  useEffect(() => {
    if (!chainId) return;
    let isCurrent = true;
    void engineWorker('simulate')
      .call('listRuns', { workspaceId })
      .then((items) => {
        if (!isCurrent) return;
        const own = runsOfChain(items, chainId);
        setRuns(own);
        const newest = own[0];
        if (newest && useRunOverlay.getState().shown[chainId] === undefined) {
          return engineWorker('simulate').call('loadRun', { workspaceId, runId: newest.id }).then((record) => {
            if (isCurrent && useRunOverlay.getState().shown[chainId] === undefined) useRunOverlay.getState().showRun(record);
          });
        }
      })
      .catch(() => isCurrent && setRuns([]));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, chainId, finishedRunId]);
  const record = shown && shown !== 'hidden' ? shown : null;
  const fingerprints = useMemo(() => (record ? runChainFingerprints(record.inputs.chains.map((input) => input.chain)) : null), [record]);
  const freshness = useMemo(() => (fingerprints && chain ? (resultsFreshness({ [chain.id]: fingerprints[chain.id] ?? '' }, [chain])[0]?.freshness ?? null) : null), [fingerprints, chain]);
  const figures = record?.sums?.chains.find((item) => item.id === chainId) ?? null;
  const delta = useCanvasDelta(workspaceId, chainId, record);
  useEffect(() => {
    const editor = useChainEditor.getState();
    if (!chain || !figures || freshness !== 'current') {
      if (editor.overlay) editor.setOverlay(null);
      return;
    }
    const texts = { t: (key: string, params?: Record<string, unknown>) => t(key, params), format, language };
    const counts = runCanvasOverlay(chain, figures, texts);
    const overlay = delta ? withDeltas(counts, delta.chain, delta.base.name, texts) : counts;
    editor.setOverlay({ ...overlay, onOpenNode: (nodeId) => useRunOverlay.getState().openNodeCustomers(chain.id, nodeId) });
  }, [chain, figures, freshness, delta, t, format, language]);
  useEffect(() => () => useChainEditor.getState().setOverlay(null), []);
  const isCurrent = freshness === 'current';
  return { record, isHidden: shown === 'hidden', freshness, runs, figures: isCurrent ? figures : null, delta: isCurrent ? delta : null };
}
