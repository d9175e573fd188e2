import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredImport } from '../../db/repositories/importRepository';
import type { ImportBatch, Workspace } from '../../domain';
import { useAppStore } from '../../store/appStore';
import { useFormat } from '../../ui/format';
import { engineWorker } from '../../workers/engineClient';
import { importErrorText } from './importErrors';
import { useImportHistory, type HistoryStatus } from './useImportHistory';

const STATUS_COLORS: Record<HistoryStatus, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  running: 'info',
  interrupted: 'warning',
  done: 'success',
  failed: 'error',
  rolled_back: 'default',
  cancelled: 'default',
};

/** Every import of the workspace with its counts and status; undo, remove, resume and the report. */
/** `isPaused`: keep the list as it is (an import runs in this tab; see useImportHistory). */
export function ImportHistory({ workspace, isPaused = false, onShowReport, onResume }: { workspace: Workspace; isPaused?: boolean; onShowReport: (batch: ImportBatch) => void; onResume: (batch: ImportBatch) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const entries = useImportHistory(workspace.id, isPaused);
  const [confirming, setConfirming] = useState<ImportBatch | undefined>();
  const [isBusy, setBusy] = useState(false);

  async function undo(batch: ImportBatch) {
    setBusy(true);
    try {
      const result = await engineWorker('import').call('undo', { workspaceId: workspace.id, batchId: batch.id });
      notify('success', ({ t, format }) => t('import.history.undone', { events: format.count(result.removedEvents), customers: format.count(result.removedCustomers), restored: format.count(result.restoredCustomers), kept: format.count(result.keptCustomers) }));
    } catch (error) {
      notify('error', ({ t }) => importErrorText(error, t));
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }

  async function remove(batch: ImportBatch) {
    try {
      await engineWorker('import').call('remove', { workspaceId: workspace.id, batchId: batch.id });
      notify('success', ({ t }) => t('import.history.removed'));
    } catch (error) {
      notify('error', ({ t }) => importErrorText(error, t));
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="import-history">
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('import.history.title')}
      </Typography>
      {entries && entries.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('import.history.empty')}
        </Typography>
      )}
      {entries && entries.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('import.history.when')}</TableCell>
                <TableCell>{t('import.history.file')}</TableCell>
                <TableCell>{t('import.history.kind')}</TableCell>
                <TableCell>{t('import.history.status')}</TableCell>
                <TableCell>{t('import.history.counts')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map(({ batch, status }) => {
                const stored = batch.report as StoredImport | undefined;
                const counts = status === 'running' || status === 'interrupted' ? format.count(stored?.progress?.rows ?? 0) : [batch.counts.read, batch.counts.accepted, batch.counts.merged, batch.counts.rejected].map((n) => format.count(n)).join(' / ');
                return (
                  <TableRow key={batch.id} data-testid="import-history-row">
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(batch.createdAt)}</TableCell>
                    {batch.kind === 'demo' ? <TableCell>{t('import.history.demoSource')}</TableCell> : <TableCell data-value>{batch.sourceName}</TableCell>}
                    <TableCell>{t(`import.kinds.${batch.kind}`)}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATUS_COLORS[status]} label={t(`import.history.statuses.${status}`)} />
                    </TableCell>
                    <TableCell>{counts}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                        {stored?.report && <Button size="small" onClick={() => onShowReport(batch)}>{t('import.history.view')}</Button>}
                        {status === 'done' && <Button size="small" color="warning" onClick={() => setConfirming(batch)}>{t('import.history.undo')}</Button>}
                        {status === 'interrupted' && <Button size="small" onClick={() => void remove(batch)}>{t('import.history.remove')}</Button>}
                        {status === 'interrupted' && stored && <Button size="small" onClick={() => onResume(batch)}>{t('import.history.resume')}</Button>}
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      <Dialog open={confirming !== undefined} onClose={() => !isBusy && setConfirming(undefined)}>
        <DialogTitle>{t('import.history.undoTitle', { file: confirming?.sourceName ?? '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('import.history.undoText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(undefined)} disabled={isBusy}>
            {t('import.history.cancel')}
          </Button>
          <Button color="warning" variant="contained" onClick={() => confirming && void undo(confirming)} disabled={isBusy}>
            {t('import.history.undoConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
