import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSPACE_FILE_EXTENSION } from '../../domain/workspaceFile/workspaceFileFormat';
import { isCancelled } from '../../engine/cancel';
import { useAppStore } from '../../store/appStore';
import { errorMessage } from '../../ui/errorMessage';
import { useFormat } from '../../ui/format';
import { BusyBar } from '../../ui/ProgressBars';
import { engineWorker } from '../../workers/engineClient';
import { useWorkerJob } from '../../workers/useWorkerJob';
import { switchWorkspace } from '../workspaces/workspaceActions';
import { trackedJob } from '../interruptedJobs/trackedJob';

/**
 * Opens a .chainlab file as a new workspace. The worker reads and checks the whole file before
 * writing anything, then writes it in one transaction: Cancel or a bad file leave every
 * workspace as it was.
 */
export function ImportWorkspaceDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useAppStore((state) => state.notify);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const { progress, error, isBusy, clearError, start, cancel } = useWorkerJob();

  function importFile(chosen: File): Promise<void> {
    return start({ done: 0, total: chosen.size, phase: 'read' }, async (options) => {
      const result = await trackedJob({ kind: 'workspaceImport', label: chosen.name, workspaceId: null }, () => engineWorker('workspaceFile').call('importWorkspace', { file: chosen }, options));
      await switchWorkspace(result.workspaceId);
      notify('success', ({ t }) => {
        const summary = t('workspaceFile.imported', { name: result.name, customers: format.count(result.customers), events: format.count(result.events), chains: format.count(result.chains), runs: format.count(result.runs) });
        return result.isPseudonymised ? `${summary} ${t('workspaceFile.importedPseudonymised')}` : summary;
      });
      onClose();
    });
  }

  return (
    <Dialog open onClose={isBusy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="import-workspace-title">
      <DialogTitle id="import-workspace-title">{t('workspaceFile.importTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('workspaceFile.importHelp')}</DialogContentText>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={isBusy}>
              {t('workspaceFile.chooseFile')}
            </Button>
            <input
              ref={input}
              type="file"
              accept={`${WORKSPACE_FILE_EXTENSION},application/octet-stream`}
              aria-label={t('workspaceFile.chooseFile')}
              data-testid="workspace-file-input"
              hidden
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                event.target.value = '';
                clearError();
                setFile(chosen);
              }}
            />
            {file && <Typography variant="body2" data-testid="workspace-file-chosen"><span data-value>{file.name}</span> · {format.bytes(file.size)}</Typography>}
          </Box>
          {progress && <BusyBar label={progress.phase === 'commit' ? t('workspaceFile.saving') : t('workspaceFile.reading')} done={progress.phase === 'commit' ? undefined : progress.done} total={progress.total} />}
          {error !== null && (
            <Alert severity={isCancelled(error) ? 'info' : 'error'} data-testid="workspace-file-error">
              {isCancelled(error) ? t('workspaceFile.notChanged') : `${errorMessage(error, t)} ${t('workspaceFile.notChanged')}`}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => cancel(onClose)}>{t('workspaceFile.cancel')}</Button>
        <Button variant="contained" onClick={() => file && void importFile(file)} disabled={!file || isBusy}>{t('workspaceFile.importAction')}</Button>
      </DialogActions>
    </Dialog>
  );
}
