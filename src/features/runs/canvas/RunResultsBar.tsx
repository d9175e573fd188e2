import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useFormat } from '../../../ui/format';
import { engineWorker } from '../../../workers/engineClient';
import { useChainEditor } from '../../chains/canvas/editorStore';
import { RunDialog } from '../run/RunDialog';
import type { Chain } from '../../../domain/chains';
import type { ChainFigures } from '../../../domain/runs';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { useActiveWorkspace } from '../../workspaces/useWorkspaces';
import { pathHighlight } from './pathHighlight';
import { NodeCustomersDialog, type NodeCustomersTarget } from './NodeCustomersDialog';
import { useRunOverlay } from './runOverlayStore';
import { useCanvasRun } from './useCanvasRun';
import { useRunLinkRequest } from './useRunLinkRequest';

const HIDDEN = 'hidden';

function showFinishedRun(record: SimulationRunRecord): void {
  useRunOverlay.getState().showRun(record);
}

function nodeTarget(runId: string, chain: Chain, figures: ChainFigures, nodeId: string): NodeCustomersTarget | null {
  const node = chain.nodes.find((item) => item.id === nodeId);
  const own = figures.nodes[nodeId];
  return node && own ? { runId, chainId: chain.id, node, figures: own } : null;
}

/** Draws the trace screen's path highlight on this chain's canvas, and removes it when it is cleared. */
function usePathHighlight(chain: Chain | null): { step: number; steps: number; customerId?: string; nodeId?: string } | null {
  const request = useRunOverlay((state) => state.highlight);
  const chainId = chain?.id;
  const isMine = Boolean(request && chain && request.chainId === chainId);
  useEffect(() => {
    const editor = useChainEditor.getState();
    if (request && chain && request.chainId === chain.id) editor.setHighlight(pathHighlight(chain, request.nodeIds, request.step));
    else if (editor.highlight) editor.setHighlight(null);
  }, [request, chain]);
  useEffect(() => () => useChainEditor.getState().setHighlight(null), []);
  return isMine && request ? { step: request.step, steps: request.nodeIds.length, customerId: request.customerId, nodeId: request.nodeIds[request.step] } : null;
}

/** "Path of customer 42 in “Run 1”: step 2 of 5 (Wait 30 minutes)", with steps back and on, and Clear. */
function PathNotice({ path, chain, runName }: { path: NonNullable<ReturnType<typeof usePathHighlight>>; chain: Chain; runName: string }) {
  const { t } = useTranslation();
  const node = chain.nodes.find((item) => item.id === path.nodeId);
  const nodeName = node ? node.label || t(`chains.kinds.${node.kind}`) : t('runCanvas.canvas.goneNode');
  const step = (by: number) => useRunOverlay.getState().stepHighlight(by);
  return (
    <Alert
      severity="info"
      data-testid="path-notice"
      action={
        <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
          <Button color="inherit" size="small" disabled={path.step === 0} onClick={() => step(-1)} data-testid="path-previous">{t('runCanvas.canvas.previousStep')}</Button>
          <Button color="inherit" size="small" disabled={path.step >= path.steps - 1} onClick={() => step(1)} data-testid="path-next">{t('runCanvas.canvas.nextStep')}</Button>
          <Button color="inherit" size="small" onClick={() => useRunOverlay.getState().clearHighlight()} data-testid="path-clear">{t('runCanvas.canvas.clearPath')}</Button>
        </Stack>
      }
    >
      <span role="status">
        {path.customerId === undefined
          ? t('runCanvas.canvas.path', { step: path.step + 1, steps: path.steps })
          : t('runCanvas.canvas.pathOf', { customer: path.customerId, run: runName, step: path.step + 1, steps: path.steps, node: nodeName })}
      </span>
    </Alert>
  );
}

/**
 * Above the canvas: "Run" (the Run dialog for this chain), and once the chain has runs, whose
 * counts the canvas shows ("Results of: <run> · <date>", any run of the chain, or none) with a
 * link to its results page. When the chain was edited after the run the counts are withdrawn
 * and the bar says so, with "Run again".
 */
export function RunResultsBar({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const chain = useChainEditor((state) => state.content);
  const [isDialogOpen, setDialogOpen] = useState(false);
  const { record, isHidden, freshness, runs, figures, delta } = useCanvasRun(workspaceId, chain);
  useRunLinkRequest(workspaceId);
  const workspace = useActiveWorkspace();
  const openNode = useRunOverlay((state) => state.openNode);
  const path = usePathHighlight(chain);
  const openTarget = openNode && record && figures && chain && openNode.chainId === chain.id ? nodeTarget(record.id, chain, figures, openNode.nodeId) : null;
  const chainId = chain?.id ?? '';
  const choose = useCallback(
    (runId: string) => {
      if (runId === HIDDEN) useRunOverlay.getState().hideRun(chainId);
      else void engineWorker('simulate').call('loadRun', { workspaceId, runId }).then((loaded) => useRunOverlay.getState().showRun(loaded));
    },
    [workspaceId, chainId],
  );
  const openDialog = () => setDialogOpen(true);
  // Stable props: the bar re-renders several times as a run ends (runs list, record, counts) and the dialog is memoised.
  const closeDialog = useCallback(() => setDialogOpen(false), []);
  const dialogChains = useMemo(() => (chain ? [chain] : []), [chain]);
  const selected = isHidden ? HIDDEN : (record?.id ?? '');
  return (
    <Stack spacing={1} data-testid="run-results-bar">
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" size="small" startIcon={<PlayArrowIcon />} onClick={openDialog} data-testid="canvas-run">{t('runCanvas.run')}</Button>
        {runs.length > 0 && (
          <TextField
            select
            size="small"
            label={t('runCanvas.canvas.resultsOf')}
            value={runs.some((run) => run.id === selected) || selected === HIDDEN ? selected : ''}
            onChange={(event) => choose(event.target.value)}
            sx={{ minWidth: 260, maxWidth: 480 }}
            slotProps={{ select: { 'data-testid': 'run-picker' } as object }}
          >
            {runs.map((run) => <MenuItem key={run.id} value={run.id} data-testid="run-picker-option">{t('runCanvas.canvas.runOption', { name: run.name, date: format.dateTime(run.createdAt) })}</MenuItem>)}
            <MenuItem value={HIDDEN}>{t('runCanvas.canvas.hide')}</MenuItem>
          </TextField>
        )}
        {record && !isHidden && <Button component={RouterLink} to={`/runs/${record.id}`} size="small" data-testid="canvas-open-results">{t('runCanvas.progress.openResults')}</Button>}
      </Stack>
      {path && chain && <PathNotice path={path} chain={chain} runName={record?.name ?? ''} />}
      {delta && record && (
        <Alert severity="info" data-testid="delta-notice" action={<Button color="inherit" size="small" onClick={() => useRunOverlay.getState().clearDelta()} data-testid="clear-delta">{t('runCanvas.canvas.clearDelta')}</Button>}>
          {t('runCanvas.canvas.deltaOf', {
            // Two runs of one chain often share its name: the date tells them apart.
            other: t('runCanvas.canvas.runOption', { name: record.name, date: format.dateTime(record.createdAt) }),
            base: t('runCanvas.canvas.runOption', { name: delta.base.name, date: format.dateTime(delta.base.createdAt) }),
          })}
        </Alert>
      )}
      {record && !isHidden && freshness === 'stale' && (
        <Alert severity="warning" data-testid="stale-notice" action={<Button color="inherit" size="small" onClick={openDialog} data-testid="run-again">{t('runCanvas.canvas.runAgain')}</Button>}>
          {t('runCanvas.canvas.stale', { name: record.name })}
        </Alert>
      )}
      {openTarget && workspace && <NodeCustomersDialog workspace={workspace} target={openTarget} onClose={() => useRunOverlay.getState().closeNodeCustomers()} />}
      {chain && <RunDialog open={isDialogOpen} chains={dialogChains} onClose={closeDialog} onFinished={showFinishedRun} />}
    </Stack>
  );
}
