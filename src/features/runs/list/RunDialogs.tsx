import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store/appStore';
import { runErrorText } from '../results/runText';
import { deleteRun, renameRun } from './runActions';

export type RunDialog = { kind: 'rename' | 'delete'; runId: string; name: string };

/** Renaming a run (a name is required) and deleting one (confirmed: it cannot be undone). */
export function RunDialogs({ workspaceId, dialog, onClose, onDone }: { workspaceId: string; dialog: RunDialog; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const notify = useAppStore((state) => state.notify);
  const [name, setName] = useState(dialog.name);
  const [isBusy, setBusy] = useState(false);
  const isNameEmpty = !name.trim();
  async function run(action: () => Promise<void>, success?: string): Promise<void> {
    setBusy(true);
    try {
      await action();
      if (success) notify('success', success);
      onDone();
      onClose();
    } catch (error) {
      notify('error', runErrorText(error, t));
      setBusy(false);
    }
  }
  if (dialog.kind === 'delete') {
    return (
      <Dialog open onClose={onClose} aria-labelledby="run-delete-title" data-testid="run-delete-dialog">
        <DialogTitle id="run-delete-title">{t('runResults.list.deleteTitle', { name: dialog.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('runResults.list.deleteBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('runResults.list.cancel')}</Button>
          <Button color="error" variant="contained" disabled={isBusy} onClick={() => void run(() => deleteRun(workspaceId, dialog.runId), t('runResults.list.deleted', { name: dialog.name }))} data-testid="run-delete-confirm">
            {t('runResults.list.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!isNameEmpty) void run(() => renameRun(workspaceId, dialog.runId, name));
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="run-rename-title" data-testid="run-rename-dialog" fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle id="run-rename-title">{t('runResults.list.renameTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('runResults.list.nameLabel')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={isNameEmpty}
            helperText={isNameEmpty ? t('runResults.list.nameEmpty') : ' '}
            slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'run-name-input' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('runResults.list.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={isBusy || isNameEmpty} data-testid="run-rename-save">{t('runResults.list.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
