import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, FormHelperText, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../domain';
import { isCancelled } from '../../engine/cancel';
import { useAppStore } from '../../store/appStore';
import { downloadBlob } from '../../ui/download';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { engineWorker } from '../../workers/engineClient';
import { useWorkerJob } from '../../workers/useWorkerJob';

/** Export the whole workspace to one .chainlab file, optionally pseudonymised; progress and Cancel. */
export function ExportWorkspaceDialog({ workspace, onClose }: { workspace: Workspace; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const [isPseudonymised, setPseudonymised] = useState(false);
  const { progress, error, isBusy, start, cancel } = useWorkerJob();

  function exportFile(): Promise<void> {
    return start({ done: 0, total: 1 }, async (options) => {
      const result = await engineWorker('workspaceFile').call('exportWorkspace', { workspaceId: workspace.id, isPseudonymised }, options);
      downloadBlob(result.fileName, result.file);
      notify('success', ({ t }) => t('workspaceFile.exported', { name: workspace.name, size: format.bytes(result.bytes) }));
      onClose();
    });
  }

  return (
    <Dialog open onClose={isBusy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="export-workspace-title">
      <DialogTitle id="export-workspace-title">{t('workspaceFile.exportTitle', { name: workspace.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('workspaceFile.exportHelp')}</DialogContentText>
          <div>
            <FormControlLabel
              control={<Checkbox checked={isPseudonymised} onChange={(event) => setPseudonymised(event.target.checked)} disabled={isBusy} slotProps={{ input: { 'aria-describedby': 'pseudonymise-help' } }} />}
              label={t('workspaceFile.pseudonymise')}
            />
            <FormHelperText id="pseudonymise-help" sx={{ mt: 0 }}>{t('workspaceFile.pseudonymiseHelp')}</FormHelperText>
          </div>
          {progress && <BusyBar label={t('workspaceFile.exporting')} done={progress.done} total={progress.total} />}
          {error !== null && !isCancelled(error) && <Alert severity="error" data-testid="workspace-file-error">{errorMessage(error, t)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => cancel(onClose)}>{t('workspaceFile.cancel')}</Button>
        <Button variant="contained" onClick={() => void exportFile()} disabled={isBusy}>{t('workspaceFile.exportAction')}</Button>
      </DialogActions>
    </Dialog>
  );
}
