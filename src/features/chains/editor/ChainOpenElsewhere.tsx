import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { getChain, getDatabase } from '../../../db';
import { useLiveQuery } from '../../../db/react';
import { ChainCanvas } from '../canvas/ChainCanvas';
import { useChainEditor } from '../canvas/editorStore';

/** What would invite an edit or a zoom that the inert canvas cannot take: the "+" buttons and the zoom buttons. */
const HIDE_EDIT_CONTROLS = { '& [data-testid^="port-plus-"], & [data-testid^="edge-plus-"], & .react-flow__controls': { display: 'none' } };

/**
 * The chain while another tab edits it (useChainTabLock.ts): a notice, and the canvas read-only
 * (inert: no edit can start here), following what the other tab saves — the live query re-reads
 * the chain whenever it is stored, in any tab.
 */
export function ChainOpenElsewhere({ chainId }: { chainId: string }) {
  const { t } = useTranslation();
  const stored = useLiveQuery(() => getChain(getDatabase(), chainId), [chainId], 'loading' as const);
  const chain = stored !== 'loading' && stored?.ok ? stored.loaded.chain : null;
  useEffect(() => {
    if (chain) useChainEditor.getState().load(chain);
  }, [chain]);
  useEffect(() => () => useChainEditor.getState().unload(), []);
  const isShown = useChainEditor((state) => state.chain?.id === chainId);
  if (stored === undefined) return <Alert severity="error">{t('chains.editor.notFound')}</Alert>;
  return (
    <Stack spacing={1} data-testid="chain-open-elsewhere">
      <Button component={RouterLink} to="/chains" startIcon={<ArrowBackIcon />} size="small" sx={{ alignSelf: 'flex-start' }}>
        {t('chains.editor.back')}
      </Button>
      <Alert severity="info" data-testid="chain-locked-notice">
        {t('chains.editor.openElsewhere')}
      </Alert>
      <Typography variant="h6" component="h1" data-value>
        {chain?.name}
      </Typography>
      {isShown ? (
        <Paper variant="outlined" inert aria-label={t('chains.editor.openElsewhereLabel')} sx={{ height: 'calc(100vh - 320px)', minHeight: 360, overflow: 'hidden', ...HIDE_EDIT_CONTROLS }}>
          <ReactFlowProvider>
            <ChainCanvas />
          </ReactFlowProvider>
        </Paper>
      ) : (
        <LinearProgress aria-label={t('chains.editor.loading')} />
      )}
    </Stack>
  );
}
