import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { getDatabase, listChains } from '../../../db';
import { useLiveQuery } from '../../../db/react';
import type { SimulationRunRecord } from '../../../domain/simulation';
import { RunStoredChains } from '../run/RunStoredChains';

/**
 * "New run" on the Runs screen: pick one chain or several to run together, then the Run dialog
 * (period, seed, projection) as from the canvas. Chains with errors are listed but cannot be
 * picked — the Run dialog would refuse them — and say why.
 */
export function NewRunDialog({ workspaceId, onClose, onFinished }: { workspaceId: string; onClose(): void; onFinished(record: SimulationRunRecord): void }) {
  const { t } = useTranslation();
  const listed = useLiveQuery(() => listChains(getDatabase(), workspaceId), [workspaceId]);
  const [picked, setPicked] = useState<string[]>([]);
  const [runIds, setRunIds] = useState<string[] | null>(null);
  const chains = listed?.chains ?? [];
  function toggle(id: string): void {
    setPicked((current) => (current.includes(id) ? current.filter((item) => item !== id) : [...current, id]));
  }
  if (runIds) return <RunStoredChains chainIds={runIds} onClose={onClose} onFinished={onFinished} />;
  return (
    <Dialog open onClose={onClose} aria-labelledby="new-run-title" fullWidth maxWidth="sm" data-testid="new-run-dialog">
      <DialogTitle id="new-run-title">{t('runResults.list.newRunTitle')}</DialogTitle>
      <DialogContent dividers>
        {listed === undefined ? (
          <Typography color="text.secondary" role="status">{t('runResults.list.loading')}</Typography>
        ) : chains.length === 0 ? (
          <Alert severity="info" action={<Button color="inherit" component={RouterLink} to="/chains">{t('runResults.list.toChains')}</Button>}>{t('runResults.list.noChains')}</Alert>
        ) : (
          <Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('runResults.list.newRunHint')}</Typography>
            {chains.map((chain) => (
              <FormControlLabel
                key={chain.id}
                disabled={!chain.isValid}
                control={<Checkbox checked={picked.includes(chain.id)} onChange={() => toggle(chain.id)} data-testid="new-run-chain" />}
                label={chain.isValid ? chain.name : t('runResults.list.chainHasErrors', { name: chain.name, count: chain.errors })}
              />
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('runResults.list.cancel')}</Button>
        <Button variant="contained" disabled={picked.length === 0} onClick={() => setRunIds(chains.filter((chain) => picked.includes(chain.id)).map((chain) => chain.id))} data-testid="new-run-continue">
          {t('runResults.list.newRunContinue', { count: picked.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
