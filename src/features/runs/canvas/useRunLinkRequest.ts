import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAppStore } from '../../../store/appStore';
import { runErrorText } from '../results/runText';
import { engineWorker } from '../../../workers/engineClient';
import { useRunOverlay } from './runOverlayStore';

/**
 * The canvas opened by a link from a run's pages: `?run=<id>` shows that run's counts (the
 * results page's and the trace's "Show on the canvas"), `&compare=<base id>` also draws the
 * changes against the base run (the compare screen). A run that cannot be read is said so and
 * leaves the canvas as it was: the run picker still offers the chain's runs.
 */
export function useRunLinkRequest(workspaceId: string): void {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [searchParams] = useSearchParams();
  const runId = searchParams.get('run');
  const baseRunId = searchParams.get('compare');
  useEffect(() => {
    if (!runId) return;
    let isCurrent = true;
    void engineWorker('simulate')
      .call('loadRun', { workspaceId, runId })
      .then((record) => {
        if (!isCurrent) return;
        const overlay = useRunOverlay.getState();
        overlay.showRun(record);
        if (baseRunId && baseRunId !== runId) overlay.showDelta(baseRunId, runId);
      })
      .catch((error: unknown) => isCurrent && notify('error', runErrorText(error, t)));
    return () => {
      isCurrent = false;
    };
  }, [workspaceId, runId, baseRunId, notify, t]);
}
